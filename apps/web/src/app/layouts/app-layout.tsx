import { isPartnerRole } from "@partner-hub/shared";
import { BrandLogo } from "../../components/brand-logo.tsx";
import { useTranslation } from "react-i18next";
import { Link, Outlet, ScrollRestoration } from "react-router";
import { paths } from "../../config/paths.ts";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { useLogout } from "../../features/auth/api/logout.ts";
import { useCurrentUser } from "../../features/auth/hooks/use-current-user.ts";
import { landingPath } from "../../features/auth/landing-path.ts";

/** The frame of every signed-in page: header with product, person, language and sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const product = isPartnerRole(me.role) ? t("app.partnerHub") : t("app.controlHub");

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <Link to={landingPath(me)} className="brand">
          <span className="brand__logo" aria-hidden="true">
            <BrandLogo size={28} />
          </span>
          <span className="brand__name">{product}</span>
          {me.partnerName && <span className="brand__org">{me.partnerName}</span>}
        </Link>
        <div className="app-header__end">
          <LanguageSwitch />
          <div className="account" aria-label={t("header.account")} role="group">
            <span className="account__avatar" aria-hidden="true">
              {initials(me.name)}
            </span>
            <span className="account__text">
              <span className="account__name" title={me.email}>
                {me.name}
              </span>
              <span className="account__role">{t(`roles.${me.role}`)}</span>
            </span>
          </div>
          <Link to={paths.account.getHref()} className="button button--ghost">
            {t("header.myAccount")}
          </Link>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            {logout.isPending ? t("header.signingOut") : t("header.signOut")}
          </button>
        </div>
      </header>
      <Outlet />
      <ScrollRestoration />
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}
