import type { PasswordResetRequest } from "@partner-hub/shared";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";

/** 202 whatever the email: the answer never tells whether an account exists. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: PasswordResetRequest) =>
      apiRequest("/auth/password-reset", z.unknown(), { method: "POST", body: input }),
  });
}
