import { MeSchema, type Me } from "@partner-hub/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
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
