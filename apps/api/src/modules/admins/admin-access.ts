import { AppError, notFound } from "../../http/app-error.ts";
import type { Db } from "../../db/types.ts";
import { requireWrite, type Scope } from "../auth/scope.ts";
import { ADMIN_SELECT, type AdminRow } from "./admin-json.ts";

type PartnerScope = Extract<Scope, { kind: "partner" }>;

/**
 * Partner Hub → Administrators is the partner's own business (spec §1): full administrators
 * manage it, read-only administrators see it. A partner administrator sees only their customers,
 * so not the partner's staff (403); a customer administrator is another tenant (404).
 */
export function requireAdminsReader(scope: Scope): PartnerScope {
  if (scope.kind !== "partner") throw notFound("resource");
  if (scope.role === "partner_admin")
    throw new AppError(
      "forbidden",
      "Only full administrators manage the partner's administrators.",
    );
  return scope;
}

export function requireAdminsManager(scope: Scope): PartnerScope {
  const partner = requireAdminsReader(scope);
  requireWrite(partner);
  return partner;
}

export const actorOf = (scope: Scope) => ({ id: scope.adminId, email: scope.email });

/** One of the partner's own administrators (partner roles), else 404 as for one that does not exist. */
export async function findPartnerAdmin(
  db: Db,
  partnerId: string,
  adminId: string,
): Promise<AdminRow> {
  const admin = await db.admin.findFirst({
    where: {
      id: adminId,
      partnerId,
      role: { in: ["partner_full_admin", "partner_admin", "partner_readonly_admin"] },
    },
    select: ADMIN_SELECT,
  });
  if (!admin) throw notFound("administrator");
  return admin;
}

/** One of a customer's administrators, else 404. The caller has checked the customer's scope. */
export async function findCustomerAdmin(
  db: Db,
  customerId: string,
  adminId: string,
): Promise<AdminRow> {
  const admin = await db.admin.findFirst({
    where: { id: adminId, customerId, role: "customer_full_admin" },
    select: ADMIN_SELECT,
  });
  if (!admin) throw notFound("administrator");
  return admin;
}

/**
 * Serialises changes to one partner's administrators: two full administrators demoting each
 * other at the same moment must not leave the partner with none.
 */
export async function lockPartner(tx: Db, partnerId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Partner" WHERE "id" = ${partnerId}::uuid FOR UPDATE`;
}

export function refuseOwnAccount(scope: Scope, adminId: string, what: string): void {
  if (scope.adminId === adminId)
    throw new AppError(
      "own_account",
      `You cannot ${what} your own account; ask another administrator.`,
    );
}

/** Refuses a change that would leave the partner without an active full administrator. */
export async function requireAnotherFullAdmin(tx: Db, target: AdminRow): Promise<void> {
  if (target.role !== "partner_full_admin" || !target.partnerId) return;
  const others = await tx.admin.count({
    where: {
      partnerId: target.partnerId,
      role: "partner_full_admin",
      status: "active",
      id: { not: target.id },
    },
  });
  if (others === 0)
    throw new AppError(
      "last_full_admin",
      "This is the partner's last active full administrator: make someone else a full administrator first.",
    );
}
