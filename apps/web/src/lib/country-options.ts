import { countryCodes } from "@partner-hub/shared";
import { formatCountry } from "./format.ts";
import { intlLocale } from "./language.ts";

/** Every ISO 3166-1 country, named and sorted in the UI language (the value is the code). */
export function countryOptions(language: string): { value: string; label: string }[] {
  const collator = new Intl.Collator(intlLocale(language));
  return countryCodes()
    .map((code) => ({ value: code, label: formatCountry(code, language) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
