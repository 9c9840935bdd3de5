import type { Customer } from "@partner-hub/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { FormField } from "../../../components/ui/form-field.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { formatNumber } from "../../../lib/format.ts";
import { useDeleteCustomer, useDeletionImpact } from "../api/delete-customer.ts";
import { conflictingCustomer } from "../api/update-customer.ts";

/**
 * Spec §11 Delete customer (partner full administrators): says what goes — users, locations,
 * administrators, a queued or running import — and what stays (the audit log), and asks for the
 * customer's name typed out exactly (case counts) before the destructive button is enabled.
 * Escape or Cancel closes it and the browser returns focus to the button that opened it.
 */
export function DeleteCustomerDialog({
  customer,
  open,
  onClose,
  onDeleted,
}: {
  customer: Customer;
  open: boolean;
  onClose: () => void;
  onDeleted: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("deleteCustomer.title", { name: customer.name })}
      className="dialog--small"
    >
      {/* Mounted only while open, so every opening starts with an empty name. */}
      <DeleteCustomerForm customer={customer} onClose={onClose} onDeleted={onDeleted} />
    </Dialog>
  );
}

function DeleteCustomerForm({
  customer,
  onClose,
  onDeleted,
}: {
  customer: Customer;
  onClose: () => void;
  onDeleted: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [typed, setTyped] = useState("");
  const impact = useDeletionImpact(customer.id, true);
  const remove = useDeleteCustomer(customer.id);
  const matches = typed === customer.name;
  const changed = conflictingCustomer(remove.error);

  const submit = () => {
    if (!matches || remove.isPending) return;
    remove.mutate(customer.version, { onSuccess: () => onDeleted(customer.name) });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="dialog__body stack">
        <p>{t("deleteCustomer.intro")}</p>
        <ul className="delete-impact">
          <li>
            {t("deleteCustomer.users", {
              count: customer.userCount,
              formatted: formatNumber(customer.userCount, lang),
            })}
          </li>
          <li>
            {t("deleteCustomer.locations", {
              count: customer.locationCount,
              formatted: formatNumber(customer.locationCount, lang),
            })}
          </li>
          <li aria-busy={impact.isPending}>
            {impact.data?.administrators === 0
              ? t("deleteCustomer.noAdministrators")
              : impact.data
                ? t("deleteCustomer.administrators", {
                    count: impact.data.administrators,
                    formatted: formatNumber(impact.data.administrators, lang),
                  })
                : t("deleteCustomer.administratorsUnknown")}
          </li>
          {impact.data?.activeImport && (
            <li>{t("deleteCustomer.import", { fileName: impact.data.activeImport.fileName })}</li>
          )}
        </ul>
        <p>{t("deleteCustomer.auditKept")}</p>
        <FormField
          label={t("deleteCustomer.typeName", { name: customer.name })}
          hint={t("deleteCustomer.typeNameHint")}
        >
          {(control) => (
            <input
              className="input"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              {...control}
            />
          )}
        </FormField>
        {remove.isError && (
          <div className="alert alert--error" role="alert">
            {changed ? t("deleteCustomer.changed") : <ErrorMessage error={remove.error} />}
          </div>
        )}
      </div>
      <div className="dialog__footer">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("deleteCustomer.cancel")}
        </button>
        <button
          type="submit"
          className="button button--danger"
          disabled={!matches || remove.isPending}
        >
          {remove.isPending ? t("deleteCustomer.deleting") : t("deleteCustomer.confirm")}
        </button>
      </div>
    </form>
  );
}

/** Control Hub → Settings: the same deletion, in a section of its own at the end of the page. */
export function DeleteCustomerSection({
  customer,
  onDeleted,
}: {
  customer: Customer;
  onDeleted: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="card settings-form" aria-labelledby="settings-delete">
      <div className="card__header">
        <h2 id="settings-delete" className="card__title">
          {t("deleteCustomer.sectionTitle")}
        </h2>
      </div>
      <p className="muted">{t("deleteCustomer.sectionBody")}</p>
      <p>
        <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
          {t("deleteCustomer.open")}
        </button>
      </p>
      <DeleteCustomerDialog
        customer={customer}
        open={open}
        onClose={() => setOpen(false)}
        onDeleted={onDeleted}
      />
    </section>
  );
}
