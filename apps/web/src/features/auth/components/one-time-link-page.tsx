import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PublicPage } from "../../../components/public-page.tsx";
import { ErrorState, PageSpinner } from "../../../components/ui/states.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { landingPath } from "../landing-path.ts";
import { useOneTimeLink, type LinkKind } from "../api/get-invitation.ts";
import { isLinkProblem, LinkProblem } from "./link-problem.tsx";
import { SetPasswordForm } from "./set-password-form.tsx";

/**
 * An invitation or password-reset link: who it is for, then the new password, then signed in
 * where the role belongs. A used, expired, revoked or unknown link says which and nothing more.
 */
export function OneTimeLinkPage({ kind, token }: { kind: LinkKind; token: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const link = useOneTimeLink(kind, token);
  const [lateProblem, setLateProblem] = useState<string | null>(null);
  const title = kind === "invitation" ? t("invitation.title") : t("passwordReset.title");

  const problemCode =
    lateProblem ??
    (isApiError(link.error) && isLinkProblem(link.error.code) ? link.error.code : null);
  if (problemCode && isLinkProblem(problemCode))
    return (
      <PublicPage title={title}>
        <LinkProblem kind={kind} code={problemCode} />
      </PublicPage>
    );
  if (link.isPending) return <PageSpinner />;
  if (link.isError)
    return (
      <PublicPage title={title}>
        <ErrorState title={title} error={link.error} onRetry={() => void link.refetch()} />
      </PublicPage>
    );

  const { email, organisation, expiresAt } = link.data;
  return (
    <PublicPage title={title}>
      <h1 className="sign-in-card__title">{title}</h1>
      <p className="sign-in-card__subtitle">
        {kind === "invitation"
          ? t("invitation.lead", { organisation })
          : t("passwordReset.lead", { organisation })}
      </p>
      <dl className="link-facts">
        <dt>{t("invitation.email")}</dt>
        <dd>{email}</dd>
      </dl>
      <p className="field__hint link-expiry">
        {t("invitation.expires", { date: formatDateTime(expiresAt, i18n.language) })}
      </p>
      {/* The e-mail, for password managers to store the new password under. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <SetPasswordForm
        kind={kind}
        token={token}
        email={email}
        submitLabel={kind === "invitation" ? t("invitation.submit") : t("passwordReset.submit")}
        onSignedIn={(me) => void navigate(landingPath(me), { replace: true })}
        onLinkProblem={setLateProblem}
      />
    </PublicPage>
  );
}
