import { CustomerSummarySchema, pageOf, type ListCustomersQuery } from "@partner-hub/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

const CustomersPageSchema = pageOf(CustomerSummarySchema);

export function getCustomers(query: ListCustomersQuery, signal?: AbortSignal) {
  return apiRequest("/customers", CustomersPageSchema, { query, signal });
}

export function getCustomersQueryOptions(query: ListCustomersQuery) {
  return queryOptions({
    queryKey: ["customers", "list", query],
    queryFn: ({ signal }) => getCustomers(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomers(query: ListCustomersQuery) {
  return useQuery(getCustomersQueryOptions(query));
}
