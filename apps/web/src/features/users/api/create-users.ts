import { CreateUsersResultSchema, type CreateUsersInput } from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** Manual add (spec §5): all or none; a 400 carries `errors[]` with `field: "users.<i>.<field>"`. */
export function createUsers(customerId: string, input: CreateUsersInput) {
  return apiRequest(`/customers/${encodeURIComponent(customerId)}/users`, CreateUsersResultSchema, {
    method: "POST",
    body: input,
  });
}

export function useCreateUsers(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUsersInput) => createUsers(customerId, input),
    // New users change the users list, the customer's seat counts and the audit log.
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ["customers", "detail", customerId] }),
  });
}
