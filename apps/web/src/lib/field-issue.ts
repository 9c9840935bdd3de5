/**
 * What is wrong (or worth a look) with one field of a form; `code` is a rule code or a zod issue
 * code, translated with its `params` where it is shown. Free of React so the API's tests can run
 * the forms' validation.
 */
export interface FieldIssue {
  code: string;
  message: string;
  severity: "error" | "warning";
  params?: Record<string, string | number> | undefined;
}

/** Adds an issue to a field's list unless one with the same code is there. */
export function pushIssue(list: FieldIssue[], issue: FieldIssue): void {
  if (!list.some((i) => i.code === issue.code)) list.push(issue);
}

export function hasErrorSeverity(issues: readonly FieldIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
