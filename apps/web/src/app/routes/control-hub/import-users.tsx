import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { Breadcrumb } from "../../../components/ui/breadcrumb.tsx";
import { MessagePage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { useCanChangeCustomer } from "../../hooks/use-can-change-customer.ts";
import { CsvImport } from "../../../features/imports/components/csv-import.tsx";

export function ImportUsersRoute() {
  const { t } = useTranslation();
  const customerId = useParams().customerId ?? "";
  const canChange = useCanChangeCustomer(customerId);

  return (
    <>
      <PageTitle title={t("imports.title")} product={t("app.controlHub")} />
      <Breadcrumb
        parent={{ href: paths.controlHub.users.getHref(customerId), label: t("user.backToUsers") }}
        current={t("imports.title")}
      />
      <div className="page-header">
        <h1>{t("imports.title")}</h1>
      </div>
      {canChange ? (
        <CsvImport customerId={customerId} />
      ) : (
        <MessagePage title={t("imports.title")} body={t("imports.notAllowed")} />
      )}
    </>
  );
}
