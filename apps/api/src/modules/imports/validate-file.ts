import {
  MAX_CSV_BYTES,
  parseCsvText,
  readCsvFile,
  validateImport,
  type ImportBehaviour,
  type ImportValidation,
} from "@partner-hub/shared";
import type { Reader } from "../../db/sql.ts";
import type { Db } from "../../db/types.ts";
import { AppError } from "../../http/app-error.ts";
import { keysOfFile, missingKeys } from "./import-keys.ts";
import {
  loadImportContext,
  type ImportKeys,
  type LoadedImportContext,
} from "./load-import-context.ts";

export type ReadFile = Extract<ReturnType<typeof readCsvFile>, { ok: true }>;

/** Bytes → parsed file, or a 413/422 problem that refuses the file as a whole. */
export function readUploadedFile(bytes: Uint8Array): ReadFile {
  if (bytes.byteLength > MAX_CSV_BYTES) {
    throw new AppError(
      "file_too_large",
      `The file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_CSV_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
    );
  }
  const read = readCsvFile(bytes);
  if (!read.ok) {
    throw new AppError(
      "csv_invalid",
      read.errors[0]?.message ?? "The file cannot be read as CSV.",
      { errors: read.errors },
    );
  }
  return read;
}

/**
 * The file stored at preview, read again for apply: it was decoded and checked as a whole then,
 * so only the parsing is repeated (no re-encoding to bytes and decoding again).
 */
export function readStoredFile(stored: { fileText: string; encoding: string }): ReadFile {
  const parsed = parseCsvText(stored.fileText);
  if (!parsed.ok) {
    throw new AppError(
      "csv_invalid",
      parsed.errors[0]?.message ?? "The file cannot be read as CSV.",
      {
        errors: parsed.errors,
      },
    );
  }
  return { ...parsed, encoding: stored.encoding as ReadFile["encoding"], text: stored.fileText };
}

/**
 * The whole file against the customer's data as it is now (preview, and again on apply). Only
 * the users the file names and those holding the numbers it claims are read; should the
 * validation turn out to rely on one that was not (a cell read differently than `keysOfFile`
 * guessed), those are read too and the file validated again, so the answer is always the one
 * the whole customer would give.
 */
export async function validateAgainstDatabase(
  db: Db,
  customerId: string,
  file: ReadFile,
  behaviour: ImportBehaviour,
  reader?: Reader,
): Promise<{ validation: ImportValidation; loaded: LoadedImportContext }> {
  let keys: ImportKeys = keysOfFile(file);
  for (;;) {
    const loaded = await loadImportContext(db, customerId, keys, reader);
    const validation = validateImport(file, behaviour, loaded.snapshot, loaded.context);
    const missing = missingKeys(validation, loaded.keys);
    if (!missing) return { validation, loaded };
    keys = {
      emails: new Set([...loaded.keys.emails, ...missing.emails]),
      phoneNumbers: new Set([...loaded.keys.phoneNumbers, ...missing.phoneNumbers]),
      extensions: new Set([...loaded.keys.extensions, ...missing.extensions]),
    };
  }
}
