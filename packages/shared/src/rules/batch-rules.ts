import { packageById, type PackageId } from "../catalogue/packages.ts";
import type { CustomerLocation } from "./location.ts";
import { rowNumber, type RuleIssue, type RowIssue } from "./rule-issue.ts";

// Checks over a whole operation: a manual add (≤ 25 rows), a package change (1 row) or a CSV
// import (≤ 20,000 rows). Each is one pass over the rows with Maps, so O(rows + existing).

/** The key that identifies a user in a customer: the email, trimmed and lower-cased (spec §6). */
export function userKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Every row whose email appears more than once in the request is an error (all of them, not
 * only the later ones: we cannot tell which of the conflicting rows the person meant).
 */
export function findDuplicateEmails(rows: readonly { index: number; email: string }[]): RowIssue[] {
  const seen = new Map<string, { first: number; second: number | null; count: number }>();
  for (const row of rows) {
    const key = userKeyOf(row.email);
    if (!key) continue;
    const entry = seen.get(key);
    if (!entry) seen.set(key, { first: row.index, second: null, count: 1 });
    else {
      entry.count += 1;
      entry.second ??= row.index;
    }
  }

  const issues: RowIssue[] = [];
  for (const row of rows) {
    const entry = seen.get(userKeyOf(row.email));
    if (!entry || entry.count < 2 || entry.second === null) continue;
    const other = rowNumber(row.index === entry.first ? entry.second : entry.first);
    const more =
      entry.count > 2
        ? ` and ${entry.count - 2} more ${entry.count - 2 === 1 ? "row" : "rows"}`
        : "";
    const email = row.email.trim();
    issues.push({
      index: row.index,
      field: "email",
      code: "email_duplicate",
      severity: "error",
      message: `${email} appears more than once in this request (also in row ${other}${more}). Each user can appear only once.`,
      params: { value: email, row: rowNumber(row.index), otherRow: other, count: entry.count },
    });
  }
  return issues;
}

/** A user's numbers as they will be after the row is applied (normalised: E.164, location id). */
export interface NumberClaim {
  index: number;
  userKey: string;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
}

/** A user of the customer as stored now. */
export interface NumberHolder {
  userKey: string;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
}

type Holder = { userKey: string; index?: number };

export interface NumberConflictOptions {
  locations?: readonly CustomerLocation[];
  /**
   * Two rows giving the same number: mark every one of them, each naming another row, as a
   * duplicated email is (a CSV file: we cannot tell which row the person meant). Without it the
   * earlier row keeps the number and only the later rows are errors, as with quotas.
   */
  everyRow?: boolean;
}

/**
 * Phone numbers are unique within the customer, extensions within a location (spec §4).
 *
 * `rows` carry each user's numbers *after* the operation, so a user keeps their own number, and
 * a number given up by a user who has a row is free for others (two users may swap numbers in
 * one CSV). `existing` may be the whole customer or only the users holding one of the rows'
 * numbers. When two rows claim the same number, see `everyRow`.
 */
export function findNumberConflicts(
  rows: readonly NumberClaim[],
  existing: readonly NumberHolder[],
  options: NumberConflictOptions = {},
): RowIssue[] {
  if (options.everyRow) return findNumberConflictsOnEveryRow(rows, existing, options);
  const rowKeys = new Set(rows.map((r) => r.userKey));
  const locationNames = new Map((options.locations ?? []).map((l) => [l.id, l.name]));
  const phones = new Map<string, Holder>();
  const extensions = new Map<string, Holder>();

  for (const user of existing) {
    if (rowKeys.has(user.userKey)) continue;
    if (user.phoneNumber) phones.set(user.phoneNumber, { userKey: user.userKey });
    if (user.extension)
      extensions.set(extensionKey(user.locationId, user.extension), { userKey: user.userKey });
  }

  const issues: RowIssue[] = [];
  for (const row of rows) {
    if (row.phoneNumber) {
      const holder = phones.get(row.phoneNumber);
      if (!holder) phones.set(row.phoneNumber, { userKey: row.userKey, index: row.index });
      else if (holder.userKey !== row.userKey)
        issues.push(phoneTaken(row.index, row.phoneNumber, holder));
    }
    if (row.extension) {
      const key = extensionKey(row.locationId, row.extension);
      const holder = extensions.get(key);
      if (!holder) extensions.set(key, { userKey: row.userKey, index: row.index });
      else if (holder.userKey !== row.userKey)
        issues.push(extensionTaken(row, row.extension, holder, locationNames));
    }
  }
  return issues;
}

