import { PACKAGE_IDS, packageById, type PackageId, type ProblemError } from "@partner-hub/shared";
import { Prisma } from "../../generated/prisma/client.ts";
import { execute, queryRows, sql, type SqlRunner } from "../../db/sql.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { insertAuditEvents, markRowsApplied, type AuditInsert } from "./import-rows-sql.ts";
import type { PlanFields, RowPlan } from "./build-plan.ts";
import { storeProblem } from "./stored-problem.ts";

export interface PlannedRow {
  rowNumber: number;
  plan: RowPlan;
}

export interface BatchResult {
  applied: number[];
  failed: { rowNumber: number; error: ProblemError }[];
  audit: AuditInsert[];
}

/** Thrown when the batch cannot be applied as a whole; the worker retries its rows one by one. */
export class BatchConflict extends Error {
  constructor(readonly problem: ProblemError) {
    super(problem.message);
  }
}

/** Thrown when another worker took the task over (our lease ran out): stop without writing. */
export class LostLease extends Error {}

/** The task's customer is no longer active: the task waits in the queue until it is. */
export class CustomerNotActive extends Error {}

const CHANGED_MEANWHILE: ProblemError = {
  code: "apply_changed_meanwhile",
  message:
    "The user was changed or removed by someone else after the import was confirmed; this row was not applied. Export again to see the current data.",
};
const TAKEN_MEANWHILE: ProblemError = {
  code: "apply_taken_meanwhile",
  message:
    "The email or a number in this row was taken by another user after the import was confirmed; this row was not applied.",
};

function recordset(
  fields: PlanFields[],
  extra: (i: number) => Record<string, unknown> = () => ({}),
) {
  return JSON.stringify(fields.map((f, i) => ({ ...f, ...extra(i) })));
}

const COLUMNS = `"email" text, "emailLower" text, "firstName" text, "lastName" text, "displayName" text, "package" text,
  "phoneNumber" text, "extension" text, "locationId" uuid, "preferredWebexSite" text,
  "basicMessaging" boolean, "basicSpaceMeetings" boolean, "callOnWebex" boolean`;

/**
 * Applies one batch of planned rows of one kind inside the caller's transaction, set-based (one
 * statement per kind), so 20,000 rows take seconds. Rows whose user changed meanwhile fail with a
 * message; a unique or quota conflict throws BatchConflict so the worker can go row by row.
 */
