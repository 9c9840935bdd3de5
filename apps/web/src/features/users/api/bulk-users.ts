import {
  BulkUsersResultSchema,
  MAX_BULK_USERS,
  type BulkUsersInput,
  type ListUsersQuery,
  type User,
} from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { getUsers } from "./get-users.ts";

export function bulkUsers(customerId: string, input: BulkUsersInput) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/users/bulk`,
    BulkUsersResultSchema,
    { method: "POST", body: input },
  );
}

export function useBulkUsers(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkUsersInput) => bulkUsers(customerId, input),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: ["customers", "detail", customerId] }),
  });
}

const PAGE = 100;

/**
 * Every user matching the list's search and filters, up to MAX_BULK_USERS, page by page (the
 * list API pages at 100): what "select all matching" selects, with their versions and the
 * fields Export selected writes.
 */
export async function getAllMatchingUsers(
  customerId: string,
  query: ListUsersQuery,
): Promise<{ users: User[]; total: number }> {
  const users: User[] = [];
  let total = 0;
  for (let offset = 0; offset < MAX_BULK_USERS; offset += PAGE) {
    const page = await getUsers(customerId, { ...query, offset, max: PAGE });
    total = page.total;
    users.push(...page.items);
    if (users.length >= Math.min(total, MAX_BULK_USERS) || page.items.length < PAGE) break;
  }
  return { users: users.slice(0, MAX_BULK_USERS), total };
}
