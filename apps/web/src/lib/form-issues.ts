import type { FieldError } from "react-hook-form";
import type { FieldIssue } from "./field-issue.ts";

export type { FieldIssue };

/**
 * A react-hook-form field error that keeps every issue of the field, with its params, so the text
 * is translated when it is shown (and follows a language switch) rather than when it is found.
 * `type` and `message` are the first issue's, for anything that reads plain field errors.
 */
export interface IssuesFieldError extends FieldError {
  issues: FieldIssue[];
}

export function issuesFieldError(issues: readonly FieldIssue[]): IssuesFieldError {
  const first = issues[0];
  return { type: first?.code ?? "invalid", message: first?.message, issues: [...issues] };
}

function hasIssues(error: object): error is IssuesFieldError {
  return "issues" in error && Array.isArray(error.issues);
}

/** The issues of one field's error, or none; a plain error becomes one issue. */
export function fieldIssues(error: FieldError | undefined): FieldIssue[] {
  if (!error) return [];
  if (hasIssues(error)) return error.issues;
  return [{ code: error.type, message: error.message ?? "", severity: "error" }];
}