export async function applyBatch(
  tx: SqlRunner,
  ctx: {
    importId: string;
    workerId: string;
    customerId: string;
    actorId: string | null;
    actorEmail: string;
  },
  rows: PlannedRow[],
): Promise<BatchResult> {
  const fenced = await queryRows<{ id: string }>(
    tx,
    sql`SELECT "id" FROM "Import" WHERE "id" = ${ctx.importId}::uuid AND "lockedBy" = ${ctx.workerId} AND "status" = 'running' FOR UPDATE`,
  );
  if (!fenced.length) throw new LostLease();
  // The customer's lock, and its status under it: a customer suspended since the task was
  // claimed stops the task here, before any row of this batch changes (spec §11).
  const [customer] = await queryRows<{ status: string }>(
    tx,
    sql`SELECT "status" FROM "Customer" WHERE "id" = ${ctx.customerId}::uuid FOR UPDATE`,
  );
  if (customer?.status !== "active") throw new CustomerNotActive();

  const result: BatchResult = { applied: [], failed: [], audit: [] };
  const audit = (
    userId: string | null,
    userEmail: string,
    action: string,
    before: unknown,
    after: unknown,
    rowNumber: number,
  ) =>
    result.audit.push({
      customerId: ctx.customerId,
      actorId: ctx.actorId,
      actorEmail: ctx.actorEmail,
      userId,
      userEmail,
      action,
      source: "csv_import",
      importId: ctx.importId,
      rowNumber,
      before: before ?? null,
      after: after ?? null,
    });

  const removes = rows.filter(
    (r): r is PlannedRow & { plan: Extract<RowPlan, { kind: "remove" }> } =>
      r.plan.kind === "remove",
  );
  const modifies = rows.filter(
    (r): r is PlannedRow & { plan: Extract<RowPlan, { kind: "modify" }> } =>
      r.plan.kind === "modify",
  );
  const adds = rows.filter(
    (r): r is PlannedRow & { plan: Extract<RowPlan, { kind: "add" }> } => r.plan.kind === "add",
  );
  let userDelta = 0;
  const seatsBefore =
    adds.length || modifies.length
      ? await seatCounts(tx, ctx.customerId)
      : new Map<string, number>();

  if (removes.length) {
    const input = JSON.stringify(
      removes.map((r) => ({ id: r.plan.userId, version: r.plan.version })),
    );
    const deleted = await queryRows<{ id: string }>(
      tx,
      sql`
      DELETE FROM "User" u USING jsonb_to_recordset(${input}::jsonb) AS x("id" uuid, "version" int)
      WHERE u."id" = x."id" AND u."version" = x."version" AND u."customerId" = ${ctx.customerId}::uuid
      RETURNING u."id"`,
    );
    const done = new Set(deleted.map((d) => d.id));
    userDelta -= done.size;
    for (const r of removes) {
      if (done.has(r.plan.userId)) {
        result.applied.push(r.rowNumber);
        audit(r.plan.userId, r.plan.email, "user.removed", r.plan.before, null, r.rowNumber);
      } else result.failed.push({ rowNumber: r.rowNumber, error: CHANGED_MEANWHILE });
    }
  }

  if (modifies.length) {
    const input = recordset(
      modifies.map((r) => r.plan.fields),
      (i) => ({ id: modifies[i]!.plan.userId, version: modifies[i]!.plan.version }),
    );
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`
      UPDATE "User" u SET
        "firstName" = x."firstName", "lastName" = x."lastName", "displayName" = x."displayName",
        "package" = x."package", "phoneNumber" = x."phoneNumber", "extension" = x."extension",
        "locationId" = x."locationId", "preferredWebexSite" = x."preferredWebexSite",
        "basicMessaging" = x."basicMessaging", "basicSpaceMeetings" = x."basicSpaceMeetings",
        "callOnWebex" = x."callOnWebex", "version" = u."version" + 1, "updatedAt" = now()
      FROM jsonb_to_recordset(${input}::jsonb) AS x("id" uuid, "version" int, ${raw(COLUMNS)})
      WHERE u."id" = x."id" AND u."version" = x."version" AND u."customerId" = ${ctx.customerId}::uuid
      RETURNING u."id"`,
    ).catch(conflict);
    const done = new Set(updated.map((d) => d.id));
    for (const r of modifies) {
      if (done.has(r.plan.userId)) {
        result.applied.push(r.rowNumber);
        const action =
          r.plan.before["package"] !== r.plan.after["package"]
            ? "user.package_changed"
            : "user.updated";
        audit(r.plan.userId, r.plan.fields.email, action, r.plan.before, r.plan.after, r.rowNumber);
      } else result.failed.push({ rowNumber: r.rowNumber, error: CHANGED_MEANWHILE });
    }
  }

  if (adds.length) {
    const input = recordset(adds.map((r) => r.plan.fields));
    const inserted = await queryRows<{ id: string; emailLower: string }>(
      tx,
      sql`
      INSERT INTO "User" ("customerId", "email", "emailLower", "firstName", "lastName", "displayName", "package",
        "phoneNumber", "extension", "locationId", "preferredWebexSite", "basicMessaging", "basicSpaceMeetings",
        "callOnWebex", "status")
      SELECT ${ctx.customerId}::uuid, x."email", x."emailLower", x."firstName", x."lastName", x."displayName", x."package",
        x."phoneNumber", x."extension", x."locationId", x."preferredWebexSite", x."basicMessaging", x."basicSpaceMeetings",
        x."callOnWebex", 'pending'::"UserStatus"
      FROM jsonb_to_recordset(${input}::jsonb) AS x(${raw(COLUMNS)})
      ON CONFLICT DO NOTHING
      RETURNING "id", "emailLower"`,
    );
    const idByEmail = new Map(inserted.map((d) => [d.emailLower, d.id]));
    userDelta += inserted.length;
    for (const r of adds) {
      const id = idByEmail.get(r.plan.fields.emailLower);
      if (id) {
        result.applied.push(r.rowNumber);
        audit(id, r.plan.fields.email, "user.created", null, r.plan.after, r.rowNumber);
      } else result.failed.push({ rowNumber: r.rowNumber, error: TAKEN_MEANWHILE });
    }
  }

  if (adds.length || modifies.length) await assertWithinQuotas(tx, ctx.customerId, seatsBefore);
  if (userDelta)
    await execute(
      tx,
      sql`UPDATE "Customer" SET "userCount" = "userCount" + ${userDelta} WHERE "id" = ${ctx.customerId}::uuid`,
    );
  // Audit events in file order, so the log's sequence follows the rows.
  result.audit.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0));
  await insertAuditEvents(tx, result.audit);
  await markRowsApplied(tx, ctx.importId, result.applied);
  for (const f of result.failed) {
    await execute(
      tx,
      sql`UPDATE "ImportRow" SET "applyError" = ${storeProblem(f.error)} WHERE "importId" = ${ctx.importId}::uuid AND "rowNumber" = ${f.rowNumber}`,
    );
  }
  await execute(
    tx,
    sql`
    UPDATE "Import" SET "processedRows" = "processedRows" + ${rows.length}, "appliedRows" = "appliedRows" + ${result.applied.length},
      "failedRows" = "failedRows" + ${result.failed.length}, "heartbeatAt" = now()
    WHERE "id" = ${ctx.importId}::uuid`,
  );
  return result;
}

