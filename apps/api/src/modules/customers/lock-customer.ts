import { queryRows, sql, type SqlRunner } from "../../db/sql.ts";
import { notFound } from "../../http/app-error.ts";

/**
 * Every transaction that changes a customer's users first locks the customer's row, so quota
 * and number checks see a settled state: two concurrent adds that together exceed a quota
 * cannot both pass, on PostgreSQL with several API processes as well as on PGlite.
 */
export async function lockCustomer(tx: SqlRunner, customerId: string): Promise<void> {
  const [row] = await queryRows<{ deleted: boolean }>(
    tx,
    sql`SELECT "deletedAt" IS NOT NULL AS "deleted" FROM "Customer" WHERE "id" = ${customerId}::uuid FOR UPDATE`,
  );
  // Deleted since the caller's scope check (which also answers 404 for it): nothing to change.
  if (!row || row.deleted) throw notFound("customer");
}
