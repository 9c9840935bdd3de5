import { ImportRowResultSchema, pageOf, type ListImportRowsQuery } from "@partner-hub/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

const ImportRowsPageSchema = pageOf(ImportRowResultSchema);

/** Per-row results of one import, paginated; `failed` keeps rows with errors (preview or apply). */
export function getImportRows(
  customerId: string,
  importId: string,
  query: ListImportRowsQuery,
  signal?: AbortSignal,
) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/imports/${encodeURIComponent(importId)}/rows`,
    ImportRowsPageSchema,
    { query, signal },
  );
}

export function getImportRowsQueryOptions(
  customerId: string,
  importId: string,
  query: ListImportRowsQuery,
) {
  return queryOptions({
    queryKey: ["customers", "detail", customerId, "imports", "detail", importId, "rows", query],
    queryFn: ({ signal }) => getImportRows(customerId, importId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useImportRows(
  customerId: string,
  importId: string,
  query: ListImportRowsQuery,
  options: { refetchInterval?: number | false } = {},
) {
  return useQuery({ ...getImportRowsQueryOptions(customerId, importId, query), ...options });
}
