import { BASE_LICENCES, type BaseLicenceId } from "../catalogue/base-licences.ts";
import { PACKAGES, type PackageId } from "../catalogue/packages.ts";
import type { ProblemError } from "../schemas/problem.ts";

export type LicenceColumnKey = `licence:${BaseLicenceId}`;
export type PackageColumnKey = `package:${PackageId}`;
export type TextColumnKey =
  | "email"
  | "firstName"
  | "lastName"
  | "displayName"
  | "phoneNumber"
  | "extension"
  | "location"
  | "preferredWebexSite";
export type ColumnKey = TextColumnKey | "userStatus" | LicenceColumnKey | PackageColumnKey;

export interface CsvColumn {
  key: ColumnKey;
  /** The header as exported; matching ignores case and surrounding spaces. */
  header: string;
  kind: "text" | "status" | "licence" | "package";
  /** Other headers accepted on import for this column. */
  aliases?: readonly string[];
}

export const EMAIL_HEADER = "User ID/Email (Required)";

/** Every column, in export order (spec §6). Licence and package headers come from the catalogue. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  // People shorten the long key header when they build a file by hand; both forms mean the same.
  { key: "email", header: EMAIL_HEADER, kind: "text", aliases: ["User ID/Email", "Email"] },
  { key: "firstName", header: "First Name", kind: "text" },
  { key: "lastName", header: "Last Name", kind: "text" },
  { key: "displayName", header: "Display Name", kind: "text" },
  { key: "phoneNumber", header: "Phone Number", kind: "text" },
  { key: "extension", header: "Extension", kind: "text" },
  { key: "location", header: "Location", kind: "text" },
  { key: "preferredWebexSite", header: "Preferred Webex Site", kind: "text" },
  // Export only: the import ignores it (status is not something a file sets).
  { key: "userStatus", header: "User Status", kind: "status" },
  ...BASE_LICENCES.map((l): CsvColumn => ({
    key: `licence:${l.id}`,
    header: l.csvColumn,
    kind: "licence",
  })),
  ...PACKAGES.map((p): CsvColumn => ({
    key: `package:${p.id}`,
    header: p.displayName,
    kind: "package",
  })),
];

export const CSV_HEADERS: readonly string[] = CSV_COLUMNS.map((c) => c.header);

const columnByKey = new Map(CSV_COLUMNS.map((c) => [c.key, c]));

/** The exported header of a column, used as `column` in every problem about it. */
export function columnHeader(key: ColumnKey): string {
  const column = columnByKey.get(key);
  if (!column) throw new Error(`Unknown CSV column ${key}`);
  return column.header;
}

export function licenceColumnKey(id: BaseLicenceId): LicenceColumnKey {
  return `licence:${id}`;
}

export function packageColumnKey(id: PackageId): PackageColumnKey {
  return `package:${id}`;
}

/** Case and surrounding spaces do not matter; neither do runs of inner spaces. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

const columnByNormalisedHeader = new Map<string, CsvColumn>();
for (const column of CSV_COLUMNS) {
  for (const h of [column.header, ...(column.aliases ?? [])]) {
    columnByNormalisedHeader.set(normaliseHeader(h), column);
  }
}

export interface HeaderMatch {
  /** Where each known column is in the file (0-based cell index). */
  columns: Map<ColumnKey, number>;
  warnings: ProblemError[];
  /** Any error here refuses the file as a whole. */
  errors: ProblemError[];
}

/**
 * Problems about the header carry its row: 1, as in a spreadsheet, unless blank lines come
 * before it.
 */
export function matchHeaders(headers: readonly string[], headerRow = 1): HeaderMatch {
  const HEADER_ROW = headerRow;
  const columns = new Map<ColumnKey, number>();
  const warnings: ProblemError[] = [];
  const errors: ProblemError[] = [];
  const reportedDuplicates = new Set<ColumnKey>();

  headers.forEach((raw, index) => {
    const shown = raw.replace(/^\uFEFF/, "").trim();
    const position = `column ${index + 1}`;
    if (shown === "") {
      warnings.push({
        code: "csv_column_without_header",
        message: `The header of ${position} is empty, so that column is ignored.`,
        row: HEADER_ROW,
        severity: "warning",
      });
      return;
    }
    const column = columnByNormalisedHeader.get(normaliseHeader(raw));
    if (!column) {
      warnings.push({
        code: "csv_unknown_column",
        message: `The column "${shown}" is not one we know, so it is ignored. Check the spelling against the template if it should be imported.`,
        row: HEADER_ROW,
        column: shown,
        severity: "warning",
      });
      return;
    }
    const earlier = columns.get(column.key);
    if (earlier !== undefined) {
      if (!reportedDuplicates.has(column.key)) {
        reportedDuplicates.add(column.key);
        errors.push({
          code: "csv_duplicate_column",
          message: `The column "${column.header}" appears more than once (columns ${earlier + 1} and ${index + 1}). Keep one and delete the other.`,
          row: HEADER_ROW,
          column: column.header,
          severity: "error",
        });
      }
      return;
    }
    columns.set(column.key, index);
  });

  if (!columns.has("email")) {
    errors.push({
      code: "csv_missing_email_column",
      message: `The file has no "${EMAIL_HEADER}" column. Every row needs the user's email address: start from the template or an export.`,
      row: HEADER_ROW,
      column: EMAIL_HEADER,
      severity: "error",
    });
  }
  return { columns, warnings, errors };
}
