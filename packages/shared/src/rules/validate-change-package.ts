import { packageById, type PackageId } from "../catalogue/packages.ts";
import type { PackageQuota } from "../schemas/customers.ts";
import { findNumberConflicts, findRowsOverQuota, type NumberHolder } from "./batch-rules.ts";
import type { CustomerLocation } from "./location.ts";
import type { RuleIssue } from "./rule-issue.ts";
import { checkPackageFields, type PackageFields } from "./user-package-rules.ts";
import { validNumbers } from "./validate-manual-add.ts";

/** The user as stored now. */
export interface ChangePackageUser {
  /** `userKeyOf(email)`: the user keeps their own numbers. */
  userKey: string;
  package: PackageId;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
  preferredWebexSite: string | null;
}

/** What the person asks for; null or absent calling fields mean "keep what the user has". */
export interface ChangePackageRequest {
  package: PackageId;
  phoneNumber?: string | null;
  extension?: string | null;
  locationId?: string | null;
  /** Absent: the user keeps their site. */
  preferredWebexSite?: string | null;
}

/** As for a manual add: the server passes the database's truth, the browser what it fetched. */
export interface ChangePackageContext {
  locations: readonly CustomerLocation[];
  quotas: readonly PackageQuota[];
  /** The customer's Webex sites: a newly chosen Preferred Webex Site must be one of them. */
  webexSites?: readonly string[] | undefined;
  /** Other users of the customer holding the numbers the user would have (or all of them). */
  numberHolders?: readonly NumberHolder[];
}

export interface ChangePackageValidation {
  /** The user's package fields after the change; only meaningful to store without errors. */
  value: PackageFields;
  issues: RuleIssue[];
}

/**
 * Spec §7 in one place for the dialog and the API: numbers the user already has carry over to a
 * calling package and typed values win; then the package fields, the numbers against the
 * customer's other users and the quota of the new package are all checked, each whatever the
 * others found, so one round shows every reason the change cannot be made.
 */
export function validateChangePackage(
  user: ChangePackageUser,
  request: ChangePackageRequest,
  ctx: ChangePackageContext,
): ChangePackageValidation {
  const calling = packageById(request.package).calling;
  const checked = checkPackageFields(
    {
      package: request.package,
      phoneNumber: request.phoneNumber ?? (calling ? user.phoneNumber : null),
      extension: request.extension ?? (calling ? user.extension : null),
      locationId: request.locationId ?? (calling ? user.locationId : null),
      preferredWebexSite:
        request.preferredWebexSite === undefined
          ? user.preferredWebexSite
          : request.preferredWebexSite,
    },
    {
      locations: ctx.locations,
      webexSites: ctx.webexSites,
      currentWebexSite: user.preferredWebexSite,
    },
  );
  const issues: RuleIssue[] = [...checked.issues];
  const strip = ({ index: _index, ...issue }: RuleIssue & { index: number }): RuleIssue => issue;
  issues.push(
    ...findNumberConflicts(
      [{ index: 0, userKey: user.userKey, ...validNumbers(checked.value, checked.issues) }],
      ctx.numberHolders ?? [],
      { locations: ctx.locations },
    ).map(strip),
  );
  issues.push(
    ...findRowsOverQuota(
      [{ index: 0, package: request.package, previousPackage: user.package }],
      ctx.quotas,
    ).map(strip),
  );
  return { value: checked.value, issues };
}
