import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { PublicPage } from "../../components/public-page.tsx";
import { PageSpinner } from "../../components/ui/states.tsx";
import { paths, safeRedirectTarget } from "../../config/paths.ts";
import { useMe } from "../../features/auth/api/get-me.ts";
import { SignInForm } from "../../features/auth/components/sign-in-form.tsx";
import { landingPath } from "../../features/auth/landing-path.ts";

export function SignInRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirectTarget(searchParams.get("redirectTo"));
  const sessionEnded = searchParams.get("reason") === "session-ended";

  if (me.isPending) return <PageSpinner />;
  if (me.data) return <Navigate to={redirectTo ?? landingPath(me.data)} replace />;

  return (
    <PublicPage title={t("signIn.title")}>
      <h1 className="sign-in-card__title">{t("signIn.title")}</h1>
      <p className="sign-in-card__subtitle">{t("signIn.subtitle")}</p>
      {sessionEnded && (
        <div className="alert alert--warning sign-in-card__notice" role="status">
          {t("signIn.sessionEnded")}
        </div>
      )}
      <SignInForm
        onSignedIn={(signedIn) =>
          void navigate(redirectTo ?? landingPath(signedIn), { replace: true })
        }
      />
      <p className="sign-in-card__footer">
        <Link to={paths.forgotPassword.getHref()}>{t("signIn.forgotPassword")}</Link>
      </p>
    </PublicPage>
  );
}
