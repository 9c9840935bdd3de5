import type { AssignedCustomer } from "@partner-hub/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCustomerSearch } from "../api/admins.ts";
import { useDebouncedEffect } from "../../../hooks/use-debounced-callback.ts";

const SEARCH_DEBOUNCE_MS = 250;
const RESULTS = 8;

/**
 * Picks customers among thousands: the server searches (name, external ID) once typing pauses
 * and answers a handful, so the browser never holds the partner's whole list. Results and the
 * chosen ones are buttons, so the keyboard does everything.
 */
export function CustomerPicker({
  label,
  exclude,
  onPick,
}: {
  label: string;
  /** Ids already chosen or assigned: not offered again. */
  exclude: ReadonlySet<string>;
  onPick: (customer: AssignedCustomer) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState("");
  const [search, setSearch] = useState("");
  useDebouncedEffect(draft.trim(), SEARCH_DEBOUNCE_MS, setSearch);
  const results = useCustomerSearch(search, RESULTS);
  const offered = (results.data?.items ?? []).filter((c) => !exclude.has(c.id));

  return (
    <div className="customer-picker">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        value={draft}
        maxLength={200}
        placeholder={t("admins.picker.placeholder")}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the first match instead of submitting the surrounding form.
          if (e.key === "Enter") {
            e.preventDefault();
            if (offered[0]) onPick(offered[0]);
          }
        }}
      />
      <ul
        className="customer-picker__results"
        aria-label={t("admins.picker.results")}
        aria-live="polite"
      >
        {results.isError ? (
          <li className="field__message field__message--error">{t("admins.picker.error")}</li>
        ) : results.isPending ? (
          <li className="field__hint">{t("app.loading")}</li>
        ) : offered.length === 0 ? (
          <li className="field__hint">{t("admins.picker.none")}</li>
        ) : (
          offered.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onPick({ id: c.id, name: c.name, externalId: c.externalId })}
                aria-label={t("admins.picker.add", { name: c.name })}
              >
                + {c.name} <span className="muted">({c.externalId})</span>
              </button>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}

/** The chosen customers, each with a button that takes it away again. */
export function ChosenCustomers({
  customers,
  onRemove,
  label,
}: {
  customers: readonly AssignedCustomer[];
  onRemove: (customer: AssignedCustomer) => void;
  label: string;
}) {
  const { t } = useTranslation();
  if (customers.length === 0) return <p className="field__hint">{t("admins.picker.noneChosen")}</p>;
  return (
    <ul className="chips" aria-label={label}>
      {customers.map((c) => (
        <li key={c.id} className="chip">
          <span>{c.name}</span>
          <button
            type="button"
            className="chip__remove"
            onClick={() => onRemove(c)}
            aria-label={t("admins.picker.remove", { name: c.name })}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
