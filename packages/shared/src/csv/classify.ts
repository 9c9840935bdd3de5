import { z } from "zod";
import { BASE_LICENCES, BASE_LICENCE_IDS, type BaseLicenceId } from "../catalogue/base-licences.ts";
import { PACKAGES, packageById, type PackageId } from "../catalogue/packages.ts";
import { findDuplicateEmails } from "../rules/batch-rules.ts";
import type { CsvIssueCode } from "../problems/codes.ts";
import type { ProblemError } from "../schemas/problem.ts";
import {
  type ColumnKey,
  EMAIL_HEADER,
  columnHeader,
  licenceColumnKey,
  packageColumnKey,
} from "./columns.ts";
import type { CsvRowRead, CsvUserRow } from "./row.ts";

export const IMPORT_BEHAVIOURS = ["add_services_only", "add_and_remove_services"] as const;
export const ImportBehaviourSchema = z.enum(IMPORT_BEHAVIOURS);
export type ImportBehaviour = z.infer<typeof ImportBehaviourSchema>;

/** A user of the customer as stored now, as far as the CSV can see it. */
export interface ExistingUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  package: PackageId;
  phoneNumber: string | null;
  extension: string | null;
  locationName: string | null;
  preferredWebexSite: string | null;
  baseLicences: readonly BaseLicenceId[];
}

/** Existing users keyed by lower-cased, trimmed email (`userKeyOf`). */
export type UserSnapshot = ReadonlyMap<string, ExistingUser>;

/** What the user will look like once the row is applied (add and modify rows). */
export interface TargetUser {
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  package: PackageId;
  phoneNumber: string | null;
  extension: string | null;
  /** A location name, as in the file or the snapshot; the API resolves it. */
  locationName: string | null;
  preferredWebexSite: string | null;
  baseLicences: BaseLicenceId[];
}

type TextField =
  | "firstName"
  | "lastName"
  | "displayName"
  | "package"
  | "phoneNumber"
  | "extension"
  | "locationName"
  | "preferredWebexSite";

export type FieldChange =
  | { field: TextField; column: string; before: string | null; after: string | null }
  | {
      field: "baseLicences";
      licence: BaseLicenceId;
      column: string;
      before: boolean;
      after: boolean;
    };

export type RowOutcome = "add" | "modify" | "remove" | "unchanged" | "skipped" | "error";

export interface RowResult {
  /** Spreadsheet row number: header = 1, first data row = 2 (see `ParsedCsvRow`). */
  rowNumber: number;
  outcome: RowOutcome;
  /** The lower-cased email, when the row has a valid one. */
  emailKey?: string;
  /** The existing user the row is about (modify, remove, unchanged, skipped). */
  userId?: string;
  /** State after the row is applied (add, modify). */
  target?: TargetUser;
  /** Before → after per field (add: before is null/false). Empty for remove and unchanged. */
  changes: FieldChange[];
  /**
   * Why the row (skipped) or part of it (modify) is not applied under the chosen behaviour: a
   * code with params, and the English `message`.
   */
  skipped: ProblemError[];
  /** Errors and warnings, each with `row` and `column`. */
  problems: ProblemError[];
}

export type OutcomeCounts = Record<RowOutcome, number>;

const TEXT_COLUMNS = {
  firstName: columnHeader("firstName"),
  lastName: columnHeader("lastName"),
  displayName: columnHeader("displayName"),
  phoneNumber: columnHeader("phoneNumber"),
  extension: columnHeader("extension"),
  locationName: columnHeader("location"),
  preferredWebexSite: columnHeader("preferredWebexSite"),
} as const;

/**
 * The pure meaning of every row (spec §6) against a snapshot of the customer's users, without
 * anything that needs the database beyond that snapshot (locations, number uniqueness, quotas
 * and calling details come in `validateImport` with a context). One pass plus one Map: O(rows).
 */
export function classifyRows(
  reads: readonly CsvRowRead[],
  behaviour: ImportBehaviour,
  snapshot: UserSnapshot,
  /** The file's columns; without them every package column counts as present. */
  columns?: ReadonlyMap<ColumnKey, number>,
): RowResult[] {
  const missingPackageColumns = columns
    ? PACKAGES.filter((p) => !columns.has(packageColumnKey(p.id))).map((p) =>
        columnHeader(packageColumnKey(p.id)),
      )
    : [];
  const duplicates = new Map<number, ProblemError>();
  const withEmail = reads.flatMap((r) =>
    r.emailKey ? [{ index: r.rowNumber - 1, email: r.emailKey }] : [],
  );
  for (const issue of findDuplicateEmails(withEmail)) {
    duplicates.set(issue.index + 1, {
      code: issue.code,
      message: issue.message,
      row: issue.index + 1,
      column: EMAIL_HEADER,
      severity: "error",
      ...(issue.params ? { params: issue.params } : {}),
    });
  }

  return reads.map((read) => {
    const problems = [...read.problems];
    const duplicate = duplicates.get(read.rowNumber);
    if (duplicate) problems.push(duplicate);
    const base = {
      rowNumber: read.rowNumber,
      ...(read.emailKey ? { emailKey: read.emailKey } : {}),
    };
    if (!read.value || problems.some((p) => p.severity === "error")) {
      return { ...base, outcome: "error", changes: [], skipped: [], problems };
    }
    return classifyRow(
      read.value,
      behaviour,
      snapshot.get(read.value.emailKey),
      problems,
      missingPackageColumns,
    );
  });
}

