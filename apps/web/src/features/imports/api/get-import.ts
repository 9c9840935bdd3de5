import { ImportPreviewSchema } from "@partner-hub/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { isImportActive } from "../import-progress.ts";

/** While a task is queued or running, its page asks again every second. */
export const IMPORT_POLL_MS = 1_000;

export function getImport(customerId: string, importId: string, signal?: AbortSignal) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/imports/${encodeURIComponent(importId)}`,
    ImportPreviewSchema,
    { signal },
  );
}

export function getImportQueryOptions(customerId: string, importId: string) {
  return queryOptions({
    queryKey: ["customers", "detail", customerId, "imports", "detail", importId],
    queryFn: ({ signal }) => getImport(customerId, importId, signal),
    refetchInterval: (query) =>
      query.state.data && isImportActive(query.state.data.status) ? IMPORT_POLL_MS : false,
  });
}

export function useImport(customerId: string, importId: string) {
  return useQuery(getImportQueryOptions(customerId, importId));
}
