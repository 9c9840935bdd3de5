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
        items={[{ to: paths.partner.customers.getHref(), label: t("nav.customers") }]}
      />
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
