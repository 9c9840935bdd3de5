import {
  MAX_CSV_BYTES,
  readCsvFile,
  validateImport,
  type ImportBehaviour,
  type ImportValidation,
} from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { AppError } from "../../http/app-error.ts";
import { loadImportContext, type LoadedImportContext } from "./load-import-context.ts";

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

/** The whole file against the customer's data as it is now (preview, and again on apply). */
export async function validateAgainstDatabase(
  db: Db,
  customerId: string,
  file: ReadFile,
  behaviour: ImportBehaviour,
): Promise<{ validation: ImportValidation; loaded: LoadedImportContext }> {
  const loaded = await loadImportContext(db, customerId);
  const validation = validateImport(file, behaviour, loaded.snapshot, loaded.context);
  return { validation, loaded };
}
