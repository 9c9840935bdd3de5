import { MeSchema, type Me } from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, setCsrfToken } from "../../../lib/api-client.ts";
import { replaceSession } from "./get-me.ts";
import { LINK_API_PATH, type LinkKind } from "./get-invitation.ts";

export async function acceptLink(kind: LinkKind, token: string, password: string): Promise<Me> {
  const me = await apiRequest(
    `${LINK_API_PATH[kind]}/${encodeURIComponent(token)}/accept`,
    MeSchema,
    { method: "POST", body: { password } },
  );
  setCsrfToken(me.csrfToken);
  return me;
}

/** Sets the password and signs in: the answer is the new session's person, as /auth/me. */
export function useAcceptLink(kind: LinkKind, token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => acceptLink(kind, token, password),
    onSuccess: (me) => replaceSession(queryClient, me),
  });
}
