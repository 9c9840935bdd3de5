import type { Me } from "@partner-hub/shared";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { useAcceptLink } from "../api/accept-invitation.ts";
import type { LinkKind } from "../api/get-invitation.ts";
import { useNewPasswordRules } from "../../../hooks/use-password-issues.ts";
import { NewPasswordFields } from "../../../components/new-password-fields.tsx";

interface Values {
  password: string;
  confirm: string;
}

/** Chooses the password an invitation or reset link sets, then signs in. */
export function SetPasswordForm({
  kind,
  token,
  email,
  submitLabel,
  onSignedIn,
  onLinkProblem,
}: {
  kind: LinkKind;
  token: string;
  email: string;
  submitLabel: string;
  onSignedIn: (me: Me) => void;
  /** The link stopped working meanwhile (used in another tab, replaced, expired). */
  onLinkProblem: (code: string) => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const rules = useNewPasswordRules(email);
  const accept = useAcceptLink(kind, token);
  const form = useForm<Values>({ defaultValues: { password: "", confirm: "" } });
  const { register, handleSubmit, control, setError, formState } = form;
  const { errors, isSubmitted, isSubmitting } = formState;
  const typed = useWatch({ control, name: "password" });

  const onSubmit = handleSubmit(async ({ password }) => {
    try {
      onSignedIn(await accept.mutateAsync(password));
    } catch (error) {
      if (!isApiError(error)) return;
      if (error.code.startsWith("invitation_")) return onLinkProblem(error.code);
      const reason = error.problem.errors?.find((e) => e.field === "password");
      if (reason) setError("password", { message: problemText(reason, "password") });
    }
  });

  const serverError =
    accept.error &&
    !(isApiError(accept.error) && accept.error.problem.errors?.some((e) => e.field === "password"));
  return (
    <form className="sign-in-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {serverError && (
        <div className="alert alert--error" role="alert">
          <ErrorMessage error={accept.error} />
        </div>
      )}
      <NewPasswordFields
        email={email}
        value={typed}
        submitted={isSubmitted}
        labels={{ password: t("invitation.password"), confirm: t("invitation.confirm") }}
        password={register("password", { validate: rules.password })}
        confirm={register("confirm", {
          validate: (value, all) => rules.confirm(value, all.password),
        })}
        passwordError={errors.password?.message}
        confirmError={errors.confirm?.message}
      />
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={isSubmitting || accept.isPending}
      >
        {isSubmitting || accept.isPending ? t("invitation.submitting") : submitLabel}
      </button>
    </form>
  );
}
