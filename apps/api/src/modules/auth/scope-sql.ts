import { sql, type Fragment } from "../../db/sql.ts";
import type { Scope } from "./scope.ts";

/** The customers a scope may see, as a WHERE condition on the customer alias `c`. */
export function customerScopeSql(scope: Scope): Fragment {
  if (scope.kind === "customer") return sql`c."id" = ${scope.customerId}::uuid`;
  if (scope.assignedOnly) {
    return sql`c."partnerId" = ${scope.partnerId}::uuid AND EXISTS (
      SELECT 1 FROM "AdminCustomerAssignment" a WHERE a."customerId" = c."id" AND a."adminId" = ${scope.adminId}::uuid)`;
  }
  return sql`c."partnerId" = ${scope.partnerId}::uuid`;
}
