/**
 * Cell-level rules shared by export and import: the TRUE/FALSE vocabulary and the protection
 * against formula injection.
 */

export type FlagCell = { ok: true; value: boolean | undefined } | { ok: false; message: string };

const FLAG_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["true", true],
  ["false", false],
  // Swedish Excel turns TRUE/FALSE into its own words when it saves a CSV.
  ["sant", true],
  ["falskt", false],
]);

/** `TRUE`, `FALSE` (or Swedish `SANT`, `FALSKT`) in any case, or empty = leave as is. */
export function parseFlagCell(raw: string): FlagCell {
  const trimmed = raw.trim();
  if (trimmed === "") return { ok: true, value: undefined };
  const value = FLAG_WORDS.get(trimmed.toLowerCase());
  if (value === undefined) {
    return { ok: false, message: `Expected TRUE, FALSE or empty, found "${truncate(trimmed)}".` };
  }
  return { ok: true, value };
}

export function formatFlagCell(value: boolean): string {
  return value ? "TRUE" : "FALSE";
}

/** A spreadsheet treats a cell starting with one of these as a formula (OWASP CSV injection). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Export side: a cell that a spreadsheet would evaluate gets a leading `'`. */
export function protectCell(value: string): string {
  return value !== "" && FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

/** Import side: undoes exactly `protectCell`, nothing more (`'Neill` stays as it is). */
export function unprotectCell(raw: string): string {
  return raw.charAt(0) === "'" && FORMULA_TRIGGERS.has(raw.charAt(1)) ? raw.slice(1) : raw;
}

/**
 * An unprotected cell that starts with `=` is a formula the spreadsheet wrote or would run
 * (`=HYPERLINK(…)`); we do not store formulas. A protected `'=…` is text and passes.
 */
export function isFormulaCell(raw: string): boolean {
  return raw.trimStart().charAt(0) === "=";
}

export function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
