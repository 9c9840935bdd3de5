import { useMemo } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { countryOptions } from "../lib/country-options.ts";
import { FormField, type FieldMessage } from "./ui/form-field.tsx";

export const ADDRESS_LINES = ["street", "city", "postalCode", "country"] as const;
export type AddressLine = (typeof ADDRESS_LINES)[number];

/**
 * A postal address as spec §11 has it — street, postal code and city, and the country from the
 * ISO 3166-1 list named in the UI language (a native select: typing a name jumps to it) — for
 * the customer settings, the create-customer wizard and the location dialog alike. The form
 * owns the values: `register` and `messages` take the line's name.
 */
export function AddressFields({
  register,
  messages,
  autoComplete = false,
}: {
  register: (line: AddressLine) => UseFormRegisterReturn;
  messages: (line: AddressLine) => readonly FieldMessage[];
  /** The organisation's own address: let the browser offer what it knows. */
  autoComplete?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const auto = (token: string) => (autoComplete ? token : "off");
  return (
    <>
      <FormField label={t("settings.street")} messages={messages("street")}>
        {(control) => (
          <input
            className="input"
            autoComplete={auto("street-address")}
            {...control}
            {...register("street")}
          />
        )}
      </FormField>
      <div className="settings-form__row">
        <FormField label={t("settings.postalCode")} messages={messages("postalCode")}>
          {(control) => (
            <input
              className="input"
              autoComplete={auto("postal-code")}
              {...control}
              {...register("postalCode")}
            />
          )}
        </FormField>
        <FormField label={t("settings.city")} messages={messages("city")}>
          {(control) => (
            <input
              className="input"
              autoComplete={auto("address-level2")}
              {...control}
              {...register("city")}
            />
          )}
        </FormField>
      </div>
      <FormField label={t("settings.country")} messages={messages("country")}>
        {(control) => (
          <select className="select" {...control} {...register("country")}>
            <option value="">{t("settings.chooseCountry")}</option>
            {countries.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
