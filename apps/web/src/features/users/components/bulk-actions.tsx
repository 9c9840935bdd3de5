import {
  MAX_BULK_USERS,
  packageById,
  type Customer,
  type PackageId,
  type ProblemError,
} from "@partner-hub/shared";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { formatNumber } from "../../../lib/format.ts";
import { problemText } from "../../../lib/problem-message.ts";
import { useBulkUsers } from "../api/bulk-users.ts";
import { downloadCsv, selectedUsersCsv } from "../export-selected.ts";
import type { Selection } from "../user-selection.ts";

type Action = "change_package" | "remove" | null;

/**
 * The bar over the Users table while users are selected (spec §13): the count, a way to widen
 * the selection to every match (up to 1,000), and Change package, Remove, Export selected.
 */
export function BulkActions({
  customerId,
  customer,
  selection,
  pageAllSelected,
  total,
  selectingAll,
  onSelectAll,
  onClear,
  onDone,
}: {
  customerId: string;
  customer: Customer | undefined;
  selection: Selection;
  pageAllSelected: boolean;
  total: number;
  selectingAll: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<Action>(null);
  const count = selection.size;
  const n = (value: number) => formatNumber(value, i18n.language);
  const canWiden = pageAllSelected && total > count && count < MAX_BULK_USERS;
  return (
    <div className="selection-bar" role="region" aria-label={t("bulk.region")}>
      <p className="selection-bar__count" aria-live="polite">
        {t("bulk.selected", { count, formatted: n(count) })}
      </p>
      {canWiden && (
        <button type="button" className="link-button" disabled={selectingAll} onClick={onSelectAll}>
          {selectingAll
            ? t("bulk.selectingAll")
            : total > MAX_BULK_USERS
              ? t("bulk.selectFirst", { max: n(MAX_BULK_USERS), total: n(total) })
              : t("bulk.selectAll", { total: n(total) })}
        </button>
      )}
      <div className="selection-bar__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-haspopup="dialog"
          disabled={!customer}
          onClick={() => setAction("change_package")}
        >
          {t("bulk.changePackage")}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-haspopup="dialog"
          onClick={() => setAction("remove")}
        >
          {t("bulk.remove")}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => downloadCsv(selectedUsersCsv(selection.values()), "users-selected.csv")}
        >
          {t("bulk.export")}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onClear}>
          {t("bulk.clear")}
        </button>
      </div>
      {action && (
        <BulkDialog
          action={action}
          customerId={customerId}
          customer={customer}
          selection={selection}
          onClose={() => setAction(null)}
          onDone={(message) => {
            setAction(null);
            onDone(message);
          }}
        />
      )}
    </div>
  );
}

