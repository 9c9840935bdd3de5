import { CustomerSchema, type QuotaInput } from "@partner-hub/shared";
import { apiRequest } from "../../../lib/api-client.ts";
import { useCustomerWrite } from "./update-customer.ts";

export interface SetQuotasVariables {
  version: number;
  quotas: QuotaInput[];
}

/** The complete list: a package left out is no longer offered. */
export function setQuotas(customerId: string, { version, quotas }: SetQuotasVariables) {
  return apiRequest(`/customers/${encodeURIComponent(customerId)}/quotas`, CustomerSchema, {
    method: "PUT",
    body: { quotas },
    headers: { "if-match": `"${version}"` },
  });
}

export function useSetQuotas(customerId: string) {
  return useCustomerWrite(customerId, (variables: SetQuotasVariables) =>
    setQuotas(customerId, variables),
  );
}
