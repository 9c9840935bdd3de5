import type { AuditEvent, ListAuditQuery, Page } from "@partner-hub/shared";
import type { AuditEvent as AuditEventRow } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { customerAuditWhere, narrowToRange } from "./audit-where.ts";

export async function listAudit(
  db: Db,
  scope: Scope,
  customerId: string,
  query: ListAuditQuery,
): Promise<Page<AuditEvent>> {
  await requireCustomer(db, scope, customerId);
  const where = await narrowToRange(db, customerAuditWhere(customerId, query), query);
  if (!where) return { items: [], total: 0 };
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
