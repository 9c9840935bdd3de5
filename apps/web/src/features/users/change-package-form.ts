import {
  packageById,
  userKeyOf,
  validateChangePackage,
  type ChangePackageInput,
  type CustomerLocation,
  type PackageId,
  type PackageQuota,
  type ProblemError,
  type User,
} from "@partner-hub/shared";
import type { FieldIssue } from "../../lib/field-issue.ts";

export const CHANGE_FIELDS = [
  "package",
  "phoneNumber",
  "extension",
  "locationId",
  "preferredWebexSite",
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export interface ChangeDraft {
  package: PackageId;
  phoneNumber: string;
  extension: string;
  locationId: string;
  /** Asked when the new package includes meetings (spec §3: one of the customer's sites). */
  preferredWebexSite?: string;
}

export interface ChangeIssues {
  fields: Partial<Record<ChangeField, FieldIssue[]>>;
  general: FieldIssue[];
}

/**
 * Spec §7: the calling fields are asked for only when the new package includes calling and the
 * user has no number yet (a number they have carries over); the location also when they have
 * none.
 */
export function askedFields(user: User, pkg: PackageId): { numbers: boolean; location: boolean } {
  if (!packageById(pkg).calling) return { numbers: false, location: false };
  const numbers = user.phoneNumber === null && user.extension === null;
  return { numbers, location: numbers || user.locationId === null };
}

/** Preferred Webex Site is asked when the new package includes meetings. */
export function asksWebexSite(pkg: PackageId): boolean {
  return packageById(pkg).meetings;
}

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);

/** The PUT body: fields not asked for are null, so the server keeps (or clears) what the user has. */
export function toChangePackageInput(
  user: User,
  draft: ChangeDraft,
): Omit<ChangePackageInput, "version"> {
  const asked = askedFields(user, draft.package);
  return {
    package: draft.package,
    phoneNumber: asked.numbers ? blankToNull(draft.phoneNumber) : null,
    extension: asked.numbers ? blankToNull(draft.extension) : null,
    locationId: asked.location ? blankToNull(draft.locationId) : null,
    // Not asked (or not in the form): the user keeps their site.
    ...(asksWebexSite(draft.package) && draft.preferredWebexSite !== undefined
      ? { preferredWebexSite: blankToNull(draft.preferredWebexSite) }
      : {}),
  };
}

function isChangeField(value: string | undefined): value is ChangeField {
  return (CHANGE_FIELDS as readonly (string | undefined)[]).includes(value);
}

function add(issues: ChangeIssues, field: string | undefined, issue: FieldIssue): void {
  if (isChangeField(field)) (issues.fields[field] ??= []).push(issue);
  else issues.general.push(issue);
}

export interface ChangeContext {
  locations: readonly CustomerLocation[];
  /** The customer's quotas as fetched. */
  quotas: readonly PackageQuota[];
  /** The customer's Webex sites. */
  webexSites?: readonly string[];
}

/**
 * The shared composition the server runs (`validateChangePackage`), with what the browser knows:
 * the user as loaded, the customer's locations and quotas. Whether a number is held by another
 * user stays the server's to say. Warnings come back too; only errors block.
 */
export function validateChange(user: User, draft: ChangeDraft, ctx: ChangeContext): ChangeIssues {
  const { issues: found } = validateChangePackage(
    {
      userKey: userKeyOf(user.email),
      package: user.package,
      phoneNumber: user.phoneNumber,
      extension: user.extension,
      locationId: user.locationId,
      preferredWebexSite: user.preferredWebexSite,
    },
    toChangePackageInput(user, draft),
    ctx,
  );
  const issues: ChangeIssues = { fields: {}, general: [] };
  for (const issue of found) add(issues, issue.field, issue);
  return issues;
}

export function issuesFromChangeProblem(errors: readonly ProblemError[]): ChangeIssues {
  const issues: ChangeIssues = { fields: {}, general: [] };
  for (const e of errors) {
    add(issues, e.field, {
      code: e.code,
      message: e.message,
      severity: e.severity ?? "error",
      params: e.params,
    });
  }
  return issues;
}

export function hasChangeErrors(issues: ChangeIssues): boolean {
  return [...Object.values(issues.fields).flat(), ...issues.general].some(
    (i) => i.severity === "error",
  );
}
