import { checkPassword, type StrengthEstimator } from "@partner-hub/shared";
import { createStrengthEstimator } from "@partner-hub/shared/password/strength-estimator";
import { AppError } from "../../http/app-error.ts";

// Building zxcvbn's ranked dictionaries takes a few hundred milliseconds: once per process.
let estimator: StrengthEstimator | null = null;

/**
 * Refuses a new password the policy rejects: 400 validation_failed with every reason, with its
 * params, in errors[] on `field` (the first reason as the detail) — the same codes and texts the
 * browser shows as the person types.
 */
export function assertAcceptablePassword(password: string, email: string, field: string): void {
  estimator ??= createStrengthEstimator();
  const issues = checkPassword(password, email, estimator);
  const [first] = issues;
  if (!first) return;
  throw new AppError("validation_failed", first.message, {
    errors: issues.map((i) => ({ ...i, field })),
  });
}
