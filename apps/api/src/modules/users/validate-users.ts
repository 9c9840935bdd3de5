import type { NewUser, ValidateUsersResult } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { assertCustomerWritable } from "../customers/customer-writable.ts";
import { checkNewUsers } from "./check-new-users.ts";

/**
 * The manual add's pre-check (spec §5: Next validates on the server too): the very checks of the
 * add, answered without creating anything or taking the customer's lock. The add re-checks under
 * the lock, so a colleague's change in between is still caught.
 */
export async function validateUsers(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  users: NewUser[],
): Promise<ValidateUsersResult> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  await assertCustomerWritable(prisma, customerId);
  const { rows, warnings } = await checkNewUsers(prisma, customerId, users);
  return { count: rows.length, warnings };
}
