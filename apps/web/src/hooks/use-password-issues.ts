import {
  checkPassword,
  checkPasswordBasics,
  type PasswordIssue,
  type StrengthEstimator,
} from "@partner-hub/shared";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useProblemText } from "../lib/problem-message.ts";

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

/**
 * react-hook-form `validate` rules of a new password and its confirmation, in the UI's
 * language: the policy's first reason for the password, and "does not match" for the copy.
 */
export function useNewPasswordRules(email: string) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return useMemo(
    () => ({
      password: async (value: string) => {
        if (!value) return t("password.required");
        const [first] = await passwordIssues(value, email);
        return first ? problemText(first, "password") : true;
      },
      confirm: (value: string, password: string) =>
        !value ? t("password.confirmRequired") : value === password || t("password.mismatch"),
    }),
    [t, problemText, email],
  );
}
