import { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { getUserQueryOptions } from "./get-user.ts";

export function removeUser(customerId: string, userId: string, version: number) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/users/${encodeURIComponent(userId)}`,
    z.unknown(),
    { method: "DELETE", headers: { "if-match": `"${version}"` } },
  );
}

export function useRemoveUser(customerId: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => removeUser(customerId, userId, version),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: getUserQueryOptions(customerId, userId).queryKey });
      void queryClient.invalidateQueries({ queryKey: ["customers", "detail", customerId] });
    },
  });
}
