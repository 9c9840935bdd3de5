import { FIELD_LIMITS } from "../schemas/users.ts";

export const EXTENSION_MIN_DIGITS = 2;
export const EXTENSION_MAX_DIGITS = FIELD_LIMITS.extension;

export type ExtensionResult =
  { ok: true; extension: string } | { ok: false; code: "extension_invalid"; message: string };

const EXTENSION = new RegExp(`^[0-9]{${EXTENSION_MIN_DIGITS},${EXTENSION_MAX_DIGITS}}$`);

function extensionInvalidMessage(raw: string): string {
  return `"${raw}" is not a valid extension. Use ${EXTENSION_MIN_DIGITS} to ${EXTENSION_MAX_DIGITS} digits, e.g. 1234.`;
}

/**
 * An extension is text, not a number: leading zeros are significant ("0042" is not "42") and
 * are kept. Only surrounding spaces are removed.
 */
export function normaliseExtension(raw: string): ExtensionResult {
  const text = raw.trim();
  if (!EXTENSION.test(text)) {
    return { ok: false, code: "extension_invalid", message: extensionInvalidMessage(text) };
  }
  return { ok: true, extension: text };
}
