import { PASSWORD_MIN_LENGTH } from "@partner-hub/shared";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormField, type FieldMessage } from "./ui/form-field.tsx";
import { useProblemText } from "../lib/problem-message.ts";
import { usePasswordIssues } from "../hooks/use-password-issues.ts";

/**
 * A new password and its confirmation, with the shared policy's reasons shown live as the
 * person types (the same codes and texts the server answers with). Before the first submit the
 * reasons are advice; after it they are errors beside the field.
 */
export function NewPasswordFields({
  email,
  value,
  submitted,
  labels,
  password,
  confirm,
  passwordError,
  confirmError,
}: {
  email: string;
  value: string;
  submitted: boolean;
  labels: { password: string; confirm: string };
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  passwordError?: string | undefined;
  confirmError?: string | undefined;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { issues, checking } = usePasswordIssues(value, email);
  const live: FieldMessage[] = issues.map((i) => ({
    text: problemText(i, "password"),
    severity: submitted ? "error" : "warning",
  }));
  const messages: FieldMessage[] =
    live.length > 0 ? live : passwordError ? [{ text: passwordError, severity: "error" }] : [];
  return (
    <>
      <FormField
        label={labels.password}
        hint={t("password.rules", { minLength: PASSWORD_MIN_LENGTH })}
        messages={messages}
      >
        {(control) => (
          <input
            {...control}
            {...password}
            className="input"
            type="password"
            autoComplete="new-password"
          />
        )}
      </FormField>
      <p className="password-status" role="status" aria-live="polite">
        {value && checking ? t("password.checking") : null}
        {value && !checking && issues.length === 0 ? t("password.meetsRules") : null}
      </p>
      <FormField
        label={labels.confirm}
        messages={confirmError ? [{ text: confirmError, severity: "error" }] : []}
      >
        {(control) => (
          <input
            {...control}
            {...confirm}
            className="input"
            type="password"
            autoComplete="new-password"
          />
        )}
      </FormField>
    </>
  );
}
