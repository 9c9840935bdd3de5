import { ImportSummarySchema, pageOf, type ListImportsQuery } from "@partner-hub/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { isImportActive } from "../import-progress.ts";
import { IMPORT_POLL_MS } from "./get-import.ts";

const ImportsPageSchema = pageOf(ImportSummarySchema);

/** The customer's imports, newest first (the Tasks page). */
export function getImports(customerId: string, query: ListImportsQuery, signal?: AbortSignal) {
  return apiRequest(`/customers/${encodeURIComponent(customerId)}/imports`, ImportsPageSchema, {
    query,
    signal,
  });
}

export function getImportsQueryOptions(customerId: string, query: ListImportsQuery) {
  return queryOptions({
    queryKey: ["customers", "detail", customerId, "imports", "list", query],
    queryFn: ({ signal }) => getImports(customerId, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((i) => isImportActive(i.status)) ? IMPORT_POLL_MS : false,
  });
}

export function useImports(customerId: string, query: ListImportsQuery) {
  return useQuery(getImportsQueryOptions(customerId, query));
}
