import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type PhoneNumberResult =
  | { ok: true; e164: string; restoredPlus: boolean }
  | { ok: false; code: "phone_invalid"; message: string };

/**
 * Digits, an optional leading `+`, and the separators people type (spaces of any kind, hyphens
 * and dashes, parentheses, dots, slashes). Anything else — letters, `ext`, a second `+` — is
 * refused here, because libphonenumber would otherwise quietly pick a number out of the text.
 * Validity itself is decided by libphonenumber's full ("max") metadata, not by this pattern.
 */
const TYPED_NUMBER = /^\+?[0-9\s()./\-\u2010-\u2015\u2212]+$/;
const BARE_DIGITS = /^[0-9\s()./\-\u2010-\u2015\u2212]+$/;

export const PHONE_NUMBER_EXAMPLE = "+46 8 123 456 78";

function phoneInvalidMessage(raw: string): string {
  return `"${raw}" is not a valid phone number. Use international format, e.g. ${PHONE_NUMBER_EXAMPLE}.`;
}

/**
 * Turns what a person typed (or a spreadsheet kept) into E.164. We require the country code:
 * a number without `+` is accepted only when it is a valid international number once the `+`
 * is put back (spreadsheets strip it, spec §6); `restoredPlus` tells the caller to warn.
 */
export function normalisePhoneNumber(raw: string): PhoneNumberResult {
  // A 20,000-row import checks each number twice (reading the row, then the package rules) and
  // libphonenumber dominates that time; results are pure, so a bounded memo halves it.
  const known = memo.get(raw);
  if (known) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const result = parsePhoneNumber(raw);
  memo.set(raw, result);
  return result;
}

const MEMO_LIMIT = 50_000;
const memo = new Map<string, PhoneNumberResult>();

function parsePhoneNumber(raw: string): PhoneNumberResult {
  const text = raw.trim();
  const invalid = { ok: false, code: "phone_invalid", message: phoneInvalidMessage(text) } as const;
  if (!TYPED_NUMBER.test(text)) return invalid;

  const restoredPlus = BARE_DIGITS.test(text);
  const candidate = restoredPlus ? `+${text.replace(/[^0-9]/g, "")}` : text;
  const parsed = parsePhoneNumberFromString(candidate);
  if (!parsed?.isValid()) return invalid;
  return { ok: true, e164: parsed.number, restoredPlus };
}
