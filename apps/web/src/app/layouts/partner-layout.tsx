import { isPartnerRole } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet } from "react-router";
import { paths } from "../../config/paths.ts";
import { useCurrentUser } from "../../features/auth/hooks/use-current-user.ts";
import { landingPath } from "../../features/auth/landing-path.ts";
import { SideNav } from "./side-nav.tsx";

/** Partner Hub: only for partner roles; a customer admin is sent to their own Control Hub. */
export function PartnerLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!isPartnerRole(me.role)) return <Navigate to={landingPath(me)} replace />;
  return (
    <div className="shell">
      <SideNav
        label={t("nav.partnerHub")}
        title={t("nav.partnerHub")}
        items={[
          { to: paths.partner.customers.getHref(), label: t("nav.customers") },
          // Managing the partner's administrators is the full administrators' (spec §1);
          // read-only administrators see the list without actions.
          ...(me.role === "partner_full_admin" || me.role === "partner_readonly_admin"
            ? [{ to: paths.partner.admins.getHref(), label: t("nav.administrators") }]
            : []),
          { to: paths.partner.audit.getHref(), label: t("nav.audit") },
        ]}
      />
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
