import type { ZxcvbnResult } from "@zxcvbn-ts/core";
import type { PasswordIssueCode } from "../problems/codes.ts";

export const PASSWORD_MIN_LENGTH = 12;
/** zxcvbn's score 3 means at least 10^8 guesses: "safely unguessable" against online attacks. */
export const PASSWORD_MIN_SCORE = 3;
/** A local part shorter than this ("a@x.se") would refuse half of all passwords by accident. */
const MIN_LOCAL_PART_CHECKED = 3;

/** The policy's reasons: registered in problems/codes.ts (PASSWORD_ISSUES) with their params. */
type PolicyIssueCode = Exclude<PasswordIssueCode, "current_password_wrong">;

export interface PasswordIssue {
  code: PolicyIssueCode;
  message: string;
  params?: Record<string, string | number>;
}

/** What the policy needs of zxcvbn-ts: its check (see strength-estimator.ts, loaded lazily). */
export interface StrengthEstimator {
  check(password: string, userInputs?: (string | number)[]): ZxcvbnResult;
}

export function emailLocalPart(email: string): string {
  const at = email.lastIndexOf("@");
  return (at < 0 ? email : email.slice(0, at)).trim().toLowerCase();
}

/**
 * The rules that need no dictionary: length and the email's local part. The browser shows these
 * while the dictionary is still loading.
 */
export function checkPasswordBasics(password: string, email: string): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    issues.push({
      code: "password_too_short",
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`,
      params: { minLength: PASSWORD_MIN_LENGTH, length },
    });
  const localPart = emailLocalPart(email);
  if (localPart.length >= MIN_LOCAL_PART_CHECKED && password.toLowerCase().includes(localPart))
    issues.push({
      code: "password_contains_email",
      message: `Do not use your email name “${localPart}” in the password.`,
      params: { localPart },
    });
  return issues;
}

/**
 * The whole policy (spec §12): at least 12 characters, not the email's local part, and not a
 * commonly used or easily guessed password according to zxcvbn-ts with its maintained
 * common-password and English dictionaries. Empty when the password is acceptable.
 */
export function checkPassword(
  password: string,
  email: string,
  estimator: StrengthEstimator,
): PasswordIssue[] {
  const issues = checkPasswordBasics(password, email);
  if (issues.some((i) => i.code === "password_too_short")) return issues;
  // zxcvbn's cost grows with length; its own default cut-off is 256 and nobody types more.
  const result = estimator.check(password.slice(0, 256), [email, emailLocalPart(email)]);
  if (isCommonPassword(result, password))
    issues.push({
      code: "password_too_common",
      message: "This password is among the most commonly used ones: choose another.",
    });
  else if (result.score < PASSWORD_MIN_SCORE)
    issues.push({
      code: "password_too_weak",
      message:
        "This password is easy to guess: make it longer, for example a few unrelated words, and avoid names, dates and keyboard patterns.",
      params: { score: result.score, minScore: PASSWORD_MIN_SCORE },
    });
  return issues;
}

/**
 * Common when the whole password (allowing for case, l33t and reversal, as zxcvbn matches them)
 * is one entry of the common-password dictionary, or such an entry with only a digit or symbol
 * run around it ("password123!", "1qaz2wsx3edc").
 */
function isCommonPassword(result: ZxcvbnResult, password: string): boolean {
  const common = result.sequence.filter(
    (m) => "dictionaryName" in m && m.dictionaryName === "passwords-common",
  );
  if (common.length === 0) return false;
  const covered = common.reduce((sum, m) => sum + m.token.length, 0);
  const rest = [...password].length - covered;
  return covered > 0 && rest <= 4 && result.score < 4;
}
