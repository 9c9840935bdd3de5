import { PasswordResetRequestSchema } from "@partner-hub/shared";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormField } from "../../../components/ui/form-field.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { useRequestPasswordReset } from "../api/request-password-reset.ts";

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const { register, handleSubmit, formState, getValues } = useForm<{ email: string }>({
    defaultValues: { email: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    await request.mutateAsync(PasswordResetRequestSchema.parse(values)).catch(() => undefined);
  });

  if (request.isSuccess)
    return (
      <div className="alert alert--success" role="status">
        {t("forgotPassword.sent", { email: getValues("email").trim() })}
      </div>
    );
  return (
    <form className="sign-in-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {request.isError && (
        <div className="alert alert--error" role="alert">
          <ErrorMessage error={request.error} />
        </div>
      )}
      <FormField
        label={t("forgotPassword.email")}
        messages={
          formState.errors.email?.message
            ? [{ text: formState.errors.email.message, severity: "error" }]
            : []
        }
      >
        {(control) => (
          <input
            {...control}
            {...register("email", {
              validate: (v) => v.trim() !== "" || t("forgotPassword.required"),
            })}
            className="input"
            type="email"
            autoComplete="username"
            autoFocus
          />
        )}
      </FormField>
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={request.isPending}
      >
        {request.isPending ? t("forgotPassword.submitting") : t("forgotPassword.submit")}
      </button>
    </form>
  );
}
