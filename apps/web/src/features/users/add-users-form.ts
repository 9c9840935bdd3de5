import {
  MAX_MANUAL_USERS,
  NewUserInputSchema,
  PackageIdSchema,
  isBlankNewUserRow,
  packageById,
  validateManualAdd,
  type CustomerLocation,
  type NewUserInput,
  type PackageId,
  type PackageQuota,
  type ProblemError,
} from "@partner-hub/shared";
import { pushIssue, type FieldIssue } from "../../lib/field-issue.ts";

export type { FieldIssue };

/** One row of the Manually add users wizard, as typed (every field a string, spec §5). */
export interface UserRowDraft {
  firstName: string;
  lastName: string;
  email: string;
  package: PackageId | "";
  phoneNumber: string;
  extension: string;
  locationId: string;
  preferredWebexSite: string;
}

export const ROW_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "package",
  "phoneNumber",
  "extension",
  "locationId",
  "preferredWebexSite",
] as const;
export type RowField = (typeof ROW_FIELDS)[number];

function isRowField(value: string): value is RowField {
  return (ROW_FIELDS as readonly string[]).includes(value);
}

export type RowIssues = Partial<Record<RowField, FieldIssue[]>>;

export interface WizardIssues {
  /** Indexed like the rows. */
  rows: RowIssues[];
  /** Issues that name no row field (e.g. the whole request has too many users). */
  general: FieldIssue[];
}

export const MAX_ROWS = MAX_MANUAL_USERS;

export function emptyRow(defaultLocationId: string | null, defaultSite = ""): UserRowDraft {
  return {
    firstName: "",
    lastName: "",
    email: "",
    package: "",
    phoneNumber: "",
    extension: "",
    locationId: defaultLocationId ?? "",
    preferredWebexSite: defaultSite,
  };
}

/**
 * Did the person type anything? A pre-filled location or Webex site alone does not count: the
 * same test the API applies (isBlankNewUserRow), so a spare row is ignored by both, not an error.
 */
export function isRowDirty(row: UserRowDraft): boolean {
  return !isBlankNewUserRow(row);
}

/**
 * The rows to send and where each came from: blank rows are left out (spec §5), unless every row
 * is blank, when the first is judged so the person is told what to fill in.
 */
export function rowsToSend(rows: readonly UserRowDraft[]): {
  rows: UserRowDraft[];
  /** For each row sent, its index among all rows. */
  indexes: number[];
} {
  const indexes = rows.flatMap((row, index) => (isRowDirty(row) ? [index] : []));
  if (indexes.length === 0 && rows.length > 0) indexes.push(0);
  return { rows: indexes.map((i) => rows[i]!), indexes };
}

/** Which optional fields the row shows, from the package catalogue. */
export function visibleFields(pkg: PackageId | ""): { calling: boolean; meetings: boolean } {
  if (!pkg) return { calling: false, meetings: false };
  const def = packageById(pkg);
  return { calling: def.calling, meetings: def.meetings };
}

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);

/**
 * The request body for one row. Fields the row does not show are sent as null: the server
 * refuses numbers for a package without calling, and a value left behind after switching the
 * package is not something the person can see any more.
 */
export function toNewUserInput(row: UserRowDraft): NewUserInput {
  const shown = visibleFields(row.package);
  return {
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    package: row.package as PackageId,
    phoneNumber: shown.calling ? blankToNull(row.phoneNumber) : null,
    extension: shown.calling ? blankToNull(row.extension) : null,
    locationId: shown.calling ? blankToNull(row.locationId) : null,
    preferredWebexSite: shown.meetings ? blankToNull(row.preferredWebexSite) : null,
  };
}

function emptyIssues(rowCount: number): WizardIssues {
  return { rows: Array.from({ length: rowCount }, () => ({})), general: [] };
}

function addIssue(
  issues: WizardIssues,
  index: number | null,
  field: string | null,
  issue: FieldIssue,
): void {
  const row = index === null ? undefined : issues.rows[index];
  if (row && field && isRowField(field)) {
    pushIssue((row[field] ??= []), issue);
  } else {
    issues.general.push(issue);
  }
}

