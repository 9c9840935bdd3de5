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

/** The first extension a location gives out when it has none yet. */
export const FIRST_EXTENSION = "1000";

/**
 * The next free extension after the highest one a location holds (the highest of its longest
 * all-digit extensions): one more, as many digits (leading zeros kept), so it is free by
 * construction. None yet → `FIRST_EXTENSION`; nothing left under the digit limit → null.
 */
export function nextExtensionAfter(highest: string | null): string | null {
  if (highest === null || !/^[0-9]+$/.test(highest)) return FIRST_EXTENSION;
  const next = (BigInt(highest) + 1n).toString().padStart(highest.length, "0");
  return next.length <= EXTENSION_MAX_DIGITS ? next : null;
}
