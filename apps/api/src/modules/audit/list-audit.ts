import {
  UuidParamSchema,
  type AuditEvent,
  type ListAuditQuery,
  type Page,
} from "@partner-hub/shared";
import type { AuditEvent as AuditEventRow, Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";

export async function listAudit(
  db: Db,
  scope: Scope,
  customerId: string,
  query: ListAuditQuery,
): Promise<Page<AuditEvent>> {
  await requireCustomer(db, scope, customerId);
  // A filter by an id that is not a UUID matches nobody (and must not reach the uuid column).
  if (query.userId && !UuidParamSchema.safeParse(query.userId).success)
    return { items: [], total: 0 };
  const where: Prisma.AuditEventWhereInput = {
    customerId,
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.source ? { source: query.source } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: query.offset,
      take: query.max,
    }),
    db.auditEvent.count({ where }),
  ]);
  return { total, items: rows.map(auditEventJson) };
}

export function auditEventJson(e: AuditEventRow): AuditEvent {
  return {
    id: e.id,
    at: e.createdAt.toISOString(),
    actorEmail: e.actorEmail,
    customerId: e.customerId,
    adminId: e.adminId,
    userId: e.userId,
    userEmail: e.userEmail,
    action: e.action as AuditEvent["action"],
    source: e.source as AuditEvent["source"],
    importId: e.importId,
    rowNumber: e.rowNumber,
    before: (e.before as Record<string, unknown> | null) ?? null,
    after: (e.after as Record<string, unknown> | null) ?? null,
  };
}
