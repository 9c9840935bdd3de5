import {
  findNumberConflicts,
  findRowsOverQuota,
  type NumberClaim,
  type NumberHolder,
  type PackageQuota,
  type SeatChange,
} from "../rules/batch-rules.ts";
import { resolveLocationName, type CustomerLocation } from "../rules/location.ts";
import type { RuleIssue } from "../rules/rule-issue.ts";
import { checkPackageFields } from "../rules/user-package-rules.ts";
import type { ProblemError } from "../schemas/problem.ts";
import {
  type ImportBehaviour,
  type OutcomeCounts,
  type RowResult,
  type UserSnapshot,
  classifyRows,
  countOutcomes,
} from "./classify.ts";
import { EMAIL_HEADER, columnHeader, packageColumnKey } from "./columns.ts";
import type { ParsedCsv } from "./parse.ts";
import { readUserRow } from "./row.ts";

/** What the database knows beyond the user snapshot. */
export interface ImportContext {
  locations: readonly CustomerLocation[];
  quotas: readonly PackageQuota[];
  /** The customer's Webex sites: a row naming another one gets a warning listing them (§3). */
  webexSites?: readonly string[] | undefined;
  /**
   * Everyone's numbers now. Optional: by default they are taken from the snapshot (which then
   * must hold every user of the customer) with location names resolved against `locations`.
   */
  numberHolders?: readonly NumberHolder[];
}

export interface ImportValidation {
  rows: RowResult[];
  counts: OutcomeCounts;
  /** File-level warnings (unknown columns…). */
  warnings: ProblemError[];
}

/**
 * The whole preview in one call: reads every row, classifies it against the snapshot, and —
 * given a context — runs the rules module over the rows that would change something: package
 * fields (calling details, location, Preferred Webex Site), number uniqueness and quotas.
 * Without a context (the browser pre-check) only the file-level and snapshot checks run.
 */
export function validateImport(
  parsed: ParsedCsv,
  behaviour: ImportBehaviour,
  snapshot: UserSnapshot,
  context?: ImportContext,
): ImportValidation {
  const reads = parsed.rows.map((row) => readUserRow(row, parsed.columns));
  const rows = classifyRows(reads, behaviour, snapshot, parsed.columns);
  if (context) applyRules(rows, snapshot, context);
  for (const row of rows) dropWarningsBesideErrors(row);
  useFileHeaders(rows, parsed);
  return { rows, counts: countOutcomes(rows), warnings: parsed.warnings };
}

/**
 * A column that has an error in a row says so once: a warning about the same cell (a `+`
 * restored to a number the row may not have at all) would list the column twice, and the
 * error is what the person must fix first.
 */
export function dropWarningsBesideErrors(row: RowResult): void {
  const failed = new Set(
    row.problems.filter((p) => p.severity !== "warning" && p.column).map((p) => p.column),
  );
  if (failed.size === 0) return;
  row.problems = row.problems.filter((p) => p.severity !== "warning" || !failed.has(p.column));
}

/**
 * `ProblemError.column` is the header as written in the file ("first name", "Email"), so the
 * person finds it; the rules name columns by their exported header. Columns the file does not
 * have keep the exported header.
 */
function useFileHeaders(rows: readonly RowResult[], parsed: ParsedCsv): void {
  const asWritten = new Map<string, string>();
  for (const [key, index] of parsed.columns) {
    const written = parsed.headers[index]?.trim();
    const exported = columnHeader(key);
    if (written && written !== exported) asWritten.set(exported, written);
  }
  if (asWritten.size === 0) return;
  for (const row of rows) {
    for (const p of row.problems) if (p.column) p.column = asWritten.get(p.column) ?? p.column;
    for (const c of row.changes) c.column = asWritten.get(c.column) ?? c.column;
  }
}

const FIELD_COLUMNS: Record<string, string> = {
  phoneNumber: columnHeader("phoneNumber"),
  extension: columnHeader("extension"),
  locationId: columnHeader("location"),
  preferredWebexSite: columnHeader("preferredWebexSite"),
  email: EMAIL_HEADER,
};

