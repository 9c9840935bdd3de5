import type { Customer } from "@partner-hub/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ui/dialog.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { conflictingCustomer, useUpdateCustomer } from "../api/update-customer.ts";

/**
 * Suspend / reactivate (spec §11), for partner writers: a confirmation first, since a
 * suspension stops every change of the organisation's users, locations, quotas and imports.
 */
export function CustomerStatusControl({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const [confirming, setConfirming] = useState(false);
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const suspending = customer.status === "active";
  const target = suspending ? "suspended" : "active";

  const confirm = async () => {
    setConfirming(false);
    setChangedTo(null);
    try {
      const saved = await update.mutateAsync({
        version: customer.version,
        input: { status: target },
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
        className={`button ${suspending ? "button--danger" : "button--primary"}`}
        onClick={() => setConfirming(true)}
        disabled={update.isPending}
      >
        {suspending ? t("settings.suspend") : t("settings.reactivate")}
      </button>
      {changedTo && (
        <p className="muted" role="status">
          {t("settings.statusChanged", { status: t(`customerStatus.${customer.status}`) })}
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
        title={t(suspending ? "settings.suspendTitle" : "settings.reactivateTitle", {
          name: customer.name,
        })}
        body={t(suspending ? "settings.suspendBody" : "settings.reactivateBody")}
        confirmLabel={suspending ? t("settings.suspend") : t("settings.reactivate")}
        cancelLabel={t("settings.cancel")}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
