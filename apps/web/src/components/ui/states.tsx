import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFocusOnMount } from "../../hooks/use-focus-on-mount.ts";
import { isApiError } from "../../lib/api-client.ts";
import { describeError, useProblemText } from "../../lib/problem-message.ts";

export function ErrorMessage({ error }: { error: unknown }) {
  const say = useProblemText();
  return <>{say(describeError(error))}</>;
}

export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
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

export function EmptyState({
  title,
  hint,
  action,
}: {
  title: string;
  hint?: string;
  action?: ReactNode;
}) {
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
export function MessagePage({
  title,
  body,
  action,
  focusTitle = false,
}: {
  title: string;
  body: string;
  action?: ReactNode;
  /** When the message replaces what the person was using: focus goes to its title. */
  focusTitle?: boolean;
}) {
  return (
    <section className="message-page" aria-labelledby="message-page-title">
      {focusTitle ? <FocusedTitle title={title} /> : <h1 id="message-page-title">{title}</h1>}
      <p>{body}</p>
      {action}
    </section>
  );
}

function FocusedTitle({ title }: { title: string }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h1 id="message-page-title" ref={ref} tabIndex={-1}>
      {title}
    </h1>
  );
}

/**
 * A detail page that could not be loaded: "not found" for a 404 with a way back to its list
 * (trying again would find nothing again), otherwise the error with a retry.
 */
export function DetailLoadError({
  error,
  title,
  notFound,
  onRetry,
}: {
  error: unknown;
  title: string;
  notFound: { title: string; body: string; back: { href: string; label: string } };
  onRetry: () => void;
}) {
  return isApiError(error) && error.status === 404 ? (
    <MessagePage
      title={notFound.title}
      body={notFound.body}
      action={
        <Link to={notFound.back.href} className="button button--secondary">
          {notFound.back.label}
        </Link>
      }
    />
  ) : (
    <ErrorState title={title} error={error} onRetry={onRetry} />
  );
}
