import { queryRows, sql, type SqlRunner } from "../../db/sql.ts";

/**
 * Every transaction that changes a customer's users first locks the customer's row, so quota
 * and number checks see a settled state: two concurrent adds that together exceed a quota
 * cannot both pass, on PostgreSQL with several API processes as well as on PGlite.
 */
export async function lockCustomer(tx: SqlRunner, customerId: string): Promise<void> {
  await queryRows(tx, sql`SELECT 1 FROM "Customer" WHERE "id" = ${customerId}::uuid FOR UPDATE`);
}
