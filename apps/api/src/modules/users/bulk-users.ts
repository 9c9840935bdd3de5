import {
  checkBulkChangePackage,
  packageById,
  type BulkUser,
  type BulkUsersResult,
  type PackageId,
  type ProblemError,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { execute, queryRows, sql, type SqlRunner } from "../../db/sql.ts";
import { AppError } from "../../http/app-error.ts";
import { auditSnapshot } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { loadQuotaState } from "../customers/quota-state.ts";
import { insertAuditEvents, type AuditInsert } from "../imports/import-rows-sql.ts";
import { toProblemError } from "./issues-to-problems.ts";

export type BulkRequest =
  | {
      action: "change_package";
      userIds: string[];
      package: PackageId;
      versions?: Record<string, number>;
    }
  | { action: "remove"; userIds: string[]; versions?: Record<string, number> };

interface SelectedRow {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  package: string;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
  locationName: string | null;
  preferredWebexSite: string | null;
  basicMessaging: boolean;
  basicSpaceMeetings: boolean;
  callOnWebex: boolean;
  status: string;
  version: number;
}

/** Set by the benchmark and the log: how long the transaction took, and its parts. */
export interface BulkTiming {
  users: number;
  totalMs: number;
}

/**
 * Spec §13: change the package of, or remove, up to 1,000 selected users — all or none, in one
 * transaction under the customer lock, quotas counted over the whole selection, one audit event
 * per user. Set-based: one SELECT of the selection, one UPDATE/DELETE `WHERE id = ANY(…)`, one
 * INSERT of every audit row, so 1,000 users cost a handful of statements, not 1,000 round trips.
 *
 * Refusals name each user that blocks the action: 409 `bulk_conflict` for users that are not
 * (or no longer) in the customer or changed since the caller saw them; 422 `bulk_not_applicable`
 * for users that cannot take the package as they are, or seats that do not suffice.
 */
export async function bulkUsers(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  request: BulkRequest,
  onTiming?: (timing: BulkTiming) => void,
): Promise<BulkUsersResult> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  const started = performance.now();
  const ids = [...new Set(request.userIds)];
  const result = await prisma.$transaction(
    async (tx) => {
      // Spec §3, §11: a customer that is not active refuses every change to its users.
      await lockWritableCustomer(tx, customerId);
      const rows = await selectUsers(tx, customerId, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const conflicts: ProblemError[] = [];
      request.userIds.forEach((id, index) => {
        const row = byId.get(id);
        if (!row) {
          conflicts.push({
            code: "user_not_found",
            field: `userIds.${index}`,
            message: `User ${id} is not a user of this customer (removed meanwhile, or never here). Select the users again.`,
            params: { userId: id },
          });
          return;
        }
        const seen = request.versions?.[id];
        if (seen !== undefined && seen !== row.version) {
          conflicts.push({
            code: "user_changed",
            field: `userIds.${index}`,
            message: `${nameOf(row)} (${row.email}) was changed by someone else since you selected them (version ${seen}, now ${row.version}).`,
            params: { userId: id, email: row.email, name: nameOf(row), version: row.version },
          });
        }
      });
      if (conflicts.length) {
        throw new AppError(
          "bulk_conflict",
          `${conflicts.length} of the ${request.userIds.length} selected users ${conflicts.length === 1 ? "was" : "were"} removed or changed meanwhile; nothing was changed.`,
          { errors: conflicts },
        );
      }
      const selected = ids.map((id) => byId.get(id)!);
      return request.action === "remove"
        ? removeAll(tx, scope, customerId, selected)
        : changeAll(tx, scope, customerId, selected, request.package);
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  onTiming?.({ users: ids.length, totalMs: performance.now() - started });
  return result;
}

function nameOf(row: { displayName: string; email: string }): string {
  return row.displayName || row.email;
}

async function selectUsers(tx: SqlRunner, customerId: string, ids: string[]) {
  if (!ids.length) return [];
  return queryRows<SelectedRow>(
    tx,
    sql`
    SELECT u."id"::text AS "id", u."email", u."firstName", u."lastName", u."displayName", u."package",
      u."phoneNumber", u."extension", u."locationId"::text AS "locationId", l."name" AS "locationName",
      u."preferredWebexSite", u."basicMessaging", u."basicSpaceMeetings", u."callOnWebex",
      u."status"::text AS "status", u."version"
    FROM "User" u LEFT JOIN "Location" l ON l."id" = u."locationId"
    WHERE u."customerId" = ${customerId}::uuid AND u."id" = ANY(${ids}::uuid[])`,
  );
}

function auditRow(
  scope: Scope,
  customerId: string,
  source: string,
  action: string,
  row: SelectedRow,
  after: Record<string, unknown> | null,
): AuditInsert {
  return {
    customerId,
    actorId: scope.adminId,
    actorEmail: scope.email,
    userId: row.id,
    userEmail: row.email,
    action,
    source,
    importId: null,
    rowNumber: null,
    before: auditSnapshot(row, row.locationName),
    after,
  };
}

async function removeAll(
  tx: SqlRunner,
  scope: Scope,
  customerId: string,
  selected: SelectedRow[],
): Promise<BulkUsersResult> {
  const ids = selected.map((r) => r.id);
  await execute(
    tx,
    sql`DELETE FROM "User" WHERE "customerId" = ${customerId}::uuid AND "id" = ANY(${ids}::uuid[])`,
  );
  await execute(
    tx,
    sql`UPDATE "Customer" SET "userCount" = "userCount" - ${ids.length} WHERE "id" = ${customerId}::uuid`,
  );
  await insertAuditEvents(
    tx,
    selected.map((r) => auditRow(scope, customerId, "bulk_remove", "user.removed", r, null)),
  );
  return { changed: ids.length };
}

async function changeAll(
  tx: SqlRunner & Parameters<typeof loadQuotaState>[0],
  scope: Scope,
  customerId: string,
  selected: SelectedRow[],
  target: PackageId,
): Promise<BulkUsersResult> {
  const locations = await queryRows<{ id: string; name: string }>(
    tx,
    sql`SELECT "id"::text AS "id", "name" FROM "Location" WHERE "customerId" = ${customerId}::uuid`,
  );
  const users: BulkUser[] = selected.map((r) => ({ ...r, package: r.package as PackageId }));
  const checked = checkBulkChangePackage(users, target, {
    locations,
    quotas: await loadQuotaState(tx, customerId),
  });
  const errors = checked.issues.filter((i) => i.severity === "error");
  if (errors.length) {
    const blocking = new Set(errors.map((e) => e.index)).size;
    throw new AppError(
      "bulk_not_applicable",
      `${blocking} of the ${selected.length} selected users cannot be changed to ${packageById(target).displayName} as they are; nothing was changed.`,
      { errors: errors.map((e) => toProblemError(e, `userIds.${e.index}.`)) },
    );
  }
  const moving = new Set(checked.moving.map((u) => u.id));
  const rows = selected.filter((r) => moving.has(r.id));
  if (!rows.length) return { changed: 0 };
  await execute(
    tx,
    sql`
    UPDATE "User" SET "package" = ${target}, "version" = "version" + 1, "updatedAt" = now()
    WHERE "customerId" = ${customerId}::uuid AND "id" = ANY(${rows.map((r) => r.id)}::uuid[])`,
  );
  await insertAuditEvents(
    tx,
    rows.map((r) =>
      auditRow(
        scope,
        customerId,
        "bulk_change_package",
        "user.package_changed",
        r,
        auditSnapshot({ ...r, package: target }, r.locationName),
      ),
    ),
  );
  return { changed: rows.length };
}
