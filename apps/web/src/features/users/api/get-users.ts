import { UserSchema, pageOf, type ListUsersQuery } from "@partner-hub/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

const UsersPageSchema = pageOf(UserSchema);

export function getUsers(customerId: string, query: ListUsersQuery, signal?: AbortSignal) {
  return apiRequest(`/customers/${encodeURIComponent(customerId)}/users`, UsersPageSchema, {
    query,
    signal,
  });
}

export function getUsersQueryOptions(customerId: string, query: ListUsersQuery) {
  return queryOptions({
    queryKey: ["customers", "detail", customerId, "users", "list", query],
    queryFn: ({ signal }) => getUsers(customerId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(customerId: string, query: ListUsersQuery) {
  return useQuery(getUsersQueryOptions(customerId, query));
}
