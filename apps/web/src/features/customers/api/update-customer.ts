import { CustomerSchema, type Customer, type UpdateCustomerInput } from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isApiError } from "../../../lib/api-client.ts";
import { getCustomerQueryOptions } from "./get-customer.ts";

export interface UpdateCustomerVariables {
  /** The version the person saw; a different current version answers 412 with `current`. */
  version: number;
  input: Omit<UpdateCustomerInput, "version">;
}

export function updateCustomer(customerId: string, { version, input }: UpdateCustomerVariables) {
  return apiRequest(`/customers/${encodeURIComponent(customerId)}`, CustomerSchema, {
    method: "PATCH",
    body: input,
    headers: { "if-match": `"${version}"` },
  });
}

/** The fresh customer a 412 `version_conflict` carries in `current`, if it is one. */
export function conflictingCustomer(error: unknown): Customer | null {
  if (!isApiError(error) || error.status !== 412) return null;
  const parsed = CustomerSchema.safeParse(error.problem.current);
  return parsed.success ? parsed.data : null;
}

/** Keeps the customer's detail fresh after a change (or a conflict), and the lists after it. */
export function useCustomerWrite<V>(
  customerId: string,
  mutationFn: (variables: V) => Promise<Customer>,
) {
  const queryClient = useQueryClient();
  const key = getCustomerQueryOptions(customerId).queryKey;
  return useMutation({
    mutationFn,
    onSuccess: (customer) => {
      queryClient.setQueryData(key, customer);
      void queryClient.invalidateQueries({ queryKey: ["customers"], exact: false });
    },
    onError: (error) => {
      const current = conflictingCustomer(error);
      if (current) queryClient.setQueryData(key, current);
    },
  });
}

export function useUpdateCustomer(customerId: string) {
  return useCustomerWrite(customerId, (variables: UpdateCustomerVariables) =>
    updateCustomer(customerId, variables),
  );
}
