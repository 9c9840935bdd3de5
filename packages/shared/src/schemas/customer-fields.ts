import countries from "i18n-iso-countries";
import { z } from "zod";
import { plainText } from "./text.ts";

/**
 * The rules of a customer's own fields (spec §11), shared by Customer settings and the
 * create-customer wizard, in the browser and on the server.
 */
export const CUSTOMER_FIELD_LIMITS = {
  name: 80,
  externalId: 64,
  addressLine: 50,
  quotaMin: 1,
  quotaMax: 1_000_000,
} as const;

export const CUSTOMER_LANGUAGES = ["en", "sv"] as const;
export const CustomerLanguageSchema = z.enum(CUSTOMER_LANGUAGES);
export type CustomerLanguage = z.infer<typeof CustomerLanguageSchema>;

// The maintained ISO 3166-1 list (i18n-iso-countries), not a copy that would age here.
const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

export function isCountryCode(value: string): boolean {
  return COUNTRY_CODES.has(value);
}

/** Every ISO 3166-1 alpha-2 code, sorted: the choices of a country select. */
export function countryCodes(): string[] {
  return [...COUNTRY_CODES].sort();
}

export const CustomerNameSchema = plainText(CUSTOMER_FIELD_LIMITS.name)
  .min(1, { error: "Enter a name." })
  .refine((v) => !v.includes("%"), { error: "A name cannot contain %." });

export const ExternalIdSchema = plainText(CUSTOMER_FIELD_LIMITS.externalId).min(1, {
  error: "Enter an external ID.",
});

export const CountryCodeSchema = z
  .string()
  .trim()
  .refine(isCountryCode, { error: "Use an ISO 3166-1 alpha-2 country code, e.g. SE." });

const addressLine = plainText(CUSTOMER_FIELD_LIMITS.addressLine);

/** A postal address: street, city and country required, each line at most 50 characters. */
export const AddressInputSchema = z
  .object({
    street: addressLine.min(1, { error: "Enter a street." }),
    city: addressLine.min(1, { error: "Enter a city." }),
    postalCode: addressLine.default(""),
    country: CountryCodeSchema,
  })
  .strict();
export type AddressInput = z.input<typeof AddressInputSchema>;

export const QuotaMaxUsersSchema = z
  .number()
  .int()
  .min(CUSTOMER_FIELD_LIMITS.quotaMin)
  .max(CUSTOMER_FIELD_LIMITS.quotaMax);

// IANA zones as the runtime knows them (Node 20 and Chromium both list them); "UTC" is a valid
// zone the list leaves out as an alias.
let timeZones: ReadonlySet<string> | null = null;

/** The IANA time zones a location may have, sorted. */
export function timeZoneNames(): string[] {
  return [...timeZoneSet()].sort();
}

function timeZoneSet(): ReadonlySet<string> {
  timeZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return timeZones;
}

export function isTimeZone(value: string): boolean {
  return timeZoneSet().has(value);
}

export const TimeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, { error: "Use an IANA time zone, e.g. Europe/Stockholm." });
