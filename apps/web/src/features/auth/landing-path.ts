import { isPartnerRole, type Me } from "@partner-hub/shared";
import { paths } from "../../config/paths.ts";

/** Where a person starts: partners in Partner Hub, a customer admin in their own Control Hub. */
export function landingPath(me: Pick<Me, "role" | "customerId">): string {
  if (!isPartnerRole(me.role) && me.customerId)
    return paths.controlHub.users.getHref(me.customerId);
  return paths.partner.customers.getHref();
}
