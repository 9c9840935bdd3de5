import Papa from "papaparse";
import type { CsvIssueCode } from "../problems/codes.ts";
import type { ProblemError } from "../schemas/problem.ts";
import { type ColumnKey, matchHeaders } from "./columns.ts";
import { MAX_CSV_ROWS, formatCount } from "./limits.ts";

export { MAX_CSV_BYTES, MAX_CSV_ROWS } from "./limits.ts";

export type CsvDelimiter = "," | ";";

/**
 * One data row of the file.
 *
 * `rowNumber` is the row a person sees when the file is opened in a spreadsheet: the header is
 * row 1 and the first data row is row 2. It counts records, not text lines — a quoted value that
 * spans three lines is still one row — and an empty line still counts as the (empty) row the
 * spreadsheet shows, so the numbers never drift from what Excel displays. Every problem about a
 * row (`ProblemError.row`) uses this number.
 */
export interface ParsedCsvRow {
  rowNumber: number;
  /** The cells as in the file, untrimmed; may be shorter than the header (missing = empty). */
  cells: string[];
  /** Problems found while splitting this row into cells (the row cannot be trusted). */
  errors?: ProblemError[];
}

export interface ParsedCsv {
  ok: true;
  /** The header cells as in the file (BOM removed). */
  headers: string[];
  /** Where each known column is (0-based cell index). */
  columns: Map<ColumnKey, number>;
  /** Non-empty data rows, in file order. */
  rows: ParsedCsvRow[];
  delimiter: CsvDelimiter;
  /** File-level warnings, e.g. unknown columns. */
  warnings: ProblemError[];
}

export type ParseCsvResult = ParsedCsv | { ok: false; errors: ProblemError[] };

export interface ParseCsvOptions {
  maxRows?: number;
}

/**
 * Splits CSV text into a header and rows with papaparse. Refuses the whole file (ok: false) when
 * it cannot be read reliably: no header, a missing key column, a duplicated column, an
 * unterminated quote, no data rows, or more than `maxRows` data rows.
 */
export function parseCsvText(input: string, options: ParseCsvOptions = {}): ParseCsvResult {
  const maxRows = options.maxRows ?? MAX_CSV_ROWS;
  // One line ending for papaparse: it guesses one per file, and a file edited by hand may mix
  // them. A CR or CRLF inside a quoted value becomes LF, which is what we store anyway.
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return fileError("csv_empty", "The file is empty.");

  const delimiter = detectDelimiter(text);
  const result = Papa.parse<string[]>(text, {
    delimiter,
    newline: "\n",
    header: false,
    skipEmptyLines: false,
  });

  const rowErrors = new Map<number, ProblemError[]>();
  const fatal: ProblemError[] = [];
  const seenFatalRows = new Set<number>();
  const malformedRows = new Set(
    result.errors.filter((e) => e.code === "InvalidQuotes").map((e) => (e.row ?? 0) + 1),
  );
  const malformed = (rowNumber: number): ProblemError => ({
    code: "csv_malformed_quote",
    message: `Row ${rowNumber} has a double quote (") in the wrong place. A value with a quote in it must be in quotes, with the quote written twice: "Say ""hi""".`,
    row: rowNumber,
    severity: "error",
  });
  for (const e of result.errors) {
    const rowNumber = (e.row ?? 0) + 1;
    if (e.code === "MissingQuotes") {
      if (seenFatalRows.has(rowNumber)) continue;
      seenFatalRows.add(rowNumber);
      // A stray quote after a closing one ("Anna"x) makes papaparse read on to the end: the
      // stray quote is the thing to fix, so say that rather than "never closed".
      fatal.push(
        malformedRows.has(rowNumber)
          ? malformed(rowNumber)
          : {
              code: "csv_unterminated_quote",
              message: `Row ${rowNumber} has a value that opens with a double quote (") that is never closed, so the rest of the file cannot be read. Add the closing quote, or remove the stray one.`,
              row: rowNumber,
              severity: "error",
            },
      );
    } else if (e.code === "InvalidQuotes") {
      addTo(rowErrors, rowNumber, malformed(rowNumber));
    }
  }
  if (fatal.length > 0) return { ok: false, errors: fatal };

  const records = result.data;
  let headerIndex = 0;
  while (headerIndex < records.length && isEmptyRecord(records[headerIndex])) headerIndex++;
  const headerRecord = records[headerIndex];
  if (!headerRecord) return fileError("csv_empty", "The file is empty.");
  const headers = headerRecord.map((h) => h.replace(/^\uFEFF/, ""));

  const match = matchHeaders(headers, headerIndex + 1);
  if (match.errors.length > 0) return { ok: false, errors: match.errors };

  const rows: ParsedCsvRow[] = [];
  let dataRows = 0;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i];
    // Excel writes ";;;;" for a row it considers empty; such rows mean nothing.
    if (!cells || isEmptyRecord(cells)) continue;
    dataRows++;
    if (dataRows > maxRows) continue; // keep counting for the message, stop collecting
    const rowNumber = i + 1;
    const errors = rowErrors.get(rowNumber) ?? [];
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== "")) {
      errors.push({
        code: "csv_too_many_cells",
        message: `Row ${rowNumber} has ${cells.length} values but the header has ${headers.length} columns. A value probably contains the separator (${delimiter}); put that value in double quotes.`,
        row: rowNumber,
        severity: "error",
      });
    }
    rows.push(errors.length > 0 ? { rowNumber, cells, errors } : { rowNumber, cells });
  }

  if (dataRows === 0) {
    return fileError("csv_no_data_rows", "The file has a header but no data rows.");
  }
  if (dataRows > maxRows) {
    return fileError(
      "csv_too_many_rows",
      `The file has ${formatCount(dataRows)} data rows; the limit is ${formatCount(maxRows)}. Split it into smaller files.`,
      { rows: dataRows, max: maxRows },
    );
  }
  return { ok: true, headers, columns: match.columns, rows, delimiter, warnings: match.warnings };
}

/**
 * Comma or semicolon: whichever splits the header into more columns we know. A comma inside
 * "Call on Webex (1:1 call, non-PSTN)" makes raw character counts unreliable.
 */
function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; known: number; fields: number } | undefined;
  for (const delimiter of [",", ";"] as const) {
    const first =
      Papa.parse<string[]>(text.trimStart(), { delimiter, newline: "\n", preview: 1 }).data[0] ??
      [];
    const known = matchHeaders(first).columns.size;
    if (!best || known > best.known || (known === best.known && first.length > best.fields)) {
      best = { delimiter, known, fields: first.length };
    }
  }
  return best?.delimiter ?? ",";
}

function isEmptyRecord(cells: string[] | undefined): boolean {
  return !cells || cells.every((c) => c.trim() === "");
}

function addTo(map: Map<number, ProblemError[]>, key: number, problem: ProblemError): void {
  const list = map.get(key);
  if (list) list.push(problem);
  else map.set(key, [problem]);
}

function fileError(
  code: CsvIssueCode,
  message: string,
  params?: Record<string, number>,
): { ok: false; errors: ProblemError[] } {
  return {
    ok: false,
    errors: [{ code, message, severity: "error", ...(params ? { params } : {}) }],
  };
}
