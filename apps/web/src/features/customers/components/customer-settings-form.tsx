import {
  CUSTOMER_LANGUAGES,
  CustomerSettingsFormSchema,
  type Customer,
  type CustomerSettingsForm,
} from "@partner-hub/shared";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormField } from "../../../components/ui/form-field.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { useProblemText } from "../../../lib/problem-message.ts";
import { fieldErrorMessages, setServerFieldErrors } from "../../../lib/field-errors.ts";
import { schemaResolver } from "../../../lib/schema-resolver.ts";
import { conflictingCustomer, useUpdateCustomer } from "../api/update-customer.ts";
import { AddressFields } from "../../../components/address-fields.tsx";

function formValues(c: Customer): CustomerSettingsForm {
  return {
    name: c.name,
    externalId: c.externalId,
    language: c.language,
    address: { ...c.address },
  };
}

/** The fields' own messages: one rule per field, said in the UI language. */
const ERROR_KEYS = {
  name: "settings.errors.name",
  externalId: "settings.errors.externalId",
  language: "settings.errors.language",
  "address.street": "settings.errors.street",
  "address.city": "settings.errors.city",
  "address.postalCode": "settings.errors.postalCode",
  "address.country": "settings.errors.country",
} as const;
type SettingsField = keyof typeof ERROR_KEYS;

/**
 * Spec §11 Customer settings: name, external ID (the partner's), language, address. Saved with
 * the version it was loaded at; if someone else saved meanwhile, the form shows their version.
 */
export function CustomerSettingsForm({
  customer,
  canEdit,
  isPartner,
}: {
  customer: Customer;
  /** The role writes and the customer is active. */
  canEdit: boolean;
  isPartner: boolean;
}) {
  const { t } = useTranslation();
  const say = useProblemText();
  const update = useUpdateCustomer(customer.id);
  const [notice, setNotice] = useState<"saved" | "conflict" | null>(null);
  const form = useForm<CustomerSettingsForm>({
    defaultValues: formValues(customer),
    resolver: schemaResolver(CustomerSettingsFormSchema),
  });
  const { register, handleSubmit, formState, setError, reset } = form;

  const messageOf = (field: SettingsField) =>
    fieldErrorMessages(formState.errors, field, t(ERROR_KEYS[field]));

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    const parsed = CustomerSettingsFormSchema.parse(values);
    const input = isPartner ? parsed : { ...parsed, externalId: undefined };
    try {
      const saved = await update.mutateAsync({ version: customer.version, input });
      reset(formValues(saved));
      setNotice("saved");
    } catch (error) {
      const current = conflictingCustomer(error);
      if (current) {
        reset(formValues(current));
        setNotice("conflict");
        return;
      }
      // Problems about a field (a taken external ID) go next to it.
      setServerFieldErrors(error, ERROR_KEYS, setError, say);
    }
  });

  const disabled = !canEdit || formState.isSubmitting;
  return (
    <form className="card settings-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="card__header">
        <h2 className="card__title">{t("settings.organisation")}</h2>
      </div>
      <fieldset className="settings-form__body" disabled={disabled}>
        <FormField
          label={t("settings.name")}
          hint={t("settings.nameHint")}
          messages={messageOf("name")}
        >
          {(control) => (
            <input
              className="input"
              autoComplete="organization"
              {...control}
              {...register("name")}
            />
          )}
        </FormField>
        <FormField
          label={t("settings.externalId")}
          hint={isPartner ? t("settings.externalIdHint") : t("settings.externalIdPartnerOnly")}
          messages={messageOf("externalId")}
        >
          {(control) => (
            <input
              className="input"
              {...control}
              readOnly={!isPartner}
              {...register("externalId")}
            />
          )}
        </FormField>
        <FormField label={t("settings.language")} messages={messageOf("language")}>
          {(control) => (
            <select className="select" {...control} {...register("language")}>
              {CUSTOMER_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <h3 className="section-title">{t("settings.address")}</h3>
        <AddressFields
          autoComplete
          register={(line) => register(`address.${line}`)}
          messages={(line) => messageOf(`address.${line}`)}
        />
      </fieldset>
      {notice === "saved" && (
        <div className="alert alert--success" role="status">
          {t("settings.saved")}
        </div>
      )}
      {notice === "conflict" && (
        <div className="alert alert--warning" role="alert">
          {t("settings.conflict")}
        </div>
      )}
      {update.isError && !conflictingCustomer(update.error) && (
        <div className="alert alert--error" role="alert">
          <ErrorMessage error={update.error} />
        </div>
      )}
      {canEdit && (
        <div className="settings-form__footer">
          <button type="submit" className="button button--primary" disabled={disabled}>
            {formState.isSubmitting ? t("settings.saving") : t("settings.save")}
          </button>
        </div>
      )}
    </form>
  );
}