/**
 * `everyRow`: who may have a number, in order — a user without a row who holds it now; else the
 * row of the user who holds it now and keeps it (the others are giving them a number that is
 * theirs); else nobody, when two or more rows claim it: each of those rows is an error naming
 * another (the first names the second, the rest the first). Two passes with Maps: O(rows +
 * existing).
 */
function findNumberConflictsOnEveryRow(
  rows: readonly NumberClaim[],
  existing: readonly NumberHolder[],
  options: NumberConflictOptions,
): RowIssue[] {
  const rowByKey = new Map(rows.map((r) => [r.userKey, r]));
  const locationNames = new Map((options.locations ?? []).map((l) => [l.id, l.name]));
  // The holder each number has before any row claims it: a user without a row, or the row of
  // a user who keeps it.
  const phoneOwners = new Map<string, Holder>();
  const extensionOwners = new Map<string, Holder>();
  for (const user of existing) {
    const row = rowByKey.get(user.userKey);
    if (user.phoneNumber && (!row || row.phoneNumber === user.phoneNumber)) {
      phoneOwners.set(user.phoneNumber, {
        userKey: user.userKey,
        ...(row && { index: row.index }),
      });
    }
    const keepsExtension = row?.extension === user.extension && row.locationId === user.locationId;
    if (user.extension && (!row || keepsExtension)) {
      extensionOwners.set(extensionKey(user.locationId, user.extension), {
        userKey: user.userKey,
        ...(row && { index: row.index }),
      });
    }
  }

  // Every row claiming a number nobody holds: the first two are enough to name each other.
  const phoneClaims = new Map<string, Holder[]>();
  const extensionClaims = new Map<string, Holder[]>();
  const claim = (claims: Map<string, Holder[]>, key: string, row: NumberClaim) => {
    const list = claims.get(key);
    if (!list) claims.set(key, [{ userKey: row.userKey, index: row.index }]);
    else if (list.length < 2) list.push({ userKey: row.userKey, index: row.index });
  };
  for (const row of rows) {
    if (row.phoneNumber && !phoneOwners.has(row.phoneNumber))
      claim(phoneClaims, row.phoneNumber, row);
    const key = row.extension ? extensionKey(row.locationId, row.extension) : null;
    if (key && !extensionOwners.has(key)) claim(extensionClaims, key, row);
  }
  const otherClaimant = (claims: Holder[] | undefined, row: NumberClaim) => {
    const [first, second] = claims ?? [];
    if (!first || !second) return undefined;
    return first.index === row.index ? second : first;
  };

  const issues: RowIssue[] = [];
  for (const row of rows) {
    if (row.phoneNumber) {
      const holder =
        phoneOwners.get(row.phoneNumber) ?? otherClaimant(phoneClaims.get(row.phoneNumber), row);
      if (holder && holder.userKey !== row.userKey)
        issues.push(phoneTaken(row.index, row.phoneNumber, holder));
    }
    if (row.extension) {
      const key = extensionKey(row.locationId, row.extension);
      const holder = extensionOwners.get(key) ?? otherClaimant(extensionClaims.get(key), row);
      if (holder && holder.userKey !== row.userKey)
        issues.push(extensionTaken(row, row.extension, holder, locationNames));
    }
  }
  return issues;
}

function extensionKey(locationId: string | null, extension: string): string {
  return `${locationId ?? ""}\u0000${extension}`;
}

function phoneTaken(index: number, phoneNumber: string, holder: Holder): RowIssue {
  return {
    index,
    field: "phoneNumber",
    code: "phone_taken",
    severity: "error",
    message: `${phoneNumber} ${heldBy(holder)}. Phone numbers must be unique within the customer.`,
    params: { value: phoneNumber, ...holderParams(holder) },
  };
}

function extensionTaken(
  row: NumberClaim,
  extension: string,
  holder: Holder,
  locationNames: ReadonlyMap<string, string>,
): RowIssue {
  const location = row.locationId ? locationNames.get(row.locationId) : undefined;
  const at = location ? ` at location ${location}` : " at this location";
  return {
    index: row.index,
    field: "extension",
    code: "extension_taken",
    severity: "error",
    message: `Extension ${extension}${at} ${heldBy(holder)}. Extensions must be unique within a location.`,
    params: {
      value: extension,
      ...holderParams(holder),
      ...(location ? { location } : {}),
    },
  };
}

function heldBy(holder: Holder): string {
  return holder.index === undefined
    ? `is already used by ${holder.userKey}`
    : `is also given to ${holder.userKey} in row ${rowNumber(holder.index)} of this request`;
}

function holderParams(holder: Holder): Record<string, string | number> {
  return holder.index === undefined
    ? { heldBy: holder.userKey }
    : { heldBy: holder.userKey, heldByRow: rowNumber(holder.index) };
}