function classifyRow(
  row: CsvUserRow,
  behaviour: ImportBehaviour,
  existing: ExistingUser | undefined,
  problems: ProblemError[],
  missingPackageColumns: readonly string[],
): RowResult {
  const result = (
    outcome: RowOutcome,
    extra: Partial<Pick<RowResult, "target" | "changes" | "skipped">> = {},
  ): RowResult => ({
    rowNumber: row.rowNumber,
    outcome,
    emailKey: row.emailKey,
    ...(existing ? { userId: existing.id } : {}),
    changes: [],
    skipped: [],
    problems,
    ...extra,
  });
  const error = (
    code: CsvIssueCode,
    message: string,
    column: string,
    params: Record<string, string> = {},
  ): RowResult => {
    problems.push({
      code,
      message,
      row: row.rowNumber,
      column,
      severity: "error",
      ...(Object.keys(params).length ? { params } : {}),
    });
    return result("error");
  };
  const skip = (
    code: CsvIssueCode,
    message: string,
    params?: Record<string, string>,
  ): ProblemError => ({
    code,
    message,
    row: row.rowNumber,
    ...(params ? { params } : {}),
  });

  const truePackages = PACKAGES.filter((p) => row.packages[p.id] === true);
  const everyPackageFalse = PACKAGES.every((p) => row.packages[p.id] === false);

  const [firstTrue, secondTrue] = truePackages;
  if (firstTrue && secondTrue) {
    const names = truePackages.map((p) => p.displayName).join(", ");
    return error(
      "csv_several_packages",
      `More than one package is TRUE (${names}). A user has exactly one package: leave TRUE in one package column only.`,
      secondTrue.displayName,
      { packages: names },
    );
  }

  if (!existing) {
    if (everyPackageFalse) {
      problems.push({
        code: "csv_remove_unknown_user",
        message: `Every package is FALSE, which removes a user, but this customer has no user ${row.email}. Nothing to remove; check the email address if you expected one.`,
        row: row.rowNumber,
        column: EMAIL_HEADER,
        severity: "warning",
        params: { email: row.email },
      });
      return result("unchanged");
    }
    if (!firstTrue) {
      return error(
        "csv_new_user_without_package",
        `This customer has no user ${row.email}, so the row adds one, but no package is TRUE. Set exactly one package column to TRUE (or check the email address if the user should already exist).`,
        EMAIL_HEADER,
        { email: row.email },
      );
    }
    return addRow(row, firstTrue.id, behaviour, problems, result);
  }

  // Removing a user is only ever meant when every package column is there and says FALSE:
  // a file with a single FALSE package column must not delete people by accident.
  if (everyPackageFalse) {
    if (behaviour === "add_services_only") {
      return result("skipped", {
        skipped: [
          skip(
            "csv_removal_skipped",
            "Every package is FALSE, which would remove this user, but Add services only never removes users. Upload with Add and remove services to remove them.",
          ),
        ],
      });
    }
    return result("remove");
  }

  const skipped: ProblemError[] = [];
  let packageId = existing.package;
  if (firstTrue) {
    packageId = firstTrue.id;
  } else if (row.packages[existing.package] === false) {
    const current = packageById(existing.package).displayName;
    if (behaviour === "add_and_remove_services") {
      // A file without every package column can never remove anyone: say which it lacks.
      const missing = missingPackageColumns.join(", ");
      return error(
        "csv_package_removed_without_replacement",
        missing
          ? `${current} is FALSE but no other package is TRUE. A user has exactly one package: set the new package to TRUE. To remove the user instead, add the package columns this file lacks (${missing}) and set every package column to FALSE.`
          : `${current} is FALSE but no other package is TRUE. A user has exactly one package: set the new package to TRUE, or set every package column to FALSE to remove the user.`,
        current,
        { package: current, ...(missing ? { missingColumns: missing } : {}) },
      );
    }
    skipped.push(
      skip(
        "csv_package_kept",
        `${current} is FALSE, but Add services only never takes a package away, so the user keeps it.`,
        { package: current },
      ),
    );
  }

  const target: TargetUser = {
    email: existing.email,
    firstName: row.firstName ?? existing.firstName,
    lastName: row.lastName ?? existing.lastName,
    displayName: row.displayName ?? existing.displayName,
    package: packageId,
    phoneNumber: row.phoneNumber ?? existing.phoneNumber,
    extension: row.extension ?? existing.extension,
    locationName:
      row.location === undefined || sameLocation(row.location, existing.locationName)
        ? existing.locationName
        : row.location,
    preferredWebexSite: row.preferredWebexSite ?? existing.preferredWebexSite,
    baseLicences: [],
  };
  // Moving to a package without calling gives up the numbers the row does not insist on; a
  // number the row does give is kept so the package rules can say it is not allowed.
  if (!packageById(packageId).calling && packageById(existing.package).calling) {
    if (row.phoneNumber === undefined) target.phoneNumber = null;
    if (row.extension === undefined) target.extension = null;
    if (row.location === undefined) target.locationName = null;
  }

  const had = new Set(existing.baseLicences);
  for (const licence of BASE_LICENCES) {
    const wanted = row.baseLicences[licence.id];
    const has = had.has(licence.id);
    if (wanted === false && has && behaviour === "add_services_only") {
      skipped.push(
        skip(
          "csv_licence_kept",
          `${licence.csvColumn} is FALSE, but Add services only never removes a licence, so the user keeps it. Upload with Add and remove services to remove it.`,
          { column: licence.csvColumn },
        ),
      );
    }
    const keep =
      wanted === true || (has && !(wanted === false && behaviour === "add_and_remove_services"));
    if (keep) target.baseLicences.push(licence.id);
  }

  const changes = diff(existing, target);
  if (changes.length > 0) return result("modify", { target, changes, skipped });
  if (skipped.length > 0) return result("skipped", { skipped });
  return result("unchanged");
}

