import { AuditEventSchema, pageOf, type ListAuditQuery } from "@partner-hub/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

const AuditPageSchema = pageOf(AuditEventSchema);

/** One customer's log, or (no customer) the partner-level log of GET /audit. */
export function getAudit(
  customerId: string | undefined,
  query: ListAuditQuery,
  signal?: AbortSignal,
) {
  const path = customerId ? `/customers/${encodeURIComponent(customerId)}/audit` : "/audit";
  return apiRequest(path, AuditPageSchema, { query, signal });
}

export function getAuditQueryOptions(customerId: string | undefined, query: ListAuditQuery) {
  return queryOptions({
    queryKey: customerId
      ? ["customers", "detail", customerId, "audit", "list", query]
      : ["admins", "audit", "list", query],
    queryFn: ({ signal }) => getAudit(customerId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(customerId: string | undefined, query: ListAuditQuery) {
  return useQuery(getAuditQueryOptions(customerId, query));
}
