import type { AssignedCustomer, ListAdminsQuery, Page } from "@partner-hub/shared";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import type { Scope } from "../auth/scope.ts";
import { recordAdminAudit } from "../audit/record-admin-audit.ts";
import type { AdminRow } from "./admin-json.ts";
import { actorOf, findPartnerAdmin, lockPartner } from "./admin-access.ts";

type PartnerScope = Extract<Scope, { kind: "partner" }>;

/** The customers a partner administrator manages, by name. */
export async function listAdminCustomers(
  db: Db,
  scope: PartnerScope,
  adminId: string,
  query: ListAdminsQuery,
): Promise<Page<AssignedCustomer>> {
  const admin = await findPartnerAdmin(db, scope.partnerId, adminId);
  const where: Prisma.AdminCustomerAssignmentWhereInput = {
    adminId: admin.id,
    ...(query.search
      ? {
          customer: {
            OR: [
              { name: { contains: query.search, mode: "insensitive" } },
              { externalId: { contains: query.search, mode: "insensitive" } },
            ],
          },
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.adminCustomerAssignment.findMany({
      where,
      orderBy: [{ customerNameLower: "asc" }, { customerId: "asc" }],
      skip: query.offset,
      take: query.max,
      select: { customer: { select: { id: true, name: true, externalId: true } } },
    }),
    db.adminCustomerAssignment.count({ where }),
  ]);
  return { items: rows.map((r) => r.customer), total };
}

async function assignable(tx: Db, scope: PartnerScope, adminId: string, customerId: string) {
  // The customer first, as a path with a customer that is not one (or not a UUID) answers
  // "customer does not exist" whatever the administrator (test/path-ids.test.ts).
  const customer = await tx.customer.findFirst({
    where: { id: customerId, partnerId: scope.partnerId, deletedAt: null },
    select: { id: true, name: true },
  });
  if (!customer) throw notFound("customer");
  const admin = await findPartnerAdmin(tx, scope.partnerId, adminId);
  if (admin.role !== "partner_admin")
    throw new AppError(
      "admin_not_assignable",
      "Only partner administrators are assigned customers; this role sees every customer.",
    );
  return { admin, customer };
}

function audit(
  tx: Db,
  scope: PartnerScope,
  admin: AdminRow,
  customer: { id: string; name: string },
  action: "admin.customer_assigned" | "admin.customer_unassigned",
) {
  return recordAdminAudit(tx, {
    actor: actorOf(scope),
    admin,
    action,
    customerId: customer.id,
    [action === "admin.customer_assigned" ? "after" : "before"]: { customer: customer.name },
  });
}

/** PUT: idempotent; recorded only when it changed something. */
export async function assignCustomer(
  prisma: PrismaClient,
  scope: PartnerScope,
  adminId: string,
  customerId: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockPartner(tx, scope.partnerId);
    const { admin, customer } = await assignable(tx, scope, adminId, customerId);
    const { count } = await tx.adminCustomerAssignment.createMany({
      data: [{ adminId: admin.id, customerId: customer.id }],
      skipDuplicates: true,
    });
    if (count) await audit(tx, scope, admin, customer, "admin.customer_assigned");
  });
}

/**
 * DELETE: the administrator's next request no longer sees the customer — their scope is the
 * assignment table, read in the same query as the data (auth/scope-sql.ts), never a cached copy.
 */
export async function unassignCustomer(
  prisma: PrismaClient,
  scope: PartnerScope,
  adminId: string,
  customerId: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockPartner(tx, scope.partnerId);
    const { admin, customer } = await assignable(tx, scope, adminId, customerId);
    const { count } = await tx.adminCustomerAssignment.deleteMany({
      where: { adminId: admin.id, customerId: customer.id },
    });
    if (count) await audit(tx, scope, admin, customer, "admin.customer_unassigned");
  });
}
