import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { fieldIssues, issuesFieldError } from "../../lib/form-issues.ts";
import type { User } from "@partner-hub/shared";
import {
  CHANGE_FIELDS,
  hasChangeErrors,
  validateChange,
  type ChangeContext,
  type ChangeDraft,
  type ChangeIssues,
} from "./change-package-form.ts";

/** The dialog's form context: the user as last loaded (fresh after a 412) and the customer's. */
export interface ChangeFormContext extends ChangeContext {
  user: User;
}

export const CHANGE_GENERAL_ERROR = "root.general" as const;

/**
 * `validateChange` (the shared composition) as the dialog's resolver. When anything blocks,
 * every issue is returned, warnings included, so they show with the errors.
 */
export const changePackageResolver: Resolver<ChangeDraft, ChangeFormContext> = (
  values,
  context,
) => {
  if (!context) return { values, errors: {} };
  const issues = validateChange(context.user, values, context);
  if (!hasChangeErrors(issues)) return { values, errors: {} };
  return { values: {}, errors: toChangeFormErrors(issues) };
};

export function toChangeFormErrors(issues: ChangeIssues): FieldErrors<ChangeDraft> {
  const errors: FieldErrors<ChangeDraft> = {};
  for (const field of CHANGE_FIELDS) {
    const list = issues.fields[field];
    if (list?.length) errors[field] = issuesFieldError(list);
  }
  if (issues.general.length) errors.root = { general: issuesFieldError(issues.general) };
  return errors;
}

export function fromChangeFormErrors(errors: FieldErrors<ChangeDraft>): ChangeIssues {
  const issues: ChangeIssues = { fields: {}, general: [] };
  for (const field of CHANGE_FIELDS) {
    const list = fieldIssues(errors[field]);
    if (list.length) issues.fields[field] = list;
  }
  issues.general = fieldIssues(errors.root?.general as FieldError | undefined);
  return issues;
}

/** A server refusal as `setError` calls. */
export function changeServerErrorEntries(
  issues: ChangeIssues,
): { name: keyof ChangeDraft | typeof CHANGE_GENERAL_ERROR; error: FieldError }[] {
  const entries: ReturnType<typeof changeServerErrorEntries> = [];
  for (const field of CHANGE_FIELDS) {
    const list = issues.fields[field];
    if (list?.length) entries.push({ name: field, error: issuesFieldError(list) });
  }
  if (issues.general.length) {
    entries.push({ name: CHANGE_GENERAL_ERROR, error: issuesFieldError(issues.general) });
  }
  return entries;
}
