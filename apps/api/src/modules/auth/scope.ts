import type { AdminRole } from "@partner-hub/shared";
import { roleCanWrite } from "@partner-hub/shared";
import { AppError, notFound } from "../../http/app-error.ts";
import { queryRows, sql, type SqlRunner } from "../../db/sql.ts";
import { customerScopeSql } from "./scope-sql.ts";

/**
 * Who is calling and which customers they may see. Every service that reads customer data
 * takes this and filters by it: tenant scope is a parameter, not a habit.
 */
export type Scope =
  | {
      kind: "partner";
      adminId: string;
      email: string;
      role: AdminRole;
      partnerId: string;
      assignedOnly: boolean;
    }
  | { kind: "customer"; adminId: string; email: string; role: AdminRole; customerId: string };

/**
 * Answers 404 for a customer outside the scope, exactly as for one that does not exist. The id is
 * a UUID: path ids are checked by their schema (UuidParamSchema) before any service runs.
 */
export async function requireCustomer(
  db: SqlRunner,
  scope: Scope,
  customerId: string,
): Promise<{ id: string; name: string }> {
  const [found] = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT c."id", c."name" FROM "Customer" c WHERE c."id" = ${customerId}::uuid AND ${customerScopeSql(scope)}`,
  );
  if (!found) throw notFound("customer");
  return found;
}

export function requireWrite(scope: Scope): void {
  if (!roleCanWrite(scope.role)) {
    throw new AppError("forbidden", "The read-only administrator role cannot change anything.");
  }
}
