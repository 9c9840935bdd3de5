import { intlLocale } from "./language.ts";

/** Formatting that follows the UI language: "10,000" in English, "10 000" in Swedish. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium" }).format(date);
}

/** "SE" → "Sweden" / "Sverige"; anything that is not an ISO region code is shown as given. */
export function formatCountry(country: string, language: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: "region" }).of(country) ?? country;
  } catch {
    return country;
  }
}

/** "26 Nov 2026, 15:44" / "26 nov. 2026 15:44", in the browser's time zone. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}
