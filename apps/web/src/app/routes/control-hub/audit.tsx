import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { AuditLog } from "../../../features/audit/components/audit-log.tsx";

export function AuditRoute() {
  const { t } = useTranslation();
  const customerId = useParams().customerId ?? "";
  return (
    <>
      <PageTitle title={t("audit.title")} product={t("app.controlHub")} />
      <div className="page-header">
        <h1>{t("audit.title")}</h1>
      </div>
      <AuditLog customerId={customerId} />
    </>
  );
}
