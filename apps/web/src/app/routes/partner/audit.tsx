import { useTranslation } from "react-i18next";
import { PageTitle } from "../../../components/page-title.tsx";
import { AuditLog } from "../../../features/audit/components/audit-log.tsx";

/** Partner Hub → Audit log: the partner's administrators and every (visible) customer's changes. */
export function PartnerAuditRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("audit.title")} />
      <div className="page-header">
        <h1>{t("audit.title")}</h1>
      </div>
      <AuditLog />
    </>
  );
}
