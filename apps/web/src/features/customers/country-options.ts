import { countryCodes } from "@partner-hub/shared";
import type { SelectOption } from "../../components/ui/select-field.tsx";
import { formatCountry } from "../../lib/format.ts";
import { intlLocale } from "../../lib/language.ts";

/** Every ISO 3166-1 country, named and sorted in the UI language (the value is the code). */
export function countryOptions(language: string): SelectOption[] {
  const collator = new Intl.Collator(intlLocale(language));
  return countryCodes()
    .map((code) => ({ value: code, label: formatCountry(code, language) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
