import {
  UuidParamSchema,
  type AuditEvent,
  type ListPartnerAuditQuery,
  type Page,
} from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { notFound } from "../../http/app-error.ts";
import type { Scope } from "../auth/scope.ts";
import { auditEventJson } from "./list-audit.ts";

/**
 * The partner-level log (GET /audit): the partner's own events (its administrators) and every
 * customer's, newest first. Full and read-only administrators see all of it; a partner
 * administrator only their customers' events; a customer administrator has no partner log (404,
 * as for another tenant's data).
 */
export async function listPartnerAudit(
  db: Db,
  scope: Scope,
  query: ListPartnerAuditQuery,
): Promise<Page<AuditEvent>> {
  if (scope.kind !== "partner") throw notFound("resource");
  // A filter by an id that is not a UUID matches nobody (and must not reach the uuid column).
  if (query.customerId && !UuidParamSchema.safeParse(query.customerId).success)
    return { items: [], total: 0 };
  const where: Prisma.AuditEventWhereInput = {
    partnerId: scope.partnerId,
    ...(scope.assignedOnly
      ? { customer: { assignments: { some: { adminId: scope.adminId } } } }
      : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...(query.source ? { source: query.source } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: query.offset,
      take: query.max,
      include: { customer: { select: { name: true } } },
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    total,
    items: rows.map((e) => ({ ...auditEventJson(e), customerName: e.customer?.name ?? null })),
  };
}
