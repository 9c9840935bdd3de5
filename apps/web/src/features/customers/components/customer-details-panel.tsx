import { packageById } from "@partner-hub/shared";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../../config/paths.ts";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { formatDate, formatNumber, formatCountry } from "../../../lib/format.ts";
import { useCustomer } from "../api/get-customer.ts";
import { CustomerStatusBadge } from "./customer-status-badge.tsx";
import { CustomerStatusControl } from "./customer-status-control.tsx";
import { DeleteCustomerDialog } from "./delete-customer-dialog.tsx";

/**
 * The side panel of one customer on the Customers page. Not modal: the list stays usable
 * behind it. Escape or the close button closes it.
 */
export function CustomerDetailsPanel({
  customerId,
  canWrite,
  canDelete = false,
  onClose,
  onDeleted,
}: {
  customerId: string;
  /** The signed-in partner administrator may change customers (suspend / reactivate). */
  canWrite: boolean;
  /** A partner full administrator: may delete the customer (spec §1). */
  canDelete?: boolean;
  onClose: () => void;
  /** The customer is gone: the page closes the panel and says so. */
  onDeleted?: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const customer = useCustomer(customerId);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lang = i18n.language;
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    // Without scrolling: the panel is fixed, and the page behind keeps its title in view.
    headingRef.current?.focus({ preventScroll: true });
  }, [customerId]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Escape in a dialog over the panel (delete, suspend) closes that dialog, not the panel
      // behind it: a modal <dialog> is open while it shows.
      const inDialog = deleting || document.querySelector("dialog[open]") !== null;
      if (event.key === "Escape" && !event.defaultPrevented && !inDialog) onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose, deleting]);

  const c = customer.data;

  return (
    <aside className="side-panel" aria-labelledby={headingId}>
      <div className="side-panel__header">
        <div className="side-panel__titles">
          <p className="side-panel__eyebrow">{t("customerPanel.label")}</p>
          <h2
            id={headingId}
            ref={headingRef}
            tabIndex={-1}
            className="side-panel__title"
            title={c?.name}
          >
            {c ? c.name : <span className="skeleton skeleton--title" />}
          </h2>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t("customerPanel.close")}
          title={t("customerPanel.close")}
          onClick={onClose}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              d="M3.5 3.5l9 9M12.5 3.5l-9 9"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>

      <div className="side-panel__body">
        {customer.isError && isApiError(customer.error) && customer.error.status === 404 ? (
          // Trying again would find nothing again: say so, with the way out.
          <EmptyState
            title={t("controlHub.notFoundTitle")}
            hint={t("controlHub.notFoundBody")}
            action={
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t("customerPanel.close")}
              </button>
            }
          />
        ) : customer.isError ? (
          <ErrorState
            title={t("customerPanel.loadError")}
            error={customer.error}
            onRetry={() => void customer.refetch()}
          />
        ) : !c ? (
          <div className="stack" aria-busy="true">
            {Array.from({ length: 6 }, (_, i) => (
              <span key={i} className="skeleton" style={{ width: `${60 + ((i * 17) % 35)}%` }} />
            ))}
          </div>
        ) : (
          <>
            <Link
              to={paths.controlHub.users.getHref(c.id)}
              className="button button--primary button--block"
            >
              {t("customerPanel.launch")}
            </Link>
            <div className="side-panel__actions">
              <Link
                to={paths.controlHub.settings.getHref(c.id)}
                className="button button--secondary"
              >
                {t("customerPanel.settings")}
              </Link>
              {canWrite && <CustomerStatusControl customer={c} />}
              {canDelete && (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => setDeleting(true)}
                >
                  {t("deleteCustomer.open")}
                </button>
              )}
            </div>
            {canDelete && (
              <DeleteCustomerDialog
                customer={c}
                open={deleting}
                onClose={() => setDeleting(false)}
                onDeleted={(name) => {
                  setDeleting(false);
                  onDeleted?.(name);
                }}
              />
            )}

            <dl className="details">
              <div>
                <dt>{t("customerPanel.status")}</dt>
                <dd>
                  <CustomerStatusBadge status={c.status} />
                </dd>
              </div>
              <div>
                <dt>{t("customerPanel.externalId")}</dt>
                <dd>{c.externalId}</dd>
              </div>
              <div>
                <dt>{t("customerPanel.domain")}</dt>
                <dd>{c.domain}</dd>
              </div>
              <div>
                <dt>{t("customerPanel.address")}</dt>
                <dd>
                  <address>
                    {c.address.street}
                    <br />
                    {c.address.postalCode} {c.address.city}
                    <br />
                    {formatCountry(c.address.country, lang)}
                  </address>
                </dd>
              </div>
              <div>
                <dt>{t("customerPanel.users")}</dt>
                <dd>{formatNumber(c.userCount, lang)}</dd>
              </div>
              <div>
                <dt>{t("customerPanel.locations")}</dt>
                <dd>{formatNumber(c.locationCount, lang)}</dd>
              </div>
              <div>
                <dt>{t("customerPanel.created")}</dt>
                <dd>{formatDate(c.createdAt, lang)}</dd>
              </div>
            </dl>

            <section aria-labelledby={`${headingId}-quotas`}>
              <h3 id={`${headingId}-quotas`} className="section-title">
                {t("customerPanel.quotas")}
              </h3>
              {c.quotas.length === 0 ? (
                <p className="muted">{t("customerPanel.noQuotas")}</p>
              ) : (
                <ul className="quota-list">
                  {c.quotas.map((q) => {
                    const share = q.maxUsers > 0 ? Math.min(1, q.assignedUsers / q.maxUsers) : 0;
                    const name = packageById(q.package).displayName;
                    return (
                      <li key={q.package} className="quota">
                        <div className="quota__row">
                          <span className="quota__name">{name}</span>
                          <span className="quota__numbers">
                            {t("customerPanel.quotaUsage", {
                              assigned: formatNumber(q.assignedUsers, lang),
                              max: formatNumber(q.maxUsers, lang),
                            })}
                          </span>
                        </div>
                        <div
                          className={`meter${share >= 0.9 ? " meter--high" : ""}`}
                          role="meter"
                          aria-label={name}
                          aria-valuemin={0}
                          aria-valuemax={q.maxUsers}
                          aria-valuenow={q.assignedUsers}
                        >
                          <span className="meter__fill" style={{ width: `${share * 100}%` }} />
                        </div>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
