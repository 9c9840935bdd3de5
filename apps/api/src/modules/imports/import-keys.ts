import {
  normaliseExtension,
  normalisePhoneNumber,
  type ImportValidation,
} from "@partner-hub/shared";
import type { ImportKeys } from "./load-import-context.ts";
import type { ReadFile } from "./validate-file.ts";

/** A cell as the row reader sees it: without a protecting `'` and surrounding spaces. */
function cellText(raw: string): string {
  const text = raw.trim();
  return text.charAt(0) === "'" ? text.slice(1).trim() : text;
}

/**
 * The emails, phone numbers and extensions the file's cells name, read cheaply and generously
 * (a superset does no harm: it only reads a few more users). Exactness comes from
 * `missingKeys`, which checks the validation against what was read.
 */
export function keysOfFile(file: ReadFile): ImportKeys {
  const emails = new Set<string>();
  const phoneNumbers = new Set<string>();
  const extensions = new Set<string>();
  const emailAt = file.columns.get("email");
  const phoneAt = file.columns.get("phoneNumber");
  const extensionAt = file.columns.get("extension");
  for (const { cells } of file.rows) {
    const email = emailAt === undefined ? undefined : cells[emailAt];
    if (email) emails.add(cellText(email).toLowerCase());
    const phone = phoneAt === undefined ? undefined : cells[phoneAt];
    if (phone?.trim()) {
      const normalised = normalisePhoneNumber(cellText(phone));
      if (normalised.ok) phoneNumbers.add(normalised.e164);
    }
    const extension = extensionAt === undefined ? undefined : cells[extensionAt];
    if (extension?.trim()) {
      const normalised = normaliseExtension(cellText(extension));
      if (normalised.ok) extensions.add(normalised.extension);
    }
  }
  return { emails, phoneNumbers, extensions };
}

/**
 * The keys a validation relied on that were not read: a row's user, or a number a row would
 * hold. Empty when the context was complete for this file, which is what makes reading only
 * the file's users equivalent to reading them all.
 */
export function missingKeys(validation: ImportValidation, read: ImportKeys): ImportKeys | null {
  const emails = new Set<string>();
  const phoneNumbers = new Set<string>();
  const extensions = new Set<string>();
  for (const row of validation.rows) {
    if (row.emailKey && !read.emails.has(row.emailKey)) emails.add(row.emailKey);
    const target = row.target;
    if (!target) continue;
    if (target.phoneNumber && !read.phoneNumbers.has(target.phoneNumber))
      phoneNumbers.add(target.phoneNumber);
    if (target.extension && !read.extensions.has(target.extension))
      extensions.add(target.extension);
  }
  return emails.size + phoneNumbers.size + extensions.size === 0
    ? null
    : { emails, phoneNumbers, extensions };
}
