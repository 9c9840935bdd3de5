import type { TFunction } from "i18next";
import en from "../../locales/en.json";

type IssueKey = keyof typeof en.issues;

function isIssueKey(key: string): key is IssueKey {
  return Object.hasOwn(en.issues, key);
}

/** The bits of an issue needed to say it in the UI language (a RuleIssue, ProblemError, zod issue). */
export interface IssueLike {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/**
 * Says a rule or validation issue in the UI language, by `code` + `params` (the shared rules'
 * contract). Zod issues carry generic codes, so they are told apart by the field they are on.
 * An unknown code falls back to the server's English message rather than to nothing.
 */
export function issueText(t: TFunction, field: string | null, issue: IssueLike): string {
  const params = issue.params ?? {};
  let key: string = issue.code;
  if (issue.code === "phone_taken" || issue.code === "extension_taken") {
    if (params.heldByRow !== undefined) key = `${issue.code}_in_request`;
  } else if (issue.code === "too_big") {
    key = "too_long";
  } else if (issue.code === "invalid_format" || issue.code === "too_small" || issue.code === "invalid_value") {
    if (field === "email") key = "email_invalid";
    else if (field === "firstName") key = "first_name_required";
    else if (field === "lastName") key = "last_name_required";
    else if (field === "package") key = "package_required";
  }
  if (!isIssueKey(key)) return issue.message;
  return t(`issues.${key}`, params);
}
