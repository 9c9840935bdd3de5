import type { ProblemError } from "../schemas/problem.ts";
import { type CsvEncoding, decodeCsvBytes } from "./decode.ts";
import { type ParseCsvOptions, type ParsedCsv, parseCsvText } from "./parse.ts";

export type ReadCsvFileResult =
  | (ParsedCsv & {
      encoding: CsvEncoding;
      /** The decoded text: the API keeps the file as uploaded to re-validate it on apply. */
      text: string;
    })
  | { ok: false; errors: ProblemError[] };

/**
 * Bytes of an uploaded file → header and rows: `decodeCsvBytes` then `parseCsvText`, with the
 * decoding warning (if any) among the file-level warnings. The API and the browser both start here.
 */
export function readCsvFile(bytes: Uint8Array, options: ParseCsvOptions = {}): ReadCsvFileResult {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok)
    return {
      ok: false,
      errors: [{ code: decoded.code, message: decoded.message, severity: "error" }],
    };
  const parsed = parseCsvText(decoded.text, options);
  if (!parsed.ok) return parsed;
  const encodingWarnings: ProblemError[] = decoded.warnings.map((message) => ({
    code: "csv_encoding_guessed",
    message,
    severity: "warning",
  }));
  return {
    ...parsed,
    encoding: decoded.encoding,
    text: decoded.text,
    warnings: [...encodingWarnings, ...parsed.warnings],
  };
}
