import { UserSchema } from "@partner-hub/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function getUser(customerId: string, userId: string, signal?: AbortSignal) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/users/${encodeURIComponent(userId)}`,
    UserSchema,
    { signal },
  );
}

export function getUserQueryOptions(customerId: string, userId: string) {
  return queryOptions({
    queryKey: ["customers", "detail", customerId, "users", "detail", userId],
    queryFn: ({ signal }) => getUser(customerId, userId, signal),
  });
}

export function useUser(customerId: string, userId: string) {
  return useQuery(getUserQueryOptions(customerId, userId));
}
