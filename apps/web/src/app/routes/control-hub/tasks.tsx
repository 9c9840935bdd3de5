import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { ImportsList } from "../../../features/imports/components/imports-list.tsx";
import { OpenPreviews } from "../../../features/imports/components/open-previews.tsx";

export function TasksRoute() {
  const { t } = useTranslation();
  const customerId = useParams().customerId ?? "";
  return (
    <>
      <PageTitle title={t("imports.tasks.title")} product={t("app.controlHub")} />
      <div className="page-header">
        <h1>{t("imports.tasks.title")}</h1>
      </div>
      <OpenPreviews customerId={customerId} />
      <ImportsList customerId={customerId} />
    </>
  );
}
