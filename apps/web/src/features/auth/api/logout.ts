import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { z } from "zod";
import { paths } from "../../../config/paths.ts";
import { apiRequest, setCsrfToken } from "../../../lib/api-client.ts";
import { meQueryKey } from "./get-me.ts";

export async function logout(): Promise<void> {
  await apiRequest("/auth/logout", z.unknown(), { method: "POST" });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    // Even if the server call fails the person asked to leave: forget the session here.
    // Leave the protected pages first, so they do not bounce to sign-in with a "come back" link.
    onSettled: async () => {
      setCsrfToken(null);
      await navigate(paths.signIn.getHref(), { replace: true });
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
