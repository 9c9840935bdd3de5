import {
  validateUserEdit,
  userKeyOf,
  type BaseLicenceId,
  type CustomerLocation,
  type ProblemError,
  type UpdateUserInput,
  type User,
  type UserEditIssue,
} from "@partner-hub/shared";
import type { FieldErrors, Resolver } from "react-hook-form";

/** The Edit details form as typed: every text a string, licences as a list (spec §13). */
export interface UserEditValues {
  firstName: string;
  lastName: string;
  displayName: string;
  phoneNumber: string;
  extension: string;
  locationId: string;
  preferredWebexSite: string;
  baseLicences: BaseLicenceId[];
}

export const EDIT_FIELDS = [
  "firstName",
  "lastName",
  "displayName",
  "phoneNumber",
  "extension",
  "locationId",
  "preferredWebexSite",
  "baseLicences",
] as const satisfies readonly (keyof UserEditValues)[];
export type EditField = (typeof EDIT_FIELDS)[number];

export function isEditField(value: string | undefined): value is EditField {
  return (EDIT_FIELDS as readonly (string | undefined)[]).includes(value);
}

export function editValuesOf(user: User): UserEditValues {
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    phoneNumber: user.phoneNumber ?? "",
    extension: user.extension ?? "",
    locationId: user.locationId ?? "",
    preferredWebexSite: user.preferredWebexSite ?? "",
    baseLicences: [...user.baseLicences],
  };
}

/** The PATCH body: every field of the form ("" clears an optional one). */
export function toUpdateInput(values: UserEditValues): Omit<UpdateUserInput, "version"> {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    displayName: values.displayName,
    phoneNumber: values.phoneNumber,
    extension: values.extension,
    locationId: values.locationId,
    preferredWebexSite: values.preferredWebexSite,
    baseLicences: values.baseLicences,
  };
}

/** The fields whose typed value differs from the user's (shown beside a newer version). */
export function changedFields(user: User, values: UserEditValues): EditField[] {
  const before = editValuesOf(user);
  return EDIT_FIELDS.filter((f) =>
    f === "baseLicences"
      ? [...before.baseLicences].sort().join() !== [...values.baseLicences].sort().join()
      : before[f].trim() !== values[f].trim(),
  );
}

/** An issue as react-hook-form keeps it: the message is the issue, translated when shown. */
export type EditFieldError = { type: string; message: string; issue: UserEditIssue | ProblemError };

function fieldOf(path: string | undefined): EditField | "root" {
  const head = path?.split(".")[0];
  return isEditField(head) ? head : "root";
}

/**
 * The form's resolver: the shared composition the PATCH service runs (validateUserEdit), on the
 * user as loaded. Only errors block; warnings (a meetings user without a site) are shown by the
 * form from `editWarnings`. Number uniqueness needs the whole customer: the server says it.
 */
export function userEditResolver(
  user: User,
  locations: readonly CustomerLocation[],
  webexSites?: readonly string[],
): Resolver<UserEditValues> {
  return (values) => {
    const result = validateUserEdit(currentOf(user), toUpdateInput(values), {
      locations,
      webexSites,
    });
    const errors: Record<string, EditFieldError> = {};
    for (const issue of result.issues) {
      if (issue.severity !== "error") continue;
      const field = fieldOf(issue.field);
      errors[field] ??= { type: issue.code, message: issue.message, issue };
    }
    return Object.keys(errors).length
      ? { values: {}, errors: errors as unknown as FieldErrors<UserEditValues> }
      : { values, errors: {} };
  };
}

/** Warnings of the composition for what is typed now. */
export function editWarnings(
  user: User,
  values: UserEditValues,
  locations: readonly CustomerLocation[],
): UserEditIssue[] {
  return validateUserEdit(currentOf(user), toUpdateInput(values), { locations }).issues.filter(
    (i) => i.severity === "warning",
  );
}

function currentOf(user: User) {
  return {
    userKey: userKeyOf(user.email),
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    package: user.package,
    phoneNumber: user.phoneNumber,
    extension: user.extension,
    locationId: user.locationId,
    preferredWebexSite: user.preferredWebexSite,
    baseLicences: user.baseLicences,
  };
}

/** A 400 from the server, field by field, for setError (numbers taken, and anything else). */
export function serverFieldErrors(
  errors: readonly ProblemError[],
): [EditField | "root", EditFieldError][] {
  return errors
    .filter((e) => e.severity !== "warning")
    .map((e) => [fieldOf(e.field), { type: e.code, message: e.message, issue: e }]);
}
