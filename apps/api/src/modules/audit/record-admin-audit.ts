import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";

export type AdminAuditAction =
  | "admin.invited"
  | "admin.invitation_resent"
  | "admin.accepted"
  | "admin.role_changed"
  | "admin.customer_assigned"
  | "admin.customer_unassigned"
  | "admin.disabled"
  | "admin.enabled"
  | "admin.removed"
  | "admin.password_changed"
  | "admin.password_reset";

export interface AdminAuditEntry {
  /** Who did it; null for the command line (admin:create). */
  actor: { id: string; email: string } | null;
  /** The administrator it was done to. */
  admin: { id: string; email: string; partnerId: string | null; customerId: string | null };
  action: AdminAuditAction;
  /** The customer it concerns when it is not the admin's own (an assignment). */
  customerId?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Records what was done to an administrator, inside the caller's transaction. A partner's own
 * administrator's events carry only the partner (the partner-level log); a customer
 * administrator's, or an assignment's, carry the customer too, so the customer's log shows them
 * and a trigger fills in the partner (migration 0015).
 */
export async function recordAdminAudit(tx: Db, e: AdminAuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: adminAuditRow(e) });
}

/** The audit event's row, for a caller that writes it in one statement with other events. */
export function adminAuditRow(e: AdminAuditEntry) {
  const customerId = e.customerId ?? e.admin.customerId;
  return {
    customerId,
    partnerId: customerId ? null : e.admin.partnerId,
    adminId: e.admin.id,
    actorId: e.actor?.id ?? null,
    actorEmail: e.actor?.email ?? "",
    userId: null,
    userEmail: e.admin.email,
    action: e.action,
    source: "administration",
    before: (e.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (e.after ?? undefined) as Prisma.InputJsonValue | undefined,
  } satisfies Prisma.AuditEventCreateManyInput;
}
