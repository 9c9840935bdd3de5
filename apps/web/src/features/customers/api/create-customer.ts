import { CreatedCustomerSchema, type CreateCustomerInput } from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { getCustomerQueryOptions } from "./get-customer.ts";

export function createCustomer(input: CreateCustomerInput) {
  return apiRequest("/customers", CreatedCustomerSchema, { method: "POST", body: input });
}

/** Creates the customer; its detail is known at once and the lists (and counts) refetch. */
export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCustomer,
    onSuccess: ({ invitationUrl: _url, invitationExpiresAt: _expires, ...customer }) => {
      queryClient.setQueryData(getCustomerQueryOptions(customer.id).queryKey, customer);
      void queryClient.invalidateQueries({ queryKey: ["customers"], exact: false });
    },
  });
}
