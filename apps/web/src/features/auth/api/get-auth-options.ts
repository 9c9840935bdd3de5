import { AuthOptionsSchema } from "@partner-hub/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function getAuthOptionsQueryOptions() {
  return queryOptions({
    queryKey: ["auth", "options"] as const,
    queryFn: () => apiRequest("/auth/options", AuthOptionsSchema),
    staleTime: Infinity,
  });
}

/** Whether this server can e-mail reset links (SMTP_URL is set). */
export function useAuthOptions() {
  return useQuery(getAuthOptionsQueryOptions());
}
