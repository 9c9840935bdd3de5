import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PublicPage } from "../../components/public-page.tsx";
import { ErrorState, PageSpinner } from "../../components/ui/states.tsx";
import { paths } from "../../config/paths.ts";
import { useAuthOptions } from "../../features/auth/api/get-auth-options.ts";
import { ForgotPasswordForm } from "../../features/auth/components/forgot-password-form.tsx";

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  const options = useAuthOptions();
  if (options.isPending) return <PageSpinner />;
  return (
    <PublicPage title={t("forgotPassword.title")}>
      <h1 className="sign-in-card__title">{t("forgotPassword.title")}</h1>
      {options.isError ? (
        <ErrorState
          title={t("forgotPassword.title")}
          error={options.error}
          onRetry={() => void options.refetch()}
        />
      ) : options.data.passwordResetByEmail ? (
        <>
          <p className="sign-in-card__subtitle">{t("forgotPassword.lead")}</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="sign-in-card__subtitle">{t("forgotPassword.noMail")}</p>
      )}
      <p className="sign-in-card__footer">
        <Link to={paths.signIn.getHref()}>{t("forgotPassword.backToSignIn")}</Link>
      </p>
    </PublicPage>
  );
}
