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

/** The API's largest page (`max`). */
const PAGE = 100;

/**
 * Every location of the customer, page after page, for the location selects: a customer may have
 * more than one page of them, and a location that is not offered cannot be chosen. Pages are read
 * one after another until `total` is reached (or a page comes back short, should locations be
 * removed meanwhile).
 */
export async function getAllLocations(customerId: string, signal?: AbortSignal) {
  const first = await getLocations(customerId, { offset: 0, max: PAGE }, signal);
  const items = [...first.items];
  let total = first.total;
  while (items.length < total) {
    const page = await getLocations(customerId, { offset: items.length, max: PAGE }, signal);
    if (page.items.length === 0) break;
    items.push(...page.items);
    total = page.total;
  }
  return { items, total: items.length };
}

export function useAllLocations(customerId: string) {
  return useQuery({
    queryKey: ["customers", "detail", customerId, "locations", "all"],
    queryFn: ({ signal }) => getAllLocations(customerId, signal),
  });
}
