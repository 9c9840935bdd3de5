import { RULE_ISSUES, type RuleIssueCode } from "../problems/codes.ts";

/**
 * What every rule in this folder reports, by codes registered in `problems/codes.ts`. The web
 * translates by `code` + `params`; `message` is the English sentence for everyone else (API
 * clients, CSV error column, logs).
 */
export const RULE_ISSUE_CODES = Object.keys(RULE_ISSUES) as RuleIssueCode[];
export type { RuleIssueCode };

export type RuleIssueSeverity = "error" | "warning";

export interface RuleIssue {
  /** The input field it is about: `phoneNumber`, `extension`, `locationId`, `email`, `package`… */
  field: string;
  code: RuleIssueCode;
  message: string;
  severity: RuleIssueSeverity;
  params?: Record<string, string | number>;
}

/**
 * An issue tied to one row of a batch. `index` is the 0-based position of the row in the request
 * (or among the file's data rows); messages and `params.row` show it 1-based, like
 * `ProblemError.row`.
 */
export interface RowIssue extends RuleIssue {
  index: number;
}

export function hasErrors(issues: readonly RuleIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** 1-based row number as people see it. */
export function rowNumber(index: number): number {
  return index + 1;
}
