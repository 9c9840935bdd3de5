import type { ProblemError } from "@partner-hub/shared";
import {
  get,
  type FieldError,
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  type UseFormSetError,
} from "react-hook-form";
import { isApiError } from "./api-client.ts";

/**
 * The message FormField shows for a field of a schema-validated form (a dotted path such as
 * `address.city`): the server's own words when it refused the field, else `fallback` (the
 * form's text for what the schema checks there).
 */
export function fieldErrorMessages(errors: FieldErrors, field: string, fallback: string) {
  const error: FieldError | undefined = get(errors, field);
  if (!error) return [];
  const text = error.type === "server" && error.message ? error.message : fallback;
  return [{ text, severity: "error" as const }];
}

/**
 * Puts each problem of a refused save that names one of the form's `fields` beside that field
 * (react-hook-form's setError); says whether any did, so the form need not repeat them above.
 */
export function setServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: Readonly<Record<string, unknown>>,
  setError: UseFormSetError<T>,
  say: (problem: ProblemError) => string,
): boolean {
  let any = false;
  for (const problem of isApiError(error) ? (error.problem.errors ?? []) : []) {
    if (problem.field && problem.field in fields) {
      setError(problem.field as FieldPath<T>, { type: "server", message: say(problem) });
      any = true;
    }
  }
  return any;
}
