import type { PrismaClient } from "../../generated/prisma/client.ts";
import { execute, queryRows, sql } from "../../db/sql.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { storeProblem } from "../imports/stored-problem.ts";
import { customerSnapshot } from "./customer-audit.ts";
import { loadCustomerJson } from "./get-customer.ts";

export interface DeletedCustomer {
  users: number;
  locations: number;
  administrators: number;
  cancelledImports: number;
}

/**
 * Spec §11 Delete customer (partner full administrators only). One short transaction makes the
 * customer a tombstone (decision 014): from its commit every route answers 404 for it and it is
 * out of every list, search and count; its administrators (and so their sessions and links) and
 * its assignments go, a queued or running import is cancelled, and the deletion is recorded in
 * the partner's log. Its users, locations, quotas and imports are removed afterwards, in
 * batches, by the purge job (purge-deleted-customers.ts), so 20,000 users never sit in one
 * transaction or in memory. If-Match is honoured when sent (412 with the current customer) but
 * not required, as for a location's delete (decision 011): typing the name is the confirmation.
 */
export async function deleteCustomer(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  expected: number | undefined,
): Promise<DeletedCustomer> {
  await requireCustomer(prisma, scope, customerId);
  if (scope.kind !== "partner" || scope.role !== "partner_full_admin")
    throw new AppError("forbidden", "Only a partner full administrator can delete a customer.");
  return prisma.$transaction(async (tx) => {
    // The import first: a running batch holds its task's row, then the customer's (apply-batch),
    // so taking them in the same order never deadlocks. Its next batch finds the task no longer
    // its own and stops; the worker never claims it again.
    const [cancelled] = await queryRows<{ count: number }>(
      tx,
      sql`WITH cancelled AS (
        UPDATE "Import" SET "status" = 'failed', "lockedBy" = NULL, "heartbeatAt" = NULL,
          "finishedAt" = now(), "failureReason" = ${storeProblem({
            code: "import_cancelled",
            message: "The import was cancelled because its customer was deleted.",
          })}
        WHERE "customerId" = ${customerId}::uuid AND "status" IN ('queued', 'running')
        RETURNING 1)
      SELECT count(*)::int AS "count" FROM cancelled`,
    );
    const [locked] = await queryRows<{ deleted: boolean }>(
      tx,
      sql`SELECT "deletedAt" IS NOT NULL AS "deleted" FROM "Customer" WHERE "id" = ${customerId}::uuid FOR UPDATE`,
    );
    if (!locked || locked.deleted) throw notFound("customer");
    const before = await loadCustomerJson(tx, customerId);
    if (expected !== undefined && before.version !== expected)
      throw new AppError(
        "version_conflict",
        `${before.name} was changed by someone else since you loaded it (version ${expected}, now ${before.version}). Check it is the customer you mean to delete.`,
        { extra: { current: before } },
      );
    const [admins] = await queryRows<{ count: number }>(
      tx,
      // Their sessions and one-time links go with them (foreign keys ON DELETE CASCADE): a
      // customer administrator's very next request is unauthenticated.
      sql`WITH gone AS (DELETE FROM "Admin" WHERE "customerId" = ${customerId}::uuid RETURNING 1)
        SELECT count(*)::int AS "count" FROM gone`,
    );
    await execute(
      tx,
      sql`DELETE FROM "AdminCustomerAssignment" WHERE "customerId" = ${customerId}::uuid`,
    );
    await execute(
      tx,
      sql`UPDATE "Customer" SET "deletedAt" = now(), "version" = "version" + 1 WHERE "id" = ${customerId}::uuid`,
    );
    const row = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    const result: DeletedCustomer = {
      users: before.userCount,
      locations: before.locationCount,
      administrators: admins?.count ?? 0,
      cancelledImports: cancelled?.count ?? 0,
    };
    await recordAudit(tx, scope, customerId, "customer_settings", [
      {
        userId: null,
        userEmail: "",
        action: "customer.deleted",
        before: { ...customerSnapshot(row), ...result },
        after: null,
      },
    ]);
    return result;
  });
}
