/**
 * The CSV format of spec §6, one module for export, template, server import and the browser
 * pre-check. Import: `readCsvFile(bytes)` (decode + parse) → `validateImport(parsed, behaviour,
 * snapshot, context?)` → rows with outcome, target, changes and problems. Export:
 * `serialiseUsersCsv(users)` streams BOM, header and one line per user.
 *
 * Row numbers everywhere are spreadsheet rows: header = row 1, first data row = row 2.
 */
export {
  CSV_COLUMNS,
  CSV_HEADERS,
  EMAIL_HEADER,
  columnHeader,
  matchHeaders,
  normaliseHeader,
  type ColumnKey,
  type CsvColumn,
  type HeaderMatch,
  type LicenceColumnKey,
  type PackageColumnKey,
  type TextColumnKey,
} from "./columns.ts";
export {
  decodeCsvBytes,
  type CsvEncoding,
  type DecodeCsvResult,
  type DecodeFailureCode,
} from "./decode.ts";
export {
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  parseCsvText,
  type CsvDelimiter,
  type ParseCsvOptions,
  type ParseCsvResult,
  type ParsedCsv,
  type ParsedCsvRow,
} from "./parse.ts";
export { readCsvFile, type ReadCsvFileResult } from "./read-csv-file.ts";
export {
  formatFlagCell,
  isFormulaCell,
  parseFlagCell,
  protectCell,
  unprotectCell,
  type FlagCell,
} from "./cells.ts";
export { CsvUserRowSchema, readUserRow, type CsvRowRead, type CsvUserRow } from "./row.ts";
export {
  IMPORT_BEHAVIOURS,
  ImportBehaviourSchema,
  classifyRows,
  countOutcomes,
  type ExistingUser,
  type FieldChange,
  type ImportBehaviour,
  type OutcomeCounts,
  type RowOutcome,
  type RowResult,
  type TargetUser,
  type UserSnapshot,
} from "./classify.ts";
export { AUDIT_CSV_HEADERS, auditCsvRow, type AuditCsvEvent } from "./audit-csv.ts";
export { validateImport, type ImportContext, type ImportValidation } from "./validate-import.ts";
export {
  CSV_BOM,
  CSV_EOL,
  ERRORS_HEADER,
  errorReportWriter,
  line as serialiseCsvLine,
  TEMPLATE_EXAMPLE_USER,
  serialiseCsvHeader,
  serialiseUserRow,
  serialiseUsersCsv,
  templateCsv,
  type CsvExportUser,
} from "./serialise.ts";
