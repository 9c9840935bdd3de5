import {
  AuditEventSchema,
  pageOf,
  type AuditFilters,
  type ListAuditQuery,
} from "@partner-hub/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiHref, apiRequest } from "../../../lib/api-client.ts";

const AuditPageSchema = pageOf(AuditEventSchema);

const auditPath = (customerId: string | undefined) =>
  customerId ? `/customers/${encodeURIComponent(customerId)}/audit` : "/audit";

/** The log as a CSV download, with the filters on screen (a plain link: the session cookie goes). */
export function auditCsvHref(customerId: string | undefined, filters: AuditFilters): string {
  return apiHref(`${auditPath(customerId)}.csv`, { ...filters });
}

/** One customer's log, or (no customer) the partner-level log of GET /audit. */
export function getAudit(
  customerId: string | undefined,
  query: ListAuditQuery,
  signal?: AbortSignal,
) {
  return apiRequest(auditPath(customerId), AuditPageSchema, { query, signal });
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