function BulkDialog({
  action,
  customerId,
  customer,
  selection,
  onClose,
  onDone,
}: {
  action: "change_package" | "remove";
  customerId: string;
  customer: Customer | undefined;
  selection: Selection;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const idPrefix = useId();
  const bulk = useBulkUsers(customerId);
  const count = selection.size;
  const formatted = formatNumber(count, i18n.language);
  const [target, setTarget] = useState<PackageId | "">("");
  const users = [...selection.values()];
  const blocking: ProblemError[] =
    isApiError(bulk.error) && (bulk.error.status === 409 || bulk.error.status === 422)
      ? (bulk.error.problem.errors ?? [])
      : [];
  const versions = Object.fromEntries(users.map((u) => [u.id, u.version]));

  const submit = () => {
    if (action === "change_package" && !target) return;
    bulk.mutate(
      action === "remove"
        ? { action, userIds: users.map((u) => u.id), versions }
        : { action, userIds: users.map((u) => u.id), package: target || undefined, versions },
      {
        onSuccess: ({ changed }) =>
          onDone(
            action === "remove"
              ? t("bulk.removed", {
                  count: changed,
                  formatted: formatNumber(changed, i18n.language),
                })
              : t("bulk.changed", {
                  count: changed,
                  formatted: formatNumber(changed, i18n.language),
                  package: target ? packageById(target).displayName : "",
                }),
          ),
      },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={
        action === "remove"
          ? t("bulk.removeTitle", { count, formatted })
          : t("bulk.changeTitle", { count, formatted })
      }
    >
      <div className="dialog__body stack">
        {blocking.length > 0 ? (
          <div className="alert alert--error" role="alert" tabIndex={-1}>
            <p>{problemTitle(t, bulk.error)}</p>
            <ul className="plain-list blocking-users">
              {blockingByUser(blocking, selection, (e) =>
                problemText(t, e, lastField(e.field)),
              ).map(({ who, texts }) => (
                <li key={who}>
                  <strong>{who}</strong>: {texts.join(" ")}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          bulk.isError && (
            <div className="alert alert--error" role="alert">
              <ErrorMessage error={bulk.error} />
            </div>
          )
        )}
        {action === "remove" ? (
          <>
            <p>{t("bulk.removeBody", { count, formatted })}</p>
            <ul className="plain-list bulk-names">
              {users.slice(0, 10).map((u) => (
                <li key={u.id}>
                  {u.displayName} ({packageById(u.package).displayName})
                </li>
              ))}
              {users.length > 10 && (
                <li className="muted">{t("bulk.andMore", { count: users.length - 10 })}</li>
              )}
            </ul>
          </>
        ) : (
          <fieldset className="package-options">
            <legend className="field__label">
              {t("bulk.choosePackage", { count, formatted })}
            </legend>
            <p className="muted">{t("bulk.asTheyAre")}</p>
            {(customer?.packages ?? []).map((id) => (
              <label
                key={id}
                className={`package-option${target === id ? " package-option--selected" : ""}`}
              >
                <input
                  type="radio"
                  name={`${idPrefix}-package`}
                  value={id}
                  checked={target === id}
                  onChange={() => {
                    setTarget(id);
                    bulk.reset();
                  }}
                />
                <span className="package-option__text">
                  <span className="package-option__name">{packageById(id).displayName}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <div className="dialog__footer">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t("bulk.cancel")}
        </button>
        <button
          type="button"
          className={`button ${action === "remove" ? "button--danger" : "button--primary"}`}
          disabled={bulk.isPending || (action === "change_package" && !target)}
          onClick={submit}
        >
          {bulk.isPending
            ? t("bulk.working")
            : action === "remove"
              ? t("bulk.removeConfirm", { count, formatted })
              : t("bulk.changeConfirm", { count, formatted })}
        </button>
      </div>
    </Dialog>
  );
}

/** One line per person, each reason once (a number and an extension refused alike are one). */
function blockingByUser(
  errors: readonly ProblemError[],
  selection: Selection,
  say: (e: ProblemError) => string,
): { who: string; texts: string[] }[] {
  const byWho = new Map<string, Set<string>>();
  for (const e of errors) {
    const who = whoOf(e, selection);
    const texts = byWho.get(who) ?? new Set<string>();
    texts.add(withoutWho(say(e), who));
    byWho.set(who, texts);
  }
  return [...byWho].map(([who, texts]) => ({ who, texts: [...texts] }));
}

/** The server's English fallback starts with the person; the list already names them. */
function withoutWho(text: string, who: string): string {
  return text.startsWith(`${who}: `) ? text.slice(who.length + 2) : text;
}

function lastField(field: string | undefined): string | null {
  return field?.split(".").at(-1) ?? null;
}

/** The person a refusal is about: by name from the selection, else as the server named them. */
function whoOf(error: ProblemError, selection: Selection): string {
  const id = error.params?.["userId"];
  const user = typeof id === "string" ? selection.get(id) : undefined;
  if (user) return `${user.displayName} (${user.email})`;
  const name = error.params?.["name"];
  const email = error.params?.["email"];
  return typeof name === "string"
    ? `${name}${typeof email === "string" ? ` (${email})` : ""}`
    : String(id ?? "");
}

// TFunction, as problem-message.ts takes it: the hook's own `t` type, passed around, is more than
// TypeScript can instantiate (TS2589) once the locale files grew.
function problemTitle(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return "";
  // bulk_conflict or bulk_not_applicable, said by the one code → text lookup.
  return problemText(t, { code: error.problem.code, message: error.problem.title });
}
