import {
  UuidParamSchema,
  auditTimeRange,
  type AuditExportQuery,
  type PartnerAuditExportQuery,
} from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
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
