import {
  InviteAdminInputSchema,
  InviteCustomerAdminInputSchema,
  PARTNER_ROLES,
  type AssignedCustomer,
  type InvitedAdmin,
  type PartnerRole,
} from "@partner-hub/shared";
import { useMemo, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { FormField } from "../../../components/ui/form-field.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { useInviteAdmin, type AdminsOwner } from "../api/admins.ts";
import { ChosenCustomers, CustomerPicker } from "./customer-picker.tsx";
import { InvitationLink } from "../../../components/invitation-link.tsx";

interface InviteDraft {
  email: string;
  name: string;
  role: PartnerRole;
  customers: AssignedCustomer[];
}

/** The request body a draft becomes: customers only for a partner administrator. */
function toBody(owner: AdminsOwner, d: InviteDraft) {
  if (owner.kind === "customer") return { email: d.email, name: d.name };
  return {
    email: d.email,
    name: d.name,
    role: d.role,
    ...(d.role === "partner_admin" ? { customerIds: d.customers.map((c) => c.id) } : {}),
  };
}

/** Client-side checks by the shared schemas; messages are i18n keys, said where shown. */
function resolverFor(owner: AdminsOwner): Resolver<InviteDraft> {
  return (values) => {
    const schema =
      owner.kind === "partner" ? InviteAdminInputSchema : InviteCustomerAdminInputSchema;
    const parsed = schema.safeParse(toBody(owner, values));
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "root");
      if (errors[field]) continue;
      errors[field] = {
        type: issue.code,
        message: field === "email" ? "admins.invite.emailInvalid" : "admins.invite.nameRequired",
      };
    }
    return { values: {}, errors };
  };
}

export function InviteAdminDialog({
  owner,
  open,
  onClose,
}: {
  owner: AdminsOwner;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("admins.invite.title")}
      subtitle={owner.kind === "customer" ? t("admins.invite.customerSubtitle") : undefined}
    >
      <InviteAdminForm owner={owner} onClose={onClose} />
    </Dialog>
  );
}

function InviteAdminForm({ owner, onClose }: { owner: AdminsOwner; onClose: () => void }) {
  const { t } = useTranslation();
  const say = useProblemText();
  const invite = useInviteAdmin(owner);
  const [invited, setInvited] = useState<InvitedAdmin | null>(null);
  const resolver = useMemo(() => resolverFor(owner), [owner]);
  const { register, handleSubmit, formState, setError, setValue, control, clearErrors } =
    useForm<InviteDraft>({
      defaultValues: { email: "", name: "", role: "partner_admin", customers: [] },
      resolver,
      mode: "onSubmit",
      reValidateMode: "onSubmit",
    });
  const role = useWatch({ control, name: "role" });
  const customers = useWatch({ control, name: "customers" });
  const chosen = useMemo(() => new Set(customers.map((c) => c.id)), [customers]);
  const text = (message: string | undefined) =>
    message
      ? message.startsWith("admins.")
        ? t(message as "admins.invite.emailInvalid")
        : message
      : "";

  const onSubmit = handleSubmit(async (values) => {
    try {
      setInvited(await invite.mutateAsync(toBody(owner, values)));
    } catch (error) {
      if (!isApiError(error)) return;
      let general = true;
      for (const e of error.problem.errors ?? []) {
        const field = e.field?.split(".")[0];
        if (field === "email" || field === "name") {
          setError(field, { type: e.code, message: say(e) });
          general = false;
        } else if (field === "customerIds") {
          setError("customers", { type: e.code, message: say(e) });
          general = false;
        }
      }
      if (general) setError("root.general", { type: error.code, message: "" });
    }
  });

  if (invited)
    return (
      <>
        <div className="dialog__body stack">
          <div className="alert alert--success" role="status">
            {t("admins.invite.done", { email: invited.email })}
          </div>
          <InvitationLink
            url={invited.invitationUrl}
            expiresAt={invited.invitationExpiresAt}
            email={invited.email}
          />
        </div>
        <div className="dialog__footer">
          <button type="button" className="button button--primary" onClick={onClose} autoFocus>
            {t("admins.done")}
          </button>
        </div>
      </>
    );

  const err = formState.errors;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="dialog__body stack">
        {err.root?.general && (
          <div className="alert alert--error" role="alert">
            <ErrorMessage error={invite.error} />
          </div>
        )}
        <FormField
          label={t("admins.invite.email")}
          messages={err.email ? [{ text: text(err.email.message), severity: "error" }] : []}
        >
          {(c) => (
            <input
              {...c}
              {...register("email", { onChange: () => clearErrors("email") })}
              className="input"
              type="email"
              autoComplete="off"
              autoFocus
            />
          )}
        </FormField>
        <FormField
          label={t("admins.invite.name")}
          messages={err.name ? [{ text: text(err.name.message), severity: "error" }] : []}
        >
          {(c) => (
            <input
              {...c}
              {...register("name", { onChange: () => clearErrors("name") })}
              className="input"
              autoComplete="off"
            />
          )}
        </FormField>
        {owner.kind === "partner" && (
          <>
            <FormField label={t("admins.invite.role")}>
              {(c) => (
                <select {...c} {...register("role")} className="select">
                  {PARTNER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {role === "partner_admin" && (
              <fieldset className="fieldset">
                <legend className="field__label">{t("admins.invite.customers")}</legend>
                <p className="field__hint">{t("admins.invite.customersHint")}</p>
                <ChosenCustomers
                  label={t("admins.invite.chosen")}
                  customers={customers}
                  onRemove={(c) =>
                    setValue(
                      "customers",
                      customers.filter((x) => x.id !== c.id),
                    )
                  }
                />
                {err.customers && (
                  <p className="field__message field__message--error">
                    {text(err.customers.message)}
                  </p>
                )}
                <CustomerPicker
                  label={t("admins.invite.searchCustomers")}
                  exclude={chosen}
                  onPick={(c) => {
                    clearErrors("customers");
                    setValue("customers", [...customers, c]);
                  }}
                />
              </fieldset>
            )}
          </>
        )}
      </div>
      <div className="dialog__footer">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("admins.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={invite.isPending}>
          {invite.isPending ? t("admins.invite.sending") : t("admins.invite.submit")}
        </button>
      </div>
    </form>
  );
}