/** The package's name as people know it; the id itself if the catalogue no longer has it. */
function packageName(id: string): string {
  return (PACKAGE_IDS as readonly string[]).includes(id)
    ? packageById(id as PackageId).displayName
    : id;
}

// A fixed SQL fragment (never user input) inside a tagged $queryRaw.
function raw(text: string) {
  return Prisma.raw(text);
}

function conflict(error: unknown): never {
  if (isUniqueViolation(error)) throw new BatchConflict(TAKEN_MEANWHILE);
  throw error;
}

async function seatCounts(tx: SqlRunner, customerId: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ package: string; n: number }>(
    tx,
    sql`
    SELECT "package", count(*)::int AS n FROM "User" WHERE "customerId" = ${customerId}::uuid GROUP BY "package"`,
  );
  return new Map(rows.map((r) => [r.package, Number(r.n)]));
}

/**
 * Quotas were checked for the whole file when the admin confirmed; this guards against seats
 * taken since. Only packages this batch added seats to count: a customer already over a quota
 * (lowered after the fact) can still have other rows applied.
 */
async function assertWithinQuotas(tx: SqlRunner, customerId: string, before: Map<string, number>) {
  const after = await seatCounts(tx, customerId);
  const quotas = await queryRows<{ package: string; maxUsers: number }>(
    tx,
    sql`SELECT "package", "maxUsers" FROM "CustomerPackageQuota" WHERE "customerId" = ${customerId}::uuid`,
  );
  const over = quotas.filter(
    (q) =>
      (after.get(q.package) ?? 0) > q.maxUsers &&
      (after.get(q.package) ?? 0) > (before.get(q.package) ?? 0),
  );
  if (over.length) {
    const packages = over.map((o) => packageName(o.package)).join(", ");
    throw new BatchConflict({
      code: "apply_quota_exceeded",
      message: `The quota for ${packages} would be exceeded; this row was not applied.`,
      params: { packages },
    });
  }
}
