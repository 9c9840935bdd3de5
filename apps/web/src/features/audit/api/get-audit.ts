import { AuditEventSchema, pageOf, type ListAuditQuery } from "@partner-hub/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

const AuditPageSchema = pageOf(AuditEventSchema);

export function getAudit(customerId: string, query: ListAuditQuery, signal?: AbortSignal) {
  return apiRequest(`/customers/${encodeURIComponent(customerId)}/audit`, AuditPageSchema, {
    query,
    signal,
  });
}

export function getAuditQueryOptions(customerId: string, query: ListAuditQuery) {
  return queryOptions({
    queryKey: ["customers", "detail", customerId, "audit", "list", query],
    queryFn: ({ signal }) => getAudit(customerId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(customerId: string, query: ListAuditQuery) {
  return useQuery(getAuditQueryOptions(customerId, query));
}
