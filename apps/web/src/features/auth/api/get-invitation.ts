import { InvitationSchema } from "@partner-hub/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** Invitations and password resets are one-time links of the same shape (spec §12). */
export type LinkKind = "invitation" | "password_reset";

export const LINK_API_PATH: Record<LinkKind, string> = {
  invitation: "/invitations",
  password_reset: "/password-resets",
};

export const linkKeys = {
  detail: (kind: LinkKind, token: string) => ["one-time-links", kind, token] as const,
};

export function getLinkQueryOptions(kind: LinkKind, token: string) {
  return queryOptions({
    queryKey: linkKeys.detail(kind, token),
    queryFn: () =>
      apiRequest(`${LINK_API_PATH[kind]}/${encodeURIComponent(token)}`, InvitationSchema),
    // A used, expired or revoked link will not come back to life: no retries, no refetching.
    retry: false,
    staleTime: Infinity,
  });
}

export function useOneTimeLink(kind: LinkKind, token: string) {
  return useQuery(getLinkQueryOptions(kind, token));
}
