import type { TFunction } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import {
  PROBLEM_CODES,
  isMessageKey,
  type IssueCode,
  type MessageKey,
  type MessageVariant,
} from "@partner-hub/shared";
import en from "../locales/en.json";
import { isApiError } from "./api-client.ts";

type ProblemKeyName = keyof typeof en.problems;
export type ProblemMessageKey = `problems.${ProblemKeyName}`;

/** A key registered in `problems/codes.ts` (which a unit test holds to en and sv) and in en. */
function isKnownCode(code: string): code is ProblemKeyName & MessageKey {
  return isMessageKey(code) && Object.hasOwn(en.problems, code);
}

/**
 * The problem an error is about, for `problemText`: an API problem by its code and params (its
 * English detail as the fallback), anything else as `internal` (never a stack trace).
 */
export function describeError(error: unknown): ProblemLike {
  if (!isApiError(error)) return { code: "internal", message: PROBLEM_CODES.internal.title };
  const { code, detail, title, params } = error.problem;
  return { code, message: detail ?? title, ...(params ? { params } : {}) };
}

/**
 * The bits of a problem needed to say it in the UI language: a `ProblemError` (API or CSV row),
 * a shared rule's `RuleIssue`, or a zod issue.
 */
export interface ProblemLike {
  code: string;
  message: string;
  params?: Record<string, string | number> | undefined;
  field?: string | undefined;
  row?: number | undefined;
  column?: string | undefined;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The `{{names}}` a text interpolates. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}

/**
 * Which `problems.*` key says this problem: some codes have variants (`MESSAGE_VARIANTS`) picked
 * by params or field.
 */
function problemKey(problem: ProblemLike, field: string | null): string {
  const params = problem.params ?? {};
  // Typed names, so a code or variant that is not registered fails typecheck.
  const is = (...codes: IssueCode[]) => (codes as string[]).includes(problem.code);
  const variant = (key: MessageVariant) => key;
  if (problem.row !== undefined) {
    if (is("email_duplicate")) return variant("email_duplicate_in_file");
    if (is("phone_taken") && params.heldByRow !== undefined) return variant("phone_taken_in_file");
    if (is("extension_taken") && params.heldByRow !== undefined) {
      return variant("extension_taken_in_file");
    }
  }
  if (is("phone_taken") && params.heldByRow !== undefined) return variant("phone_taken_in_request");
  if (is("extension_taken") && params.heldByRow !== undefined) {
    return variant("extension_taken_in_request");
  }
  if (is("location_required") && params.locationCount === 0) {
    return variant("location_required_none");
  }
  if (is("csv_package_removed_without_replacement") && params.missingColumns !== undefined) {
    return variant("csv_package_removed_columns_missing");
  }
  // zod issues carry generic codes: told apart by the field they are on.
  if (is("too_big")) return variant("too_long");
  if (is("invalid_format", "too_small", "invalid_value")) {
    if (field === "email") return variant("email_invalid");
    if (field === "firstName") return variant("first_name_required");
    if (field === "lastName") return variant("last_name_required");
    if (field === "package") return variant("package_required");
  }
  return problem.code;
}

/**
 * Says a problem in the UI language by `code` (i18n key `problems.<code>`), interpolating its
 * `params` (plus its `row` and `column`). Falls back to the server's English `message` when the
 * code is unknown or the text needs a value the problem does not carry, rather than showing a
 * sentence with a hole in it. `field` names the input it is about when the problem does not.
 */
export function problemText(
  t: TFunction,
  problem: ProblemLike,
  field: string | null = problem.field ?? null,
): string {
  const key = problemKey(problem, field);
  if (!isKnownCode(key)) return problem.message;
  const values: Record<string, string | number> = {
    ...(problem.row !== undefined ? { row: problem.row } : {}),
    ...(problem.column !== undefined ? { column: problem.column } : {}),
    ...problem.params,
  };
  if (
    placeholders(en.problems[key]).some((name) => values[name] === undefined || values[name] === "")
  ) {
    return problem.message;
  }
  return t(`problems.${key}`, values);
}

/** `problemText` bound to the current UI language. */
export function useProblemText(): (problem: ProblemLike, field?: string | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (problem: ProblemLike, field?: string | null) => problemText(t, problem, field),
    [t],
  );
}
