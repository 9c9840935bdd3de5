import type { AuditEvent, ListPartnerAuditQuery, Page } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import type { Scope } from "../auth/scope.ts";
import { narrowToRange, partnerAuditWhere } from "./audit-where.ts";
import { auditEventJson } from "./list-audit.ts";

/**
 * The partner-level log (GET /audit): the partner's own events (its administrators) and every
 * customer's, newest first, scoped as `partnerAuditWhere` says.
 */
export async function listPartnerAudit(
  db: Db,
  scope: Scope,
  query: ListPartnerAuditQuery,
): Promise<Page<AuditEvent>> {
  const where = await narrowToRange(db, partnerAuditWhere(scope, query), query);
  if (!where) return { items: [], total: 0 };
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
