import type { Admin } from "@partner-hub/shared";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { useAdminCustomers, useSetAssignment } from "../api/admins.ts";
import { CustomerPicker } from "./customer-picker.tsx";

const PAGE = 20;

/** A partner administrator's customers: unassign any, assign more by searching. */
export function AdminCustomersDialog({ admin, onClose }: { admin: Admin; onClose: () => void }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const assigned = useAdminCustomers(admin.id, { offset, max: PAGE });
  const change = useSetAssignment();
  const ids = useMemo(
    () => new Set((assigned.data?.items ?? []).map((c) => c.id)),
    [assigned.data],
  );
  const total = assigned.data?.total ?? 0;

  return (
    <Dialog open onClose={onClose} title={t("admins.customersDialog.title", { name: admin.name })}>
      <div className="dialog__body stack">
        {change.isError && (
          <div className="alert alert--error" role="alert">
            <ErrorMessage error={change.error} />
          </div>
        )}
        <p>{t("admins.customersDialog.count", { count: total })}</p>
        {assigned.isError ? (
          <ErrorMessage error={assigned.error} />
        ) : (
          <ul className="assigned-list" aria-label={t("admins.customersDialog.assigned")}>
            {(assigned.data?.items ?? []).map((c) => (
              <li key={c.id} className="assigned-list__item">
                <span>
                  {c.name} <span className="muted">({c.externalId})</span>
                </span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={change.isPending}
                  aria-label={t("admins.customersDialog.unassign", { name: c.name })}
                  onClick={() =>
                    change.mutate({ adminId: admin.id, customerId: c.id, assigned: false })
                  }
                >
                  {t("admins.customersDialog.unassignShort")}
                </button>
              </li>
            ))}
          </ul>
        )}
        {total > PAGE && (
          <div className="row-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t("table.previousPage")}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={offset + PAGE >= total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t("table.nextPage")}
            </button>
          </div>
        )}
        <CustomerPicker
          label={t("admins.customersDialog.assign")}
          exclude={ids}
          onPick={(c) => change.mutate({ adminId: admin.id, customerId: c.id, assigned: true })}
        />
      </div>
      <div className="dialog__footer">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t("admins.done")}
        </button>
      </div>
    </Dialog>
  );
}
