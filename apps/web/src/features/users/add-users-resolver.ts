import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { fieldIssues, issuesFieldError } from "../../lib/form-issues.ts";
import {
  ROW_FIELDS,
  countErrors,
  validateRows,
  type FieldIssue,
  type RowIssues,
  type UserRowDraft,
  type ValidationContext,
  type WizardIssues,
} from "./add-users-form.ts";

/** The wizard's react-hook-form values: the rows, kept by `useFieldArray`. */
export interface AddUsersValues {
  users: UserRowDraft[];
}

/** Where issues that name no row field go (`errors.root.general`). */
export const GENERAL_ERROR = "root.general" as const;

/**
 * `validateRows` (the shared composition) as the form's resolver; the customer's locations and
 * quotas come in as the form's `context`. When anything blocks, every issue is returned,
 * warnings included, so they show beside their fields with the errors; otherwise the values go
 * through and warnings wait for the server's answer.
 */
export const addUsersResolver: Resolver<AddUsersValues, ValidationContext> = (values, context) => {
  const issues = validateRows(values.users, context ?? { locations: [], quotas: [] });
  if (countErrors(issues).errors === 0) return { values, errors: {} };
  return { values: {}, errors: toFormErrors(issues) };
};

/** Issues per row and field as react-hook-form errors (`users.<i>.<field>`, `root.general`). */
export function toFormErrors(issues: WizardIssues): FieldErrors<AddUsersValues> {
  const users: Partial<Record<keyof UserRowDraft, FieldError>>[] = [];
  issues.rows.forEach((row, index) => {
    const entry: Partial<Record<keyof UserRowDraft, FieldError>> = {};
    for (const field of ROW_FIELDS) {
      const list = row[field];
      if (list?.length) entry[field] = issuesFieldError(list);
    }
    if (Object.keys(entry).length) users[index] = entry;
  });
  const errors: FieldErrors<AddUsersValues> = {};
  if (users.length) errors.users = users;
  if (issues.general.length) errors.root = { general: issuesFieldError(issues.general) };
  return errors;
}

/** The form's errors back as issues per row, for the summary at the top and each row's fields. */
export function fromFormErrors(
  errors: FieldErrors<AddUsersValues>,
  rowCount: number,
): WizardIssues {
  const rows: RowIssues[] = Array.from({ length: rowCount }, (_, index) => {
    const rowErrors = errors.users?.[index];
    const row: RowIssues = {};
    if (!rowErrors) return row;
    for (const field of ROW_FIELDS) {
      const list = fieldIssues(rowErrors[field]);
      if (list.length) row[field] = list;
    }
    return row;
  });
  const general: FieldIssue[] = fieldIssues(errors.root?.general as FieldError | undefined);
  return { rows, general };
}

/** The issues of a server refusal as `setError` calls: only fields that have something to say. */
export function serverErrorEntries(
  issues: WizardIssues,
): { name: `users.${number}.${keyof UserRowDraft}` | typeof GENERAL_ERROR; error: FieldError }[] {
  const entries: ReturnType<typeof serverErrorEntries> = [];
  issues.rows.forEach((row, index) => {
    for (const field of ROW_FIELDS) {
      const list = row[field];
      if (list?.length)
        entries.push({ name: `users.${index}.${field}`, error: issuesFieldError(list) });
    }
  });
  if (issues.general.length) {
    entries.push({ name: GENERAL_ERROR, error: issuesFieldError(issues.general) });
  }
  return entries;
}
