import { CustomerSchema } from "@partner-hub/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function getCustomer(customerId: string, signal?: AbortSignal) {
  return apiRequest(`/customers/${encodeURIComponent(customerId)}`, CustomerSchema, { signal });
}

export function getCustomerQueryOptions(customerId: string) {
  return queryOptions({
    queryKey: ["customers", "detail", customerId],
    queryFn: ({ signal }) => getCustomer(customerId, signal),
  });
}

export function useCustomer(customerId: string | null | undefined) {
  return useQuery({ ...getCustomerQueryOptions(customerId ?? ""), enabled: Boolean(customerId) });
}