/** The customer's quota for one package. A package without a quota row is not offered. */
export type { PackageQuota } from "../schemas/customers.ts";
import type { PackageQuota } from "../schemas/customers.ts";

/**
 * One row's effect on seats: `previousPackage` is null for a new user, `package` null for a
 * user being removed. Same package before and after uses no seat.
 */
export interface SeatChange {
  index: number;
  package: PackageId | null;
  previousPackage: PackageId | null;
}

/** Net new seats per package (negative when the operation frees seats). */
export function seatDemand(rows: readonly SeatChange[]): Map<PackageId, number> {
  const demand = new Map<PackageId, number>();
  for (const row of rows) {
    if (row.package === row.previousPackage) continue;
    if (row.package) demand.set(row.package, (demand.get(row.package) ?? 0) + 1);
    if (row.previousPackage)
      demand.set(row.previousPackage, (demand.get(row.previousPackage) ?? 0) - 1);
  }
  return demand;
}

/**
 * Whole-operation quota check (spec §4): one issue per package whose net new seats exceed the
 * free seats, or that the customer is not offered. Field `package`, no row.
 */
export function checkQuotas(
  demand: ReadonlyMap<PackageId, number>,
  quotas: readonly PackageQuota[],
): RuleIssue[] {
  const byPackage = new Map(quotas.map((q) => [q.package, q]));
  const issues: RuleIssue[] = [];
  for (const [packageId, requested] of demand) {
    if (requested <= 0) continue;
    const quota = byPackage.get(packageId);
    if (!quota) {
      issues.push(notOfferedIssue(packageId));
      continue;
    }
    const free = freeSeats(quota);
    if (requested <= free) continue;
    const name = packageById(packageId).displayName;
    const users = requested === 1 ? "1 new user" : `${requested} new users`;
    issues.push({
      field: "package",
      code: "quota_exceeded",
      severity: "error",
      message: `${name}: ${users} requested but ${seatsFree(free, quota.maxUsers)}.`,
      params: { package: name, packageId, requested, free, max: quota.maxUsers },
    });
  }
  return issues;
}

/**
 * Which rows do not fit: rows are served in order, so the first rows that fit are fine and each
 * row past the limit gets a `quota_exceeded` error ("the 21st user who needs a seat"); a row
 * moving to a package the customer is not offered gets `package_not_offered`. Seats freed by
 * other rows of the same operation (removals, moves away) count as free, so this agrees with
 * `checkQuotas(seatDemand(rows), quotas)`. Pass only rows that will otherwise be applied: a seat
 * freed by a row that fails for another reason is not really freed.
 */
export function findRowsOverQuota(
  rows: readonly SeatChange[],
  quotas: readonly PackageQuota[],
): RowIssue[] {
  const byPackage = new Map(quotas.map((q) => [q.package, q]));
  const released = new Map<PackageId, number>();
  for (const row of rows) {
    if (row.previousPackage && row.package !== row.previousPackage) {
      released.set(row.previousPackage, (released.get(row.previousPackage) ?? 0) + 1);
    }
  }

  const used = new Map<PackageId, number>();
  const issues: RowIssue[] = [];
  for (const row of rows) {
    if (!row.package || row.package === row.previousPackage) continue;
    const quota = byPackage.get(row.package);
    if (!quota) {
      issues.push({ index: row.index, ...notOfferedIssue(row.package) });
      continue;
    }
    const position = (used.get(row.package) ?? 0) + 1;
    used.set(row.package, position);
    const free = freeSeats(quota) + (released.get(row.package) ?? 0);
    if (position <= free) continue;
    const name = packageById(row.package).displayName;
    issues.push({
      index: row.index,
      field: "package",
      code: "quota_exceeded",
      severity: "error",
      message: `No ${name} seat is left for this user: ${seatsFree(free, quota.maxUsers)}, and this is the ${ordinal(position)} user in this request who needs one.`,
      params: { package: name, packageId: row.package, position, free, max: quota.maxUsers },
    });
  }
  return issues;
}

function freeSeats(quota: PackageQuota): number {
  return Math.max(0, quota.maxUsers - quota.assignedUsers);
}

function seatsFree(free: number, max: number): string {
  if (free === 0) return `all ${max} seats are taken`;
  return `only ${free} of ${max} ${max === 1 ? "seat" : "seats"} ${free === 1 ? "is" : "are"} free`;
}

function notOfferedIssue(packageId: PackageId): RuleIssue {
  const name = packageById(packageId).displayName;
  return {
    field: "package",
    code: "package_not_offered",
    severity: "error",
    message: `${name} is not offered to this customer. Choose one of the customer's packages, or ask the partner to offer ${name}.`,
    params: { package: name, packageId },
  };
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 501st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
