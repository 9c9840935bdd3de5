export const LANGUAGES = ["en", "sv"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = "partnerhub.language";

/** BCP 47 tags for Intl: English as written in Europe (day month year, 24-hour clock). */
export const INTL_LOCALE: Record<Language, string> = { en: "en-GB", sv: "sv-SE" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice first, then the browser's preference, then English. */
export function initialLanguage(
  stored: string | null,
  browserLanguages: readonly string[],
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export function intlLocale(language: string): string {
  return isLanguage(language) ? INTL_LOCALE[language] : INTL_LOCALE.en;
}
