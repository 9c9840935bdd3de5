import { packageById, type PackageId } from "../catalogue/packages.ts";
import type { PackageQuota } from "../schemas/customers.ts";
import { findRowsOverQuota } from "./batch-rules.ts";
import type { CustomerLocation } from "./location.ts";
import type { RowIssue } from "./rule-issue.ts";
import { checkPackageFields } from "./user-package-rules.ts";

/** A selected user as stored now. */
export interface BulkUser {
  id: string;
  email: string;
  displayName: string;
  package: PackageId;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
  preferredWebexSite: string | null;
}

export interface BulkChangePackageResult {
  /** Users that move (those already on the target package are left out). */
  moving: BulkUser[];
  /** Errors name the user (`index` = position in the selection); warnings do not block. */
  issues: RowIssue[];
}

/**
 * Spec §13: a bulk package change only to a package every selected user can take *as they are*
 * — nothing is asked of anyone (calling → Webex Suite keeps their numbers; a user without a
 * number cannot move to a calling package, a user with one cannot move to a package without
 * calling, since they would lose it). Seats are counted over the whole selection. Each error
 * says who it is about, so the admin can deselect them.
 */
export function checkBulkChangePackage(
  users: readonly BulkUser[],
  target: PackageId,
  ctx: { locations: readonly CustomerLocation[]; quotas: readonly PackageQuota[] },
): BulkChangePackageResult {
  const issues: RowIssue[] = [];
  const moving: BulkUser[] = [];
  const failing = new Set<number>();
  users.forEach((user, index) => {
    if (user.package === target) return;
    const checked = checkPackageFields({ ...user, package: target }, ctx);
    const who = { userId: user.id, email: user.email, name: user.displayName || user.email };
    for (const issue of checked.issues) {
      if (issue.severity === "error") failing.add(index);
      issues.push({
        ...issue,
        index,
        message: `${who.name} (${user.email}): ${issue.message}`,
        params: { ...issue.params, ...who },
      });
    }
    // "As they are": a location the rules would fill in is still something asked of the user.
    if (!failing.has(index) && checked.value.locationId !== user.locationId) {
      failing.add(index);
      issues.push({
        index,
        field: "locationId",
        code: "location_required",
        severity: "error",
        message: `${who.name} (${user.email}): ${packageById(target).displayName} includes calling, so the user needs a location. Give them one on their page first.`,
        params: { package: packageById(target).displayName, packageId: target, ...who },
      });
    }
    if (!failing.has(index)) moving.push(user);
  });
  const positions = new Map(users.map((u, i) => [u.id, i]));
  issues.push(
    ...findRowsOverQuota(
      moving.map((u) => ({
        index: positions.get(u.id)!,
        package: target,
        previousPackage: u.package,
      })),
      ctx.quotas,
    ).map((issue) => {
      const user = users[issue.index]!;
      const name = user.displayName || user.email;
      return {
        ...issue,
        message: `${name} (${user.email}): ${issue.message}`,
        params: { ...issue.params, userId: user.id, email: user.email, name },
      };
    }),
  );
  return { moving, issues: issues.sort((a, b) => a.index - b.index) };
}
