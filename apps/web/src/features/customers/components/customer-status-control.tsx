import type { Customer, CustomerStatus, SETTABLE_CUSTOMER_STATUSES } from "@partner-hub/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ui/dialog.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { conflictingCustomer, useUpdateCustomer } from "../api/update-customer.ts";

/**
 * What a partner writer can do from each status (spec §11: they set `active` or `suspended`).
 * Only an active customer can be suspended — the server refuses the rest — and the button says
 * which way it goes: a provisioning customer was never active, so it is activated, not
 * reactivated; a deactivated one is reactivated, and the confirmation says it was deactivated.
 */
const STATUS_ACTIONS = {
  active: {
    target: "suspended",
    label: "settings.suspend",
    title: "settings.suspendTitle",
    body: "settings.suspendBody",
    danger: true,
  },
  suspended: {
    target: "active",
    label: "settings.reactivate",
    title: "settings.reactivateTitle",
    body: "settings.reactivateBody",
    danger: false,
  },
  deactivated: {
    target: "active",
    label: "settings.reactivate",
    title: "settings.reactivateTitle",
    body: "settings.reactivateDeactivatedBody",
    danger: false,
  },
  provisioning: {
    target: "active",
    label: "settings.activate",
    title: "settings.activateTitle",
    body: "settings.activateBody",
    danger: false,
  },
} as const satisfies Record<
  CustomerStatus,
  {
    target: (typeof SETTABLE_CUSTOMER_STATUSES)[number];
    label: string;
    title: string;
    body: string;
    danger: boolean;
  }
>;

/**
 * Suspend / reactivate / activate (spec §11), for partner writers: a confirmation first, since a
 * suspension stops every change of the organisation's users, locations, quotas and imports.
 */
export function CustomerStatusControl({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const [confirming, setConfirming] = useState(false);
  const [changedTo, setChangedTo] = useState<CustomerStatus | null>(null);
  const action = STATUS_ACTIONS[customer.status];

  const confirm = async () => {
    setConfirming(false);
    setChangedTo(null);
    try {
      const saved = await update.mutateAsync({
        version: customer.version,
        input: { status: action.target },
      });
      setChangedTo(saved.status);
    } catch {
      // Shown below; a 412 has already refreshed the customer, so the next try is against it.
    }
  };

  return (
    <div className="status-control">
      <button
        type="button"
        className={`button ${action.danger ? "button--danger" : "button--primary"}`}
        onClick={() => setConfirming(true)}
        disabled={update.isPending}
      >
        {t(action.label)}
      </button>
      {changedTo && (
        <p className="muted" role="status">
          {t("settings.statusChanged", { status: t(`customerStatus.${changedTo}`) })}
        </p>
      )}
      {update.isError && (
        <p className="field__message field__message--error" role="alert">
          {conflictingCustomer(update.error) ? (
            t("settings.conflict")
          ) : (
            <ErrorMessage error={update.error} />
          )}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t(action.title, { name: customer.name })}
        body={t(action.body, { name: customer.name })}
        confirmLabel={t(action.label)}
        cancelLabel={t("settings.cancel")}
        danger={action.danger}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
