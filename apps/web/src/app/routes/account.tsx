import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/page-title.tsx";
import { ChangePasswordForm } from "../../features/account/components/change-password-form.tsx";
import { useCurrentUser } from "../../features/auth/hooks/use-current-user.ts";

/** My account: who I am signed in as, and my password. */
export function AccountRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <main id="main" className="content content--narrow" tabIndex={-1}>
      <PageTitle title={t("account.title")} />
      <div className="page-header">
        <div className="page-header__titles">
          <h1>{t("account.title")}</h1>
          <p className="page-header__subtitle">
            {t("account.details", { email: me.email, role: t(`roles.${me.role}`) })}
          </p>
        </div>
      </div>
      <section className="card account-card" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t("account.changePassword")}</h2>
        <p className="field__hint">{t("account.changePasswordHint")}</p>
        <ChangePasswordForm email={me.email} />
      </section>
    </main>
  );
}
