import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../lib/problem-message.ts";

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = describeError(error);
  return <>{"key" in message ? t(message.key) : message.text}</>;
}

export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title}</p>
      <p className="state__body">
        <ErrorMessage error={error} />
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("table.retry")}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className="state" role="status">
      <p className="state__title">{title}</p>
      {hint && <p className="state__body">{hint}</p>}
      {action}
    </div>
  );
}

export function PageSpinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-spinner" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t("app.loading")}</span>
    </div>
  );
}

/** A centred message page: not found, no access, unexpected error. */
export function MessagePage({ title, body, action }: { title: string; body: string; action?: ReactNode }) {
  return (
    <section className="message-page" aria-labelledby="message-page-title">
      <h1 id="message-page-title">{title}</h1>
      <p>{body}</p>
      {action}
    </section>
  );
}
