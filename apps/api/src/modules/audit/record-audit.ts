import { baseLicencesOf, type AuditEventAction, type AuditSource } from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { execute, sql, type SqlRunner } from "../../db/sql.ts";
import type { Scope } from "../auth/scope.ts";

type AuditAction = AuditEventAction;

export interface AuditEntry {
  userId: string | null;
  userEmail: string;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  importId?: string;
  rowNumber?: number;
}

/** The attributes of a user an admin can change: what imports write and the audit log keeps. */
export interface EditableUserColumns {
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  package: string;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
  preferredWebexSite: string | null;
  basicMessaging: boolean;
  basicSpaceMeetings: boolean;
  callOnWebex: boolean;
}

/** What the audit log remembers of a user. */
export function auditSnapshot(
  u: EditableUserColumns & { status: string },
  locationName?: string | null,
): Record<string, unknown> {
  return {
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    displayName: u.displayName,
    package: u.package,
    phoneNumber: u.phoneNumber,
    extension: u.extension,
    locationId: u.locationId,
    ...(locationName !== undefined ? { location: locationName } : {}),
    preferredWebexSite: u.preferredWebexSite,
    baseLicences: baseLicencesOf(u),
    status: u.status,
  };
}

/** Writes audit events inside the caller's transaction, so a change and its record commit together. */
export async function recordAudit(
  tx: Db,
  scope: Scope,
  customerId: string,
  source: AuditSource,
  entries: AuditEntry[],
) {
  if (!entries.length) return;
  await tx.auditEvent.createMany({ data: auditRows(scope, customerId, source, entries) });
}

/** The audit events' rows, for a caller that writes them in one statement with other events. */
export function auditRows(
  scope: Scope,
  customerId: string,
  source: AuditSource,
  entries: AuditEntry[],
): Prisma.AuditEventCreateManyInput[] {
  return entries.map((e) => ({
    customerId,
    actorId: scope.adminId,
    actorEmail: scope.email,
    userId: e.userId,
    userEmail: e.userEmail,
    action: e.action,
    source,
    importId: e.importId ?? null,
    rowNumber: e.rowNumber ?? null,
    before: (e.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (e.after ?? undefined) as Prisma.InputJsonValue | undefined,
  }));
}

/**
 * Writes audit rows (auditRows, adminAuditRow) in one statement on the driver, in the given
 * order, so the log's sequence follows it: for a write that runs on the driver (decision 002).
 */
export async function insertAuditRows(
  db: SqlRunner,
  rows: readonly Prisma.AuditEventCreateManyInput[],
): Promise<void> {
  if (!rows.length) return;
  await execute(
    db,
    sql`
    INSERT INTO "AuditEvent" ("customerId", "partnerId", "adminId", "actorId", "actorEmail", "userId",
      "userEmail", "action", "source", "importId", "rowNumber", "before", "after")
    SELECT (e->>'customerId')::uuid, (e->>'partnerId')::uuid, (e->>'adminId')::uuid,
      (e->>'actorId')::uuid, e->>'actorEmail', (e->>'userId')::uuid, e->>'userEmail', e->>'action',
      e->>'source', (e->>'importId')::uuid, (e->>'rowNumber')::int,
      NULLIF(e->'before', 'null'::jsonb), NULLIF(e->'after', 'null'::jsonb)
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS t(e, n)
    ORDER BY t.n`,
  );
}
