import type { ChangePasswordInput } from "@partner-hub/shared";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";

/** 204; the server ends this person's other sessions, this one stays. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) =>
      apiRequest("/auth/password", z.unknown(), { method: "POST", body: input }),
  });
}
