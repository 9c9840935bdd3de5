import {
  UuidParamSchema,
  auditTimeRange,
  type AuditFilters,
  type AuditExportQuery,
  type PartnerAuditExportQuery,
} from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import { empty, queryRows, sql } from "../../db/sql.ts";
import type { Db } from "../../db/types.ts";
import { notFound } from "../../http/app-error.ts";
import type { Scope } from "../auth/scope.ts";

/** A filter that matches nothing: the answer is an empty log without asking the database. */
export const NOTHING = null;

function isUuid(value: string): boolean {
  return UuidParamSchema.safeParse(value).success;
}

/** The filters both logs share: source, date range, who acted and to whom (spec §8). */
function commonWhere(
  query: AuditExportQuery | PartnerAuditExportQuery,
): Prisma.AuditEventWhereInput {
  const { from, before } = auditTimeRange(query);
  return {
    ...(query.source ? { source: query.source } : {}),
    ...(from || before
      ? { createdAt: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } }
      : {}),
    ...(query.actor ? { actorEmail: { contains: query.actor, mode: "insensitive" } } : {}),
    ...(query.user ? { userEmail: { contains: query.user, mode: "insensitive" } } : {}),
  };
}

/** One customer's log; the caller has checked the customer is in scope. */
export function customerAuditWhere(
  customerId: string,
  query: AuditExportQuery,
): Prisma.AuditEventWhereInput | typeof NOTHING {
  // A filter by an id that is not a UUID matches nobody (and must not reach the uuid column).
  if (query.userId && !isUuid(query.userId)) return NOTHING;
  return {
    customerId,
    ...(query.userId ? { userId: query.userId } : {}),
    ...commonWhere(query),
  };
}

/**
 * The partner-level log: full and read-only administrators see all of it, a partner
 * administrator only their customers' events, a customer administrator has none (404, as for
 * another tenant's data).
 */
export function partnerAuditWhere(
  scope: Scope,
  query: PartnerAuditExportQuery,
): Prisma.AuditEventWhereInput | typeof NOTHING {
  if (scope.kind !== "partner") throw notFound("resource");
  if (query.customerId && !isUuid(query.customerId)) return NOTHING;
  return {
    partnerId: scope.partnerId,
    ...(scope.assignedOnly
      ? { customer: { assignments: { some: { adminId: scope.adminId } } } }
      : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...commonWhere(query),
  };
}

/**
 * A date range, narrowed to the `seq` span of its events as well. The log is read newest first
 * along a (customer or partner, seq) index, and for a range that ends in the past PostgreSQL
 * walks that index back through every later event (0.2–0.6 s at 400,000 events, measured)
 * instead of starting at the range. The span is read first, by an index-only scan of
 * (…, createdAt, seq) (migration 0020; `seq + 0` keeps the planner from answering min/max along
 * the seq index, which is the same walk), and added as `seq BETWEEN`: that changes no answer,
 * every event of the range lies inside its own span. No events in the range: nothing to read.
 */
export async function narrowToRange(
  db: Db,
  where: Prisma.AuditEventWhereInput | typeof NOTHING,
  query: Pick<AuditFilters, "from" | "to">,
): Promise<Prisma.AuditEventWhereInput | typeof NOTHING> {
  const range = auditTimeRange(query);
  if (!where || (!range.from && !range.before)) return where;
  // The span of a wider set (the whole customer, or partner) bounds the filtered one just as well.
  const anchor =
    typeof where.customerId === "string"
      ? sql`"customerId" = ${where.customerId}::uuid`
      : typeof where.partnerId === "string"
        ? sql`"partnerId" = ${where.partnerId}::uuid`
        : null;
  if (!anchor) return where;
  const [span] = await queryRows<{ lo: bigint | null; hi: bigint | null }>(
    db,
    sql`SELECT min("seq" + 0) AS lo, max("seq" + 0) AS hi FROM "AuditEvent" WHERE ${anchor}
      ${range.from ? sql`AND "createdAt" >= ${range.from}` : empty}
      ${range.before ? sql`AND "createdAt" < ${range.before}` : empty}`,
  );
  if (!span || span.lo === null || span.hi === null) return NOTHING;
  return { AND: [where, { seq: { gte: BigInt(span.lo), lte: BigInt(span.hi) } }] };
}
