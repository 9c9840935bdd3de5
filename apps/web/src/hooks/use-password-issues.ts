import {
  checkPassword,
  checkPasswordBasics,
  type PasswordIssue,
  type StrengthEstimator,
} from "@partner-hub/shared";
import { useEffect, useState } from "react";

let loading: Promise<StrengthEstimator> | null = null;

/**
 * zxcvbn-ts and its dictionaries (~1.6 MB, ~600 kB gzipped) load on first need, in a chunk of
 * their own, so the sign-in page and the rest of the app do not carry them.
 */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= import("@partner-hub/shared/password/strength-estimator").then((m) =>
    m.createStrengthEstimator(),
  );
  return loading;
}

/** The whole policy, as the server applies it; waits for the dictionary if need be. */
export async function passwordIssues(password: string, email: string): Promise<PasswordIssue[]> {
  return checkPassword(password, email, await loadStrengthEstimator());
}

/**
 * The policy's reasons for the password as typed: the length and email rules at once, the
 * dictionary's verdict as soon as it has loaded. `checking` while it loads.
 */
export function usePasswordIssues(password: string, email: string) {
  const [estimator, setEstimator] = useState<StrengthEstimator | null>(null);
  useEffect(() => {
    let live = true;
    void loadStrengthEstimator().then((e) => {
      if (live) setEstimator(e);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!password) return { issues: [] as PasswordIssue[], checking: false };
  if (!estimator) return { issues: checkPasswordBasics(password, email), checking: true };
  return { issues: checkPassword(password, email, estimator), checking: false };
}
