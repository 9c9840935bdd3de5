import { LocationSchema, pageOf, type PaginationQuery } from "@partner-hub/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

const LocationsPageSchema = pageOf(LocationSchema);

export function getLocations(customerId: string, query: PaginationQuery, signal?: AbortSignal) {
  return apiRequest(`/customers/${encodeURIComponent(customerId)}/locations`, LocationsPageSchema, {
    query,
    signal,
  });
}

export function getLocationsQueryOptions(customerId: string, query: PaginationQuery) {
  return queryOptions({
    queryKey: ["customers", "detail", customerId, "locations", "list", query],
    queryFn: ({ signal }) => getLocations(customerId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useLocations(customerId: string, query: PaginationQuery) {
  return useQuery(getLocationsQueryOptions(customerId, query));
}
