import type { AuditEventAction, AuditSource } from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { auditSnapshot, recordAudit } from "../audit/record-audit.ts";
import type { Scope } from "../auth/scope.ts";
import { userWithLocation, type UserRow } from "./user-json.ts";

/**
 * Writes a change to one user inside the caller's write transaction: the new values, the next
 * version (what If-Match compares), and one audit event with the user before and after.
 */
export async function saveUserChange(
  tx: Db,
  scope: Scope,
  customerId: string,
  user: UserRow,
  data: Omit<Prisma.UserUncheckedUpdateInput, "version">,
  audit: { source: AuditSource; action: AuditEventAction },
): Promise<UserRow> {
  const updated = await tx.user.update({
    where: { id: user.id },
    data: { ...data, version: { increment: 1 } },
    include: userWithLocation,
  });
  await recordAudit(tx, scope, customerId, audit.source, [
    {
      userId: user.id,
      userEmail: user.email,
      action: audit.action,
      before: auditSnapshot(user, user.location?.name ?? null),
      after: auditSnapshot(updated, updated.location?.name ?? null),
    },
  ]);
  return updated;
}
