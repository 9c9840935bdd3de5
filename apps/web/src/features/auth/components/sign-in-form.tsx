import { LoginInputSchema } from "@partner-hub/shared";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api-client.ts";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { useLogin } from "../api/login.ts";
import type { Me } from "@partner-hub/shared";

export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = LoginInputSchema.safeParse({ email, password });
    if (!input.success) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate(input.data, {
      onSuccess: onSignedIn,
      onError: () => {
        setPassword("");
        passwordRef.current?.focus();
      },
    });
  }

  const error = login.error;
  const hasError = missing || Boolean(error);
  let message: ReactNode = null;
  if (missing) message = t("signIn.required");
  else if (isApiError(error) && error.status === 401) message = t("signIn.invalidCredentials");
  else if (isApiError(error) && error.status === 429) {
    const seconds = error.problem.retryAfterSeconds;
    message =
      seconds === undefined
        ? t("signIn.rateLimited")
        : t("signIn.rateLimitedFor", { count: Math.max(1, Math.ceil(seconds / 60)) });
  } else if (error) message = <ErrorMessage error={error} />;

  return (
    <form
      className="sign-in-form"
      onSubmit={onSubmit}
      noValidate
      aria-describedby={hasError ? errorId : undefined}
    >
      {hasError && (
        <div id={errorId} className="alert alert--error" role="alert">
          {message}
        </div>
      )}
      <div className="field">
        <label htmlFor={emailId} className="field__label">
          {t("signIn.email")}
        </label>
        <input
          id={emailId}
          className="input"
          type="email"
          name="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          aria-invalid={hasError || undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId} className="field__label">
          {t("signIn.password")}
        </label>
        <input
          id={passwordId}
          ref={passwordRef}
          className="input"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          aria-invalid={hasError || undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={login.isPending}
      >
        {login.isPending ? t("signIn.submitting") : t("signIn.submit")}
      </button>
    </form>
  );
}
