import type { PackageId } from "../catalogue/packages.ts";
import type { PackageQuota } from "../schemas/customers.ts";
import {
  findDuplicateEmails,
  findNumberConflicts,
  findRowsOverQuota,
  userKeyOf,
  type NumberClaim,
  type NumberHolder,
  type SeatChange,
} from "./batch-rules.ts";
import { normaliseExtension } from "./extension.ts";
import type { CustomerLocation } from "./location.ts";
import { normalisePhoneNumber } from "./phone-number.ts";
import { rowNumber, type RowIssue, type RuleIssue } from "./rule-issue.ts";
import { checkPackageFields, type PackageFields } from "./user-package-rules.ts";

/**
 * One row of a manual add (spec §5) as far as the rules care. `package` is null while the
 * person has not chosen one yet (the browser); such a row is judged on its email only.
 */
export interface ManualAddRow {
  email: string;
  package: PackageId | null;
  phoneNumber?: string | null;
  extension?: string | null;
  locationId?: string | null;
  preferredWebexSite?: string | null;
}

/**
 * What is known about the customer. The server passes the database's truth, read inside its
 * transaction; the browser passes what it fetched (locations, quotas) and leaves out what it
 * cannot know, so those checks stay the server's.
 */
export interface ManualAddContext {
  locations: readonly CustomerLocation[];
  quotas: readonly PackageQuota[];
  /** The customer's Webex sites: a Preferred Webex Site must be one of them (spec §3). */
  webexSites?: readonly string[] | undefined;
  /** User keys (`userKeyOf(email)`) of the customer's users that the rows' emails would clash with. */
  existingUserKeys?: ReadonlySet<string>;
  /** The customer's users holding any of `numbersToLookUp(rows)` (or all of them). */
  numberHolders?: readonly NumberHolder[];
}

export interface ManualAddValidation {
  /** Every issue, in row order. Errors block the whole add (all or none). */
  issues: RowIssue[];
  /** Each row's package fields normalised (E.164, defaulted location); null without a package. */
  values: (PackageFields | null)[];
}

/**
 * The whole manual add judged in one place, for the wizard and the API alike:
 * - each row's package fields (calling details, location, Preferred Webex Site);
 * - emails repeated in the request, and (with the context) emails the customer already has;
 * - phone numbers and extensions against each other and the customer's users, on every row:
 *   a number is claimed when it is itself valid, whatever else is wrong with the row, so the
 *   person learns of a clash in the same round as the other mistakes;
 * - quotas over every row that has a package (spec §4: "counted over the whole operation"),
 *   not only over rows that are otherwise fine: the seats a request asks for do not change
 *   when a typo elsewhere in a row is fixed.
 */
export function validateManualAdd(
  rows: readonly ManualAddRow[],
  ctx: ManualAddContext,
): ManualAddValidation {
  const issues: RowIssue[] = [];
  const claims: NumberClaim[] = [];
  const seats: SeatChange[] = [];

  const values = rows.map((row, index) => {
    if (row.package === null) return null;
    const checked = checkPackageFields(
      {
        package: row.package,
        phoneNumber: row.phoneNumber ?? null,
        extension: row.extension ?? null,
        locationId: row.locationId ?? null,
        preferredWebexSite: row.preferredWebexSite ?? null,
      },
      { locations: ctx.locations, webexSites: ctx.webexSites },
    );
    issues.push(...checked.issues.map((issue) => ({ ...issue, index })));
    claims.push({
      index,
      // A row without an email still claims its numbers, as nobody else.
      userKey: userKeyOf(row.email) || `\u0000row ${rowNumber(index)}`,
      ...validNumbers(checked.value, checked.issues),
    });
    seats.push({ index, package: row.package, previousPackage: null });
    return checked.value;
  });

  issues.push(...findDuplicateEmails(rows.map((row, index) => ({ index, email: row.email }))));
  if (ctx.existingUserKeys) {
    rows.forEach((row, index) => {
      if (ctx.existingUserKeys?.has(userKeyOf(row.email))) issues.push(emailExists(row, index));
    });
  }
  issues.push(
    ...findNumberConflicts(claims, ctx.numberHolders ?? [], { locations: ctx.locations }),
  );
  issues.push(...findRowsOverQuota(seats, ctx.quotas));

  // Stable: within a row, the order the checks ran in.
  issues.sort((a, b) => a.index - b.index);
  return { issues, values };
}

/**
 * The phone numbers and extensions the rows would claim, normalised as stored, so the server can
 * load only the users who hold one of them.
 */
export function numbersToLookUp(rows: readonly ManualAddRow[]): {
  phoneNumbers: string[];
  extensions: string[];
} {
  const phoneNumbers = new Set<string>();
  const extensions = new Set<string>();
  for (const row of rows) {
    const phone = row.phoneNumber?.trim() ? normalisePhoneNumber(row.phoneNumber) : null;
    if (phone?.ok) phoneNumbers.add(phone.e164);
    const ext = row.extension?.trim() ? normaliseExtension(row.extension) : null;
    if (ext?.ok) extensions.add(ext.extension);
  }
  return { phoneNumbers: [...phoneNumbers], extensions: [...extensions] };
}

/**
 * The numbers a row may hold: only the ones that passed their own checks (a number that is not a
 * number cannot clash), and an extension only at a known location, since extensions are unique
 * per location.
 */
export function validNumbers(
  value: PackageFields,
  issues: readonly RuleIssue[],
): Pick<NumberClaim, "phoneNumber" | "extension" | "locationId"> {
  const bad = new Set(issues.filter((i) => i.severity === "error").map((i) => i.field));
  const locationOk = !bad.has("locationId") && value.locationId !== null;
  return {
    phoneNumber: bad.has("phoneNumber") ? null : value.phoneNumber,
    extension: bad.has("extension") || !locationOk ? null : value.extension,
    locationId: locationOk ? value.locationId : null,
  };
}

function emailExists(row: ManualAddRow, index: number): RowIssue {
  const email = row.email.trim();
  return {
    index,
    field: "email",
    code: "email_exists",
    severity: "error",
    message: `${email} already belongs to a user of this customer.`,
    params: { value: email },
  };
}
