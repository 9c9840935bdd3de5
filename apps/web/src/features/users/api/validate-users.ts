import { ValidateUsersResultSchema, type CreateUsersInput } from "@partner-hub/shared";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * The manual add's pre-check (spec §5): the server's answer to "would these be added?", with
 * the very errors the add would give (emails already in the customer, numbers taken, quotas),
 * and nothing created.
 */
export function validateUsers(customerId: string, input: CreateUsersInput) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/users/validate`,
    ValidateUsersResultSchema,
    { method: "POST", body: input },
  );
}

export function useValidateUsers(customerId: string) {
  return useMutation({
    mutationFn: (input: CreateUsersInput) => validateUsers(customerId, input),
  });
}
