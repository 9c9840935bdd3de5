import { BASE_LICENCES } from "../catalogue/base-licences.ts";
import { PACKAGES } from "../catalogue/packages.ts";
import type { User } from "../schemas/users.ts";
import { formatFlagCell, protectCell } from "./cells.ts";
import { CSV_HEADERS, normaliseHeader } from "./columns.ts";
import type { ProblemError } from "../schemas/problem.ts";

/** Excel reads a CSV as the local ANSI code page unless it starts with this (UTF-8 BOM). */
export const CSV_BOM = "\uFEFF";

/** CSV line ending (RFC 4180, and what Excel writes). */
export const CSV_EOL = "\r\n";

/** What the export needs of a user; `User` from the API schemas fits. */
export type CsvExportUser = Pick<
  User,
  | "email"
  | "firstName"
  | "lastName"
  | "displayName"
  | "phoneNumber"
  | "extension"
  | "locationName"
  | "preferredWebexSite"
  | "status"
  | "package"
  | "baseLicences"
>;

// A `;` is quoted too, so the file also reads right when split by a European-locale tool.
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;
const QUOTE = /"/g;

/** RFC 4180 quoting, as papaparse's unparse would do it: only when needed, quotes doubled. */
function quoteCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

/** One CSV line (ending in CRLF), each cell quoted when needed; protect cells before. */
export function line(cells: readonly string[], delimiter: "," | ";" = ","): string {
  return cells.map(quoteCell).join(delimiter) + CSV_EOL;
}

/** The header line (no BOM: write `CSV_BOM` once before it). */
export function serialiseCsvHeader(): string {
  return line(CSV_HEADERS);
}

const STATUS_LABELS: Record<User["status"], string> = {
  active: "Active",
  pending: "Pending",
  inactive: "Inactive",
};

/** One user as one CSV line (ending in CRLF), cells protected against formula injection. */
export function serialiseUserRow(user: CsvExportUser): string {
  const text = (v: string | null) => protectCell(v ?? "");
  const licences = new Set(user.baseLicences);
  return line([
    text(user.email),
    text(user.firstName),
    text(user.lastName),
    text(user.displayName),
    text(user.phoneNumber),
    text(user.extension),
    text(user.locationName),
    text(user.preferredWebexSite),
    STATUS_LABELS[user.status],
    ...BASE_LICENCES.map((l) => formatFlagCell(licences.has(l.id))),
    ...PACKAGES.map((p) => formatFlagCell(user.package === p.id)),
  ]);
}

/**
 * A whole export as a stream of chunks (BOM + header, then one line per user), so the API can
 * pipe users from a database cursor without holding the list in memory.
 */
export async function* serialiseUsersCsv(
  users: Iterable<CsvExportUser> | AsyncIterable<CsvExportUser>,
): AsyncGenerator<string, void, undefined> {
  yield CSV_BOM + serialiseCsvHeader();
  for await (const user of users) yield serialiseUserRow(user);
}

export const TEMPLATE_EXAMPLE_USER: CsvExportUser = {
  email: "anna.svensson@example.com",
  firstName: "Anna",
  lastName: "Svensson",
  displayName: "Anna Svensson",
  phoneNumber: "+46812345678",
  extension: "1234",
  locationName: "Stockholm",
  preferredWebexSite: "example.webex.com",
  status: "active",
  package: "webex_calling",
  baseLicences: ["basic_messaging", "basic_space_meetings", "call_on_webex"],
};

/**
 * The downloadable template: BOM, header and one example row. A signed-in customer's template
 * names one of its own locations and its default Webex site, so the example imports as it stands.
 */
export function templateCsv(
  example: { locationName?: string | null; preferredWebexSite?: string | null } = {},
): string {
  const locationName = example.locationName ?? TEMPLATE_EXAMPLE_USER.locationName;
  const preferredWebexSite = example.preferredWebexSite ?? TEMPLATE_EXAMPLE_USER.preferredWebexSite;
  return (
    CSV_BOM +
    serialiseCsvHeader() +
    serialiseUserRow({ ...TEMPLATE_EXAMPLE_USER, locationName, preferredWebexSite })
  );
}

/** The column the error report adds; a re-uploaded report has it as an unknown (ignored) column. */
export const ERRORS_HEADER = "Errors";

/**
 * "Export errors to CSV" (spec §6): the failed rows as uploaded, plus an Errors column, ready to
 * fix and re-upload. Create one per report, write `header()` once (after `CSV_BOM`), then
 * `row()` per failed row, so the report streams like the export. It is separated as the upload
 * was: a `;` file came from a spreadsheet that opens `;` files, and would show a `,` report as
 * one column.
 */
export function errorReportWriter(
  uploadedHeaders: readonly string[],
  delimiter: "," | ";" = ",",
): {
  header(): string;
  row(cells: readonly string[], problems: readonly ProblemError[]): string;
} {
  // A report that is itself re-uploaded already has the column: reuse it rather than add another.
  const existing = uploadedHeaders.findIndex(
    (h) => normaliseHeader(h) === normaliseHeader(ERRORS_HEADER),
  );
  const headers = existing >= 0 ? [...uploadedHeaders] : [...uploadedHeaders, ERRORS_HEADER];
  return {
    header: () => line(headers, delimiter),
    row: (cells, problems) => {
      const message = problems
        .filter((p) => p.severity !== "warning")
        .map((p) => (p.column ? `${p.column}: ${p.message}` : p.message))
        .join(" | ");
      const uploaded = uploadedHeaders.map((_, i) => cells[i] ?? "");
      const extra = cells.slice(uploadedHeaders.length); // a row with too many values keeps them
      const out = existing >= 0 ? [...uploaded, ...extra] : [...uploaded, message, ...extra];
      if (existing >= 0) out[existing] = message;
      // Cells go back as they came, except that live formulas are defused again.
      return line(out.map(protectCell), delimiter);
    },
  };
}
