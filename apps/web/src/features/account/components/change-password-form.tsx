import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormField } from "../../../components/ui/form-field.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { NewPasswordFields } from "../../../components/new-password-fields.tsx";
import { useNewPasswordRules } from "../../../hooks/use-password-issues.ts";
import { useChangePassword } from "../api/change-password.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const EMPTY: Values = { currentPassword: "", newPassword: "", confirm: "" };

/** Change my password: the current one is required; my other sessions end. */
export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const rules = useNewPasswordRules(email);
  const change = useChangePassword();
  const {
    register,
    handleSubmit,
    control: formControl,
    setError,
    reset,
    formState,
  } = useForm<Values>({
    defaultValues: EMPTY,
  });
  const { errors, isSubmitted, isSubmitting } = formState;
  const typed = useWatch({ control: formControl, name: "newPassword" });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      reset(EMPTY);
    } catch (error) {
      if (!isApiError(error)) return;
      for (const e of error.problem.errors ?? []) {
        if (e.field === "currentPassword" || e.field === "newPassword")
          setError(e.field, { message: problemText(e, "password") }, { shouldFocus: true });
      }
    }
  });

  const fieldErrors = isApiError(change.error) && (change.error.problem.errors?.length ?? 0) > 0;
  return (
    <form className="form-stack" onSubmit={(e) => void onSubmit(e)} noValidate>
      {change.isSuccess && !formState.isDirty && (
        <div className="alert alert--success" role="status">
          {t("account.changed")}
        </div>
      )}
      {change.isError && !fieldErrors && (
        <div className="alert alert--error" role="alert">
          <ErrorMessage error={change.error} />
        </div>
      )}
      {/* The e-mail, for password managers to store the new password under. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <FormField
        label={t("account.currentPassword")}
        messages={
          errors.currentPassword?.message
            ? [{ text: errors.currentPassword.message, severity: "error" }]
            : []
        }
      >
        {(control) => (
          <input
            {...control}
            {...register("currentPassword", {
              validate: (v) => v !== "" || t("account.currentRequired"),
            })}
            className="input"
            type="password"
            autoComplete="current-password"
          />
        )}
      </FormField>
      <NewPasswordFields
        email={email}
        value={typed}
        submitted={isSubmitted}
        labels={{ password: t("account.newPassword"), confirm: t("account.confirmPassword") }}
        password={register("newPassword", { validate: rules.password })}
        confirm={register("confirm", {
          validate: (value, all) => rules.confirm(value, all.newPassword),
        })}
        passwordError={errors.newPassword?.message}
        confirmError={errors.confirm?.message}
      />
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={isSubmitting || change.isPending}
        >
          {isSubmitting || change.isPending ? t("account.submitting") : t("account.submit")}
        </button>
      </div>
    </form>
  );
}
