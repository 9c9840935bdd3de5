import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../../config/paths.ts";
import type { LinkKind } from "../api/get-invitation.ts";

const KNOWN = [
  "invitation_used",
  "invitation_expired",
  "invitation_revoked",
  "invitation_not_found",
] as const;
type LinkProblemCode = (typeof KNOWN)[number];

export function isLinkProblem(code: string): code is LinkProblemCode {
  return (KNOWN as readonly string[]).includes(code);
}

/** Why a one-time link does not work, and where to go instead; nothing about the account. */
export function LinkProblem({ kind, code }: { kind: LinkKind; code: LinkProblemCode }) {
  const { t } = useTranslation();
  return (
    <div className="link-problem" role="alert">
      <h1 className="sign-in-card__title">
        {kind === "invitation" ? t("linkProblem.invitationTitle") : t("linkProblem.resetTitle")}
      </h1>
      <p className="sign-in-card__subtitle">{t(`linkProblem.${kind}.${code}`)}</p>
      <p className="link-problem__actions">
        <Link className="button button--primary" to={paths.signIn.getHref()}>
          {t("linkProblem.toSignIn")}
        </Link>
        {kind === "password_reset" && code !== "invitation_used" && (
          <Link className="button button--secondary" to={paths.forgotPassword.getHref()}>
            {t("linkProblem.newResetLink")}
          </Link>
        )}
      </p>
    </div>
  );
}
