import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../locales/en.json";
import sv from "../locales/sv.json";
import { LANGUAGES, LANGUAGE_STORAGE_KEY, initialLanguage, type Language } from "./language.ts";

export const resources = { en: { translation: en }, sv: { translation: sv } } as const;

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage disabled: fall back to the browser's language
  }
}

export function changeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // the choice then lasts for this page only
  }
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]),
  fallbackLng: "en",
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  // i18next 25.4+ prints an advertisement to the console on start; users need not read it.
  showSupportNotice: false,
});

document.documentElement.lang = i18n.language;
i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

export { i18n };