function addRow(
  row: CsvUserRow,
  packageId: PackageId,
  behaviour: ImportBehaviour,
  problems: ProblemError[],
  result: (outcome: RowOutcome, extra: Partial<Pick<RowResult, "target" | "changes">>) => RowResult,
): RowResult {
  const firstName = row.firstName ?? "";
  const lastName = row.lastName ?? "";
  const baseLicences: BaseLicenceId[] = [];
  for (const licence of BASE_LICENCES) {
    const wanted = row.baseLicences[licence.id];
    if (behaviour === "add_services_only") {
      baseLicences.push(licence.id);
      if (wanted === false) {
        problems.push({
          code: "csv_licence_given_anyway",
          message: `${licence.csvColumn} is FALSE, but under Add services only every new user gets all base licences. Upload with Add and remove services to leave it out.`,
          row: row.rowNumber,
          column: licence.csvColumn,
          severity: "warning",
          params: { column: licence.csvColumn },
        });
      }
    } else if (wanted === true) {
      baseLicences.push(licence.id);
    }
  }
  const target: TargetUser = {
    email: row.email,
    firstName,
    lastName,
    displayName: row.displayName ?? (`${firstName} ${lastName}`.trim() || row.email),
    package: packageId,
    phoneNumber: row.phoneNumber ?? null,
    extension: row.extension ?? null,
    locationName: row.location ?? null,
    preferredWebexSite: row.preferredWebexSite ?? null,
    baseLicences,
  };
  return result("add", { target, changes: diff(undefined, target) });
}

/** Location names are matched like the API resolves them: ignoring case and surrounding spaces. */
function sameLocation(a: string, b: string | null): boolean {
  return b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function diff(before: ExistingUser | undefined, after: TargetUser): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(TEXT_COLUMNS) as (keyof typeof TEXT_COLUMNS)[]) {
    const was = before ? before[field] : null;
    const now = after[field];
    if ((was ?? "") !== (now ?? "")) {
      changes.push({ field, column: TEXT_COLUMNS[field], before: was || null, after: now || null });
    }
  }
  if (before?.package !== after.package) {
    changes.push({
      field: "package",
      column: columnHeader(packageColumnKey(after.package)),
      before: before?.package ?? null,
      after: after.package,
    });
  }
  for (const licence of BASE_LICENCE_IDS) {
    const was = before?.baseLicences.includes(licence) ?? false;
    const now = after.baseLicences.includes(licence);
    if (was !== now) {
      changes.push({
        field: "baseLicences",
        licence,
        column: columnHeader(licenceColumnKey(licence)),
        before: was,
        after: now,
      });
    }
  }
  return changes;
}

export function countOutcomes(rows: readonly RowResult[]): OutcomeCounts {
  const counts: OutcomeCounts = {
    add: 0,
    modify: 0,
    remove: 0,
    unchanged: 0,
    skipped: 0,
    error: 0,
  };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}
