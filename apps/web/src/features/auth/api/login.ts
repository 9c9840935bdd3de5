import { MeSchema, type LoginInput, type Me } from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, setCsrfToken } from "../../../lib/api-client.ts";
import { clearSessionEnded } from "../session-ended.ts";
import { replaceSession } from "./get-me.ts";

export async function login(input: LoginInput): Promise<Me> {
  const me = await apiRequest("/auth/login", MeSchema, { method: "POST", body: input });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // Whatever was cached belonged to the previous session.
    onSuccess: (me) => {
      clearSessionEnded();
      replaceSession(queryClient, me);
    },
  });
}
