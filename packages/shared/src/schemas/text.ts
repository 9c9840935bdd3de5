import { z } from "zod";

// C0 control characters and DEL: never part of a name, an address or a search, and PostgreSQL
// cannot store NUL in text at all — refused here so they never reach the database.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function hasNoControlCharacters(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}

export const CONTROL_CHARACTERS_MESSAGE =
  "Remove control characters (such as line breaks, tabs or NUL).";

/** A trimmed single-line text of at most `max` characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine(hasNoControlCharacters, { error: CONTROL_CHARACTERS_MESSAGE });
}
