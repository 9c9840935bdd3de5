import { useCurrentUser } from "../../features/auth/hooks/use-current-user.ts";
import { useCustomer } from "../../features/customers/api/get-customer.ts";

/**
 * Whether to offer actions that change the customer's users, locations, quotas or imports:
 * the role must write, and the customer must be active (spec §3: a suspended one refuses them).
 * While the customer loads (or fails to) the role decides; the server refuses anyway.
 */
export function useCanChangeCustomer(customerId: string): boolean {
  const me = useCurrentUser();
  const customer = useCustomer(customerId);
  return me.canWrite && (customer.data?.status ?? "active") === "active";
}
