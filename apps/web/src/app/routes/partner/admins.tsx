import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { paths } from "../../../config/paths.ts";
import { AdminsList } from "../../../features/admins/components/admins-list.tsx";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";

const PARTNER = { kind: "partner" } as const;

/** Partner Hub → Administrators: full administrators manage, read-only ones look. */
export function PartnerAdminsRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.role !== "partner_full_admin" && me.role !== "partner_readonly_admin")
    return <Navigate to={paths.partner.customers.getHref()} replace />;
  return (
    <>
      <PageTitle title={t("admins.title")} />
      <div className="page-header">
        <h1>{t("admins.title")}</h1>
      </div>
      <AdminsList owner={PARTNER} canManage={me.role === "partner_full_admin"} meId={me.id} />
    </>
  );
}
