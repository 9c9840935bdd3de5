import { AdminSchema, ImportSummarySchema, pageOf } from "@partner-hub/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";
import { getCustomerQueryOptions } from "./get-customer.ts";
import { conflictingCustomer } from "./update-customer.ts";

const base = (customerId: string) => `/customers/${encodeURIComponent(customerId)}`;

/** DELETE with the version the person saw: a customer changed meanwhile answers 412. */
export function deleteCustomer(customerId: string, version: number) {
  return apiRequest(base(customerId), z.unknown(), {
    method: "DELETE",
    headers: { "if-match": `"${version}"` },
  });
}

/**
 * What deleting takes besides the users and locations the customer's details count: its
 * administrators, and the import it has queued or running (one at most, the newest).
 */
export function useDeletionImpact(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["customers", "detail", customerId, "deletion-impact"],
    enabled,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const [admins, imports] = await Promise.all([
        apiRequest(`${base(customerId)}/admins`, pageOf(AdminSchema), {
          query: { max: 1 },
          signal,
        }),
        apiRequest(`${base(customerId)}/imports`, pageOf(ImportSummarySchema), {
          query: { max: 1 },
          signal,
        }),
      ]);
      const newest = imports.items[0];
      const activeImport =
        newest && (newest.status === "queued" || newest.status === "running") ? newest : null;
      return { administrators: admins.total, activeImport };
    },
  });
}

/** After a deletion nothing of the customer is worth keeping; every list of customers refreshes. */
export function useDeleteCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => deleteCustomer(customerId, version),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ["customers", "detail", customerId] });
      await queryClient.invalidateQueries({ queryKey: ["customers", "list"] });
    },
    // Changed meanwhile (412): the dialog shows the customer as it is now, to be checked again.
    onError: (error) => {
      const current = conflictingCustomer(error);
      if (current) queryClient.setQueryData(getCustomerQueryOptions(customerId).queryKey, current);
    },
  });
}
