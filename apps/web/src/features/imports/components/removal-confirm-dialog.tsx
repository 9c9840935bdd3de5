import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { formatNumber } from "../../../lib/format.ts";
import { getImportRowsQueryOptions } from "../api/get-import-rows.ts";

/** How many of the people removed the confirmation names. */
const NAMED = 5;

/**
 * Before a plan that removes users runs (spec §6): how many, the first few by name and email, and
 * a destructive button that says the count. The safe answer is first and focused.
 */
export function RemovalConfirmDialog({
  customerId,
  importId,
  count,
  open,
  pending,
  onConfirm,
  onCancel,
}: {
  customerId: string;
  importId: string;
  count: number;
  open: boolean;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const removed = useQuery({
    ...getImportRowsQueryOptions(customerId, importId, {
      outcome: "remove",
      offset: 0,
      max: NAMED,
    }),
    enabled: open && count > 0,
  });
  const people = removed.data?.items ?? [];
  const formatted = formatNumber(count, i18n.language);
  const firstName = people[0]?.name ?? people[0]?.email;
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={t("imports.confirmRemoval.title", { count, formatted })}
      className="dialog--small"
    >
      <div className="dialog__body">
        <p>
          {firstName
            ? t("imports.confirmRemoval.body", { count, formatted, name: firstName })
            : t("imports.confirmRemoval.bodyNoName", { count, formatted })}
        </p>
        {people.length > 0 && (
          <ul className="removal-list" aria-label={t("imports.confirmRemoval.listLabel")}>
            {people.map((p) => (
              <li key={p.rowNumber}>
                {p.name ?? p.email}
                {p.name && <span className="removal-list__email"> · {p.email}</span>}
              </li>
            ))}
          </ul>
        )}
        {count > people.length && people.length > 0 && (
          <p className="muted">
            {t("imports.confirmRemoval.more", {
              count: count - people.length,
              formatted: formatNumber(count - people.length, i18n.language),
            })}
          </p>
        )}
        <p>{t("imports.confirmRemoval.irreversible")}</p>
      </div>
      <div className="dialog__footer">
        <button type="button" className="button button--secondary" onClick={onCancel} autoFocus>
          {t("imports.confirmRemoval.back")}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={onConfirm}
          disabled={pending}
        >
          {t("imports.confirmRemoval.confirm", { count, formatted })}
        </button>
      </div>
    </Dialog>
  );
}
