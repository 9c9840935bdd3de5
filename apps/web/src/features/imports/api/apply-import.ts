import { ImportSummarySchema } from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { refusedCounts, withFreshCounts } from "../fresh-counts.ts";
import { getImportQueryOptions } from "./get-import.ts";

export interface ApplyImportVariables {
  applyValidRowsOnly: boolean;
}

/**
 * Confirms a previewed import; it then runs as a background task (202, status "queued").
 * The server validates the file again against current data and stores the fresh counts and
 * problem rows; with errors it answers 409 `import_has_errors` unless `applyValidRowsOnly`.
 */
export function applyImport(
  customerId: string,
  importId: string,
  { applyValidRowsOnly }: ApplyImportVariables,
) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/imports/${encodeURIComponent(importId)}/apply`,
    ImportSummarySchema,
    { method: "POST", body: applyValidRowsOnly ? { applyValidRowsOnly } : {} },
  );
}

export function useApplyImport(customerId: string, importId: string) {
  const queryClient = useQueryClient();
  const importKey = ["customers", "detail", customerId, "imports"];
  return useMutation({
    mutationFn: (variables: ApplyImportVariables) => applyImport(customerId, importId, variables),
    // Refused for errors: the problem carries the fresh counts, so the tiles change at once.
    onError: (error) => {
      const counts = refusedCounts(error);
      if (!counts) return;
      queryClient.setQueryData(getImportQueryOptions(customerId, importId).queryKey, (preview) =>
        preview ? withFreshCounts(preview, counts) : preview,
      );
    },
    // Queued, or refused: either way the problem rows and the Tasks list are stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: importKey }),
  });
}
