import { MAX_CSV_BYTES, readCsvFile, type ProblemError } from "@partner-hub/shared";

export type CsvFileCheck =
  { ok: true; rowCount: number; warnings: ProblemError[] } | { ok: false; errors: ProblemError[] };

/** The server's words for a file over the limit (the API's validate-file), said before reading it. */
export function fileTooLargeProblem(size: number): ProblemError {
  return {
    code: "csv_too_large",
    message: `The file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_CSV_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
    severity: "error",
    params: { size: (size / 1024 / 1024).toFixed(1), max: MAX_CSV_BYTES / 1024 / 1024 },
  };
}

/**
 * The browser's look at a chosen file before it is uploaded, with the same CSV module the
 * server uses: an empty, oversized or unreadable file, or one without the email column, is
 * refused here with the message the server would give. Row-level rules need the customer's
 * data, so they are left to the server's preview.
 */
export function checkCsvBytes(bytes: Uint8Array): CsvFileCheck {
  if (bytes.byteLength > MAX_CSV_BYTES)
    return { ok: false, errors: [fileTooLargeProblem(bytes.byteLength)] };
  const read = readCsvFile(bytes);
  if (!read.ok) return { ok: false, errors: read.errors };
  return { ok: true, rowCount: read.rows.length, warnings: read.warnings };
}

/** Reads and checks a File; one that is too large is refused without being read. */
export async function checkCsvFile(file: Blob): Promise<CsvFileCheck> {
  if (file.size > MAX_CSV_BYTES) return { ok: false, errors: [fileTooLargeProblem(file.size)] };
  return checkCsvBytes(new Uint8Array(await file.arrayBuffer()));
}
