import type { IssueCode, ProblemError, RuleIssue, RowIssue } from "@partner-hub/shared";

/**
 * A rules-module issue (or a composition's, whose code may be a schema issue code) as a
 * problem+json error; `prefix` locates it in the request body.
 */
export function toProblemError(
  issue: Omit<RuleIssue, "code"> & { code: IssueCode },
  prefix = "",
  row?: number,
): ProblemError {
  return {
    code: issue.code,
    message: issue.message,
    field: `${prefix}${issue.field}`,
    severity: issue.severity,
    ...(row !== undefined ? { row } : {}),
    ...(issue.params ? { params: issue.params } : {}),
  };
}

/** Row issues of a batch request (`users[]`): field `users.<index>.<field>`, row index + 1. */
export function rowIssueToProblem(issue: RowIssue): ProblemError {
  return toProblemError(issue, `users.${issue.index}.`, issue.index + 1);
}
