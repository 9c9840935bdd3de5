import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";

/** Cancel on a preview: the server discards it (204); it leaves the Tasks page. */
export function discardImport(customerId: string, importId: string) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/imports/${encodeURIComponent(importId)}`,
    z.unknown(),
    { method: "DELETE" },
  );
}

export function useDiscardImport(customerId: string, importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => discardImport(customerId, importId),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ["customers", "detail", customerId, "imports"] }),
  });
}
