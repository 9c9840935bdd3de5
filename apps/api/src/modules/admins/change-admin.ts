import type { Admin, UpdateAdminInput } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { DUMMY_HASH } from "../auth/password.ts";
import type { Scope } from "../auth/scope.ts";
import { recordAdminAudit } from "../audit/record-admin-audit.ts";
import { ADMIN_SELECT, adminJson, type AdminRow } from "./admin-json.ts";
import {
  actorOf,
  findCustomerAdmin,
  findPartnerAdmin,
  lockPartner,
  refuseOwnAccount,
  requireAnotherFullAdmin,
} from "./admin-access.ts";

/**
 * Disables or re-enables an administrator. Disabling deletes their sessions in the same
 * transaction, so their very next request — through any API process — is signed out: every
 * process looks sessions up in the database or proves a cached one in the query (session-cache.ts).
 * Re-enabling gives back what they had: active once they have set a password, else invited.
 */
async function setStatus(tx: Db, scope: Scope, target: AdminRow, status: "active" | "disabled") {
  if (status === "disabled") {
    if (target.status === "disabled") return;
    refuseOwnAccount(scope, target.id, "disable");
    await requireAnotherFullAdmin(tx, target);
    await tx.admin.update({ where: { id: target.id }, data: { status: "disabled" } });
    await tx.session.deleteMany({ where: { adminId: target.id } });
    await recordAdminAudit(tx, {
      actor: actorOf(scope),
      admin: target,
      action: "admin.disabled",
      before: { status: target.status },
      after: { status: "disabled" },
    });
    return;
  }
  if (target.status !== "disabled") return;
  const { passwordHash } = await tx.admin.findUniqueOrThrow({
    where: { id: target.id },
    select: { passwordHash: true },
  });
  const restored = passwordHash === DUMMY_HASH ? "invited" : "active";
  await tx.admin.update({ where: { id: target.id }, data: { status: restored } });
  await recordAdminAudit(tx, {
    actor: actorOf(scope),
    admin: target,
    action: "admin.enabled",
    before: { status: "disabled" },
    after: { status: restored },
  });
}

/**
 * PATCH /admins/:adminId: a new role and/or status. Nobody changes their own account, and the
 * partner keeps an active full administrator. A role change keeps the person's sessions but their
 * next request is authorised with the new role (sessions are looked up per request, and a cached
 * one is proven against the role in the query). Leaving the partner administrator role drops the
 * assignments, which no other role uses.
 */
export async function updatePartnerAdmin(
  prisma: PrismaClient,
  scope: Extract<Scope, { kind: "partner" }>,
  adminId: string,
  input: UpdateAdminInput,
): Promise<Admin> {
  return prisma.$transaction(async (tx) => {
    await lockPartner(tx, scope.partnerId);
    const target = await findPartnerAdmin(tx, scope.partnerId, adminId);
    if (input.role && input.role !== target.role) {
      refuseOwnAccount(scope, target.id, "change the role of");
      await requireAnotherFullAdmin(tx, target);
      await tx.admin.update({ where: { id: target.id }, data: { role: input.role } });
      if (target.role === "partner_admin")
        await tx.adminCustomerAssignment.deleteMany({ where: { adminId: target.id } });
      await recordAdminAudit(tx, {
        actor: actorOf(scope),
        admin: target,
        action: "admin.role_changed",
        before: { role: target.role },
        after: { role: input.role },
      });
    }
    if (input.status) {
      const current = await tx.admin.findUniqueOrThrow({
        where: { id: target.id },
        select: ADMIN_SELECT,
      });
      await setStatus(tx, scope, current, input.status);
    }
    return adminJson(
      await tx.admin.findUniqueOrThrow({ where: { id: target.id }, select: ADMIN_SELECT }),
    );
  });
}

/** PATCH /customers/:customerId/admins/:adminId: disable or re-enable a customer administrator. */
export async function setCustomerAdminStatus(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  adminId: string,
  status: "active" | "disabled",
): Promise<Admin> {
  return prisma.$transaction(async (tx) => {
    const target = await findCustomerAdmin(tx, customerId, adminId);
    await setStatus(tx, scope, target, status);
    return adminJson(
      await tx.admin.findUniqueOrThrow({ where: { id: target.id }, select: ADMIN_SELECT }),
    );
  });
}

/**
 * Removes an administrator: the row goes with its sessions, links and assignments (foreign keys
 * cascade), the audit log keeps who it was.
 */
async function remove(tx: Db, scope: Scope, target: AdminRow) {
  refuseOwnAccount(scope, target.id, "remove");
  await requireAnotherFullAdmin(tx, target);
  await recordAdminAudit(tx, {
    actor: actorOf(scope),
    admin: target,
    action: "admin.removed",
    before: { name: target.name, role: target.role, status: target.status },
  });
  await tx.admin.delete({ where: { id: target.id } });
}

export async function removePartnerAdmin(
  prisma: PrismaClient,
  scope: Extract<Scope, { kind: "partner" }>,
  adminId: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockPartner(tx, scope.partnerId);
    await remove(tx, scope, await findPartnerAdmin(tx, scope.partnerId, adminId));
  });
}

export async function removeCustomerAdmin(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  adminId: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await remove(tx, scope, await findCustomerAdmin(tx, customerId, adminId));
  });
}