export interface ValidationContext {
  locations: readonly CustomerLocation[];
  /** The customer's quotas as fetched; seats are counted over all rows, as the server does. */
  quotas: readonly PackageQuota[];
  /** The customer's Webex sites: the Preferred Webex Site is one of them. */
  webexSites?: readonly string[];
}

/**
 * Spec §5 in the browser: each row's zod schema, then the shared composition the API runs
 * (`validateManualAdd`) with what the browser knows, so most mistakes are shown before anything
 * is sent. Checks that need other users' data (an email or number already used in the customer)
 * remain the server's. A row without a package yet is judged on its email only.
 */
export function validateRows(
  allRows: readonly UserRowDraft[],
  ctx: ValidationContext,
): WizardIssues {
  const issues = emptyIssues(allRows.length);
  const { rows, indexes } = rowsToSend(allRows);
  const inputs = rows.map((row, sent) => {
    const index = indexes[sent]!;
    const input = toNewUserInput(row);
    const parsed = NewUserInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const zodIssue of parsed.error.issues) {
        const field = String(zodIssue.path[0] ?? "");
        addIssue(issues, index, field, {
          code: zodIssue.code,
          message: zodIssue.message,
          severity: "error",
        });
      }
    }
    const pkg = PackageIdSchema.safeParse(row.package);
    return { ...input, package: pkg.success ? pkg.data : null };
  });
  const { issues: ruleIssues } = validateManualAdd(inputs, {
    locations: ctx.locations,
    quotas: ctx.quotas,
    webexSites: ctx.webexSites,
  });
  for (const issue of ruleIssues)
    addIssue(issues, indexes[issue.index] ?? null, issue.field, {
      ...issue,
      params: seenRowNumbers(issue.params, indexes),
    });
  return issues;
}

/** Row numbers in params (`heldByRow`) count the rows sent; the person sees all rows. */
function seenRowNumbers(
  params: Record<string, string | number> | undefined,
  indexes: readonly number[] | undefined,
): Record<string, string | number> | undefined {
  const held = params?.heldByRow;
  if (!params || !indexes || typeof held !== "number") return params;
  return { ...params, heldByRow: (indexes[held - 1] ?? held - 1) + 1 };
}

const ROW_FIELD_PATH = /^users\.(\d+)\.([A-Za-z]+)$/;

/**
 * The server's `errors[]` (`field: "users.3.email"`) back onto the rows and fields the person
 * typed them in. Anything that names no row field stays general, so nothing is silently lost.
 */
export function issuesFromProblem(
  errors: readonly ProblemError[],
  rowCount: number,
  /** For each row sent, its index among all rows (rowsToSend); by default the same. */
  indexes?: readonly number[],
): WizardIssues {
  const issues = emptyIssues(rowCount);
  const rowOf = (sent: number) => (indexes ? (indexes[sent] ?? null) : sent);
  for (const error of errors) {
    const match = error.field ? ROW_FIELD_PATH.exec(error.field) : null;
    const index = match
      ? rowOf(Number(match[1]))
      : error.row !== undefined
        ? rowOf(error.row - 1)
        : null;
    const field = match ? (match[2] ?? null) : null;
    const inRange = index !== null && index >= 0 && index < rowCount;
    addIssue(issues, inRange ? index : null, inRange ? field : null, {
      code: error.code,
      message: error.message,
      severity: error.severity ?? "error",
      params: seenRowNumbers(error.params, indexes),
    });
  }
  return issues;
}

export function countErrors(issues: WizardIssues): { rows: number; errors: number } {
  let rows = 0;
  let errors = issues.general.filter((i) => i.severity === "error").length;
  for (const row of issues.rows) {
    const n = Object.values(row)
      .flat()
      .filter((i) => i.severity === "error").length;
    if (n > 0) rows += 1;
    errors += n;
  }
  return { rows, errors };
}

/** Free seats per package, for the package select. */
export function freeSeats(quotas: readonly PackageQuota[]): Map<PackageId, number> {
  return new Map(quotas.map((q) => [q.package, Math.max(0, q.maxUsers - q.assignedUsers)]));
}
