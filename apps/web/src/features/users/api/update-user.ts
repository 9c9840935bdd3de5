import { UpdateUserResultSchema, type UpdateUserInput } from "@partner-hub/shared";
import { hashKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { getUserQueryOptions } from "./get-user.ts";

export interface UpdateUserVariables {
  /** The version the person saw; a different current version answers 412 `version_conflict`. */
  version: number;
  input: Omit<UpdateUserInput, "version">;
}

export function updateUser(
  customerId: string,
  userId: string,
  { version, input }: UpdateUserVariables,
) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/users/${encodeURIComponent(userId)}`,
    UpdateUserResultSchema,
    { method: "PATCH", body: input, headers: { "if-match": `"${version}"` } },
  );
}

export function useUpdateUser(customerId: string, userId: string) {
  const queryClient = useQueryClient();
  const userKey = getUserQueryOptions(customerId, userId).queryKey;
  return useMutation({
    mutationFn: (variables: UpdateUserVariables) => updateUser(customerId, userId, variables),
    onSuccess: ({ warnings: _warnings, ...user }) => {
      queryClient.setQueryData(userKey, user);
      void queryClient.invalidateQueries({
        queryKey: ["customers", "detail", customerId],
        predicate: (query) => query.queryHash !== hashKey(userKey),
      });
    },
  });
}
