import type { PrismaClient } from "../../generated/prisma/client.ts";
import { execute, sql } from "../../db/sql.ts";
import { auditSnapshot, recordAudit } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { requireVersion } from "../../http/if-match.ts";
import { loadUserForWrite } from "./load-user-for-write.ts";

/**
 * Spec §13: remove one user (If-Match). The seat, the number and the extension are free the
 * moment the transaction commits: they are columns of the row that goes. Removing again is 404.
 */
export async function removeUser(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  userId: string,
  expectedVersion: number | undefined,
): Promise<void> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  const version = requireVersion(expectedVersion, "user");
  await prisma.$transaction(
    async (tx) => {
      // Spec §3, §11: a customer that is not active refuses every change to its users.
      await lockWritableCustomer(tx, customerId);
      const user = await loadUserForWrite(tx, customerId, userId, version);
      await tx.user.delete({ where: { id: user.id } });
      await execute(
        tx,
        sql`UPDATE "Customer" SET "userCount" = "userCount" - 1 WHERE "id" = ${customerId}::uuid`,
      );
      await recordAudit(tx, scope, customerId, "user_remove", [
        {
          userId: user.id,
          userEmail: user.email,
          action: "user.removed",
          before: auditSnapshot(user, user.location?.name ?? null),
          after: null,
        },
      ]);
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
