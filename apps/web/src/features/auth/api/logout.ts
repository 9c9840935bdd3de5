import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { z } from "zod";
import { paths } from "../../../config/paths.ts";
import { apiRequest, setCsrfToken } from "../../../lib/api-client.ts";
import { replaceSession } from "./get-me.ts";

export async function logout(): Promise<void> {
  await apiRequest("/auth/logout", z.unknown(), { method: "POST" });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    // Even if the server call fails the person asked to leave: forget the session here.
    // Leave the protected pages first (flushed, not in a transition), so they neither render
    // without a person nor bounce to sign-in with a "come back" link.
    onSettled: async () => {
      setCsrfToken(null);
      await navigate(paths.signIn.getHref(), { replace: true, flushSync: true });
      replaceSession(queryClient, null);
    },
  });
}