function applyRules(rows: RowResult[], snapshot: UserSnapshot, context: ImportContext): void {
  const byRowNumber = new Map(rows.map((r) => [r.rowNumber, r]));
  const locationIds = new Map<number, string | null>();

  for (const row of rows) {
    if ((row.outcome !== "add" && row.outcome !== "modify") || !row.target) continue;
    const target = row.target;
    const issues: RuleIssue[] = [];
    let locationId: string | null = null;
    if (target.locationName !== null) {
      const found = resolveLocationName(target.locationName, context.locations);
      if (found.ok) locationId = found.locationId;
      else issues.push(found.issue);
    }
    if (issues.length === 0) {
      const checked = checkPackageFields(
        {
          package: target.package,
          phoneNumber: target.phoneNumber,
          extension: target.extension,
          locationId,
          preferredWebexSite: target.preferredWebexSite,
        },
        {
          locations: context.locations,
          webexSites: context.webexSites,
          unknownWebexSite: "warning",
          // A user's own site, even one no longer listed, is not warned about on every import.
          currentWebexSite: row.emailKey
            ? (snapshot.get(row.emailKey)?.preferredWebexSite ?? null)
            : null,
        },
      );
      issues.push(...checked.issues);
      if (locationId === null && checked.value.locationId !== null) {
        // Defaulted to the customer's only location: show it in the preview.
        locationId = checked.value.locationId;
        const name = context.locations.find((l) => l.id === locationId)?.name ?? null;
        target.locationName = name;
        row.changes.push({
          field: "locationName",
          column: columnHeader("location"),
          before: null,
          after: name,
        });
      }
    }
    locationIds.set(row.rowNumber, locationId);
    addIssues(row, issues);
  }

  const claims: NumberClaim[] = [];
  for (const row of rows) {
    if (!row.emailKey) continue;
    if ((row.outcome === "add" || row.outcome === "modify") && row.target) {
      claims.push({
        index: row.rowNumber - 1,
        userKey: row.emailKey,
        phoneNumber: row.target.phoneNumber,
        extension: row.target.extension,
        locationId: locationIds.get(row.rowNumber) ?? null,
      });
    } else if (row.outcome === "remove") {
      claims.push({
        index: row.rowNumber - 1,
        userKey: row.emailKey,
        phoneNumber: null,
        extension: null,
        locationId: null,
      });
    }
  }
  const holders = context.numberHolders ?? holdersFromSnapshot(snapshot, context.locations);
  // A number given to two rows of the file marks both, as a duplicated email does (§6).
  for (const issue of findNumberConflicts(claims, holders, {
    locations: context.locations,
    everyRow: true,
  })) {
    const row = byRowNumber.get(issue.index + 1);
    if (row) addIssues(row, [issue]);
  }

  const seats: SeatChange[] = [];
  for (const row of rows) {
    if (
      !row.emailKey ||
      (row.outcome !== "add" && row.outcome !== "modify" && row.outcome !== "remove")
    )
      continue;
    seats.push({
      index: row.rowNumber - 1,
      package: row.outcome === "remove" ? null : (row.target?.package ?? null),
      previousPackage: snapshot.get(row.emailKey)?.package ?? null,
    });
  }
  for (const issue of findRowsOverQuota(seats, context.quotas)) {
    const row = byRowNumber.get(issue.index + 1);
    if (row) addIssues(row, [issue]);
  }
}

function addIssues(row: RowResult, issues: readonly RuleIssue[]): void {
  for (const issue of issues) {
    const column =
      issue.field === "package" && row.target
        ? columnHeader(packageColumnKey(row.target.package))
        : (FIELD_COLUMNS[issue.field] ?? issue.field);
    row.problems.push({
      code: issue.code,
      message: issue.message,
      row: row.rowNumber,
      column,
      severity: issue.severity,
      ...(issue.params ? { params: issue.params } : {}),
    });
    if (issue.severity === "error") row.outcome = "error";
  }
}

function holdersFromSnapshot(
  snapshot: UserSnapshot,
  locations: readonly CustomerLocation[],
): NumberHolder[] {
  const idByName = new Map(locations.map((l) => [l.name.trim().toLowerCase(), l.id]));
  const holders: NumberHolder[] = [];
  for (const [userKey, user] of snapshot) {
    if (!user.phoneNumber && !user.extension) continue;
    holders.push({
      userKey,
      phoneNumber: user.phoneNumber,
      extension: user.extension,
      locationId: user.locationName
        ? (idByName.get(user.locationName.trim().toLowerCase()) ?? null)
        : null,
    });
  }
  return holders;
}
