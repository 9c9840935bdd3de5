import { MeSchema, type Me } from "@partner-hub/shared";
import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import { apiRequest, isApiError, setCsrfToken } from "../../../lib/api-client.ts";

/** The signed-in person, or null when there is no session. */
export async function getMe(): Promise<Me | null> {
  try {
    const me = await apiRequest("/auth/me", MeSchema);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryKey = ["auth", "me"] as const;

/**
 * Forget everything cached for the previous session except the "me" entry itself, which stays
 * in place (mounted observers keep following it) and receives the new person or null.
 */
export function replaceSession(queryClient: QueryClient, me: Me | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, me);
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: getMe,
    staleTime: Infinity,
  });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
