import type { FieldIssueCode } from "../problems/codes.ts";
import type { BaseLicenceId } from "../catalogue/base-licences.ts";
import type { PackageId } from "../catalogue/packages.ts";
import { UpdateUserInputSchema, type UpdateUserInput } from "../schemas/users.ts";
import { findNumberConflicts, type NumberHolder } from "./batch-rules.ts";
import type { CustomerLocation } from "./location.ts";
import type { RuleIssue } from "./rule-issue.ts";
import { checkPackageFields } from "./user-package-rules.ts";

/** The user as it is now: what an edit starts from. */
export interface EditableUser {
  /** The user's key in the customer (lower-cased email); names them in number conflicts. */
  userKey: string;
  firstName: string;
  lastName: string;
  displayName: string;
  package: PackageId;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
  preferredWebexSite: string | null;
  baseLicences: readonly BaseLicenceId[];
}

/** The editable details as they will be after the edit (normalised). */
export type EditedUser = Omit<EditableUser, "userKey">;

/** A rule issue, or a schema issue (zod's code, e.g. `too_small`) on a field of the edit. */
export type UserEditIssue = Omit<RuleIssue, "code"> & { code: RuleIssue["code"] | FieldIssueCode };

export interface UserEditContext {
  /** All locations of the customer. */
  locations: readonly CustomerLocation[];
  /**
   * Users of the customer holding one of the edited numbers (the server knows them; a form may
   * pass none, and the server's answer fills in what it could not know).
   */
  numberHolders?: readonly NumberHolder[];
  /** The customer's Webex sites: a newly chosen Preferred Webex Site must be one of them. */
  webexSites?: readonly string[] | undefined;
}

export interface UserEditResult {
  /** Only meaningful to store when `issues` holds no error. */
  value: EditedUser;
  /** The fields whose value differs from the user's current one. */
  changed: (keyof EditedUser)[];
  issues: UserEditIssue[];
}

const EDITED_FIELDS = [
  "firstName",
  "lastName",
  "displayName",
  "phoneNumber",
  "extension",
  "locationId",
  "preferredWebexSite",
  "baseLicences",
] as const satisfies readonly (keyof EditedUser)[];

/**
 * Spec §13: edit a user's details under the rules of §4, as one composition the form resolver
 * and the PATCH service both call. The edit is read by the shared schema (a field left out stays
 * as it is), laid over the current user, and the result must still satisfy the package: a
 * calling user keeps a number or an extension and a location; a meetings user without a site
 * gets the warning. With `numberHolders`, numbers must be unique (phone in the customer,
 * extension in the location).
 */
export function validateUserEdit(
  current: EditableUser,
  input: UpdateUserInput,
  ctx: UserEditContext,
): UserEditResult {
  const { userKey, ...before } = current;
  // Schema issues first; the fields they are about are then left out, so the package rules
  // still speak about the others (an empty first name does not hide a one-digit extension).
  const first = UpdateUserInputSchema.safeParse(input);
  const schemaIssues: UserEditIssue[] = first.success
    ? []
    : first.error.issues.flatMap((i) =>
        // An unknown member is named by itself, as the API's problem handler does.
        (i.code === "unrecognized_keys" ? i.keys.map((k) => [...i.path, k]) : [i.path]).map(
          (path) => ({
            field: path.map(String).join("."),
            // zod's issue codes are registered as they are (FIELD_ISSUES).
            code: i.code,
            message: i.message,
            severity: "error" as const,
          }),
        ),
      );
  const failing = new Set(schemaIssues.map((i) => i.field.split(".")[0]));
  const parsed = first.success
    ? first
    : UpdateUserInputSchema.safeParse(
        Object.fromEntries(Object.entries(input).filter(([key]) => !failing.has(key))),
      );
  if (!parsed.success) return { value: before, changed: [], issues: schemaIssues };
  const edit = parsed.data;
  const firstName = edit.firstName ?? before.firstName;
  const lastName = edit.lastName ?? before.lastName;
  const merged = {
    firstName,
    lastName,
    displayName:
      edit.displayName === undefined
        ? before.displayName
        : (edit.displayName ?? `${firstName} ${lastName}`),
    phoneNumber: edit.phoneNumber === undefined ? before.phoneNumber : edit.phoneNumber,
    extension: edit.extension === undefined ? before.extension : edit.extension,
    locationId: edit.locationId === undefined ? before.locationId : edit.locationId,
    preferredWebexSite:
      edit.preferredWebexSite === undefined ? before.preferredWebexSite : edit.preferredWebexSite,
    baseLicences: edit.baseLicences ?? before.baseLicences,
  };
  const checked = checkPackageFields(
    { package: before.package, ...merged },
    { ...ctx, currentWebexSite: before.preferredWebexSite },
  );
  const issues: UserEditIssue[] = [...schemaIssues, ...checked.issues];
  const value: EditedUser = { ...merged, ...checked.value, package: before.package };
  if (ctx.numberHolders && !checked.issues.some((i) => i.severity === "error")) {
    issues.push(
      ...findNumberConflicts(
        [
          {
            index: 0,
            userKey,
            phoneNumber: value.phoneNumber,
            extension: value.extension,
            locationId: value.locationId,
          },
        ],
        ctx.numberHolders,
        ctx,
      ).map(({ index: _index, ...issue }) => issue),
    );
  }
  const changed = EDITED_FIELDS.filter((f) =>
    f === "baseLicences"
      ? !sameLicences(value.baseLicences, before.baseLicences)
      : value[f] !== before[f],
  );
  return { value, changed, issues };
}

function sameLicences(a: readonly BaseLicenceId[], b: readonly BaseLicenceId[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
