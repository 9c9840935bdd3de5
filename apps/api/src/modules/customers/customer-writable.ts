import type { CustomerStatus } from "@partner-hub/shared";
import { AppError, notFound } from "../../http/app-error.ts";
import { queryRows, sql, type SqlRunner } from "../../db/sql.ts";

/** 409 for a customer that is not active: `customer_suspended`, or `customer_not_active` with its status. */
export function customerNotWritable(status: CustomerStatus): AppError {
  const suspended = status === "suspended";
  return new AppError(
    suspended ? "customer_suspended" : "customer_not_active",
    suspended
      ? "The customer is suspended: its users, locations, quotas and imports cannot change until a partner administrator reactivates it."
      : `The customer is ${status}: its users, locations, quotas and imports cannot change until it is active.`,
    { params: { status }, extra: { customerStatus: status } },
  );
}

/**
 * Spec §3, §11: a customer that is not active (suspended, deactivated, provisioning) can be
 * read, but none of its users, locations, quotas or imports change. Every write path of a
 * customer goes through here. This one does not lock: for checks before a transaction (an
 * import preview), whose transaction then locks with `lockWritableCustomer`.
 */
export async function assertCustomerWritable(db: SqlRunner, customerId: string): Promise<void> {
  const [row] = await queryRows<{ status: CustomerStatus }>(
    db,
    sql`SELECT "status" FROM "Customer" WHERE "id" = ${customerId}::uuid AND "deletedAt" IS NULL`,
  );
  if (!row) throw notFound("customer");
  if (row.status !== "active") throw customerNotWritable(row.status);
}

/**
 * Locks the customer's row (see lock-customer.ts) and refuses unless it is active: a suspension
 * committed by another transaction is seen here, and one that comes later waits for this write.
 */
export async function lockWritableCustomer(tx: SqlRunner, customerId: string): Promise<void> {
  // A customer deleted since the caller's scope check is gone for this write too (404).
  const [row] = await queryRows<{ status: CustomerStatus; deleted: boolean }>(
    tx,
    sql`SELECT "status", "deletedAt" IS NOT NULL AS "deleted" FROM "Customer" WHERE "id" = ${customerId}::uuid FOR UPDATE`,
  );
  if (!row || row.deleted) throw notFound("customer");
  if (row.status !== "active") throw customerNotWritable(row.status);
}
