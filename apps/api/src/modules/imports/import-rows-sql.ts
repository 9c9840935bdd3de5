import { execute, queryRows, sql, type SqlRunner } from "../../db/sql.ts";

/**
 * Bulk statements for import rows and their audit events. A 20,000-row import writes tens of
 * thousands of rows with JSON columns; Prisma's createMany spent ~10x the SQL time preparing
 * them (docs/decisions/002), so these go as one `jsonb_to_recordset` statement per chunk.
 */
export interface ImportRowInsert {
  importId: string;
  rowNumber: number;
  email: string;
  outcome: string;
  messages: unknown;
  skipped: unknown;
  name?: string | null;
  package?: string | null;
  changes?: unknown;
  plan?: unknown;
}

const CHUNK = 1_000;

/** Empty lists and nulls are left out of the JSON (the columns' defaults fill them): 20,000
 * preview rows are mostly unchanged ones, and their JSON is what PostgreSQL spends its time on. */
function compact(value: unknown): unknown {
  return value === null || (Array.isArray(value) && value.length === 0) ? undefined : value;
}

export async function insertImportRows(
  db: SqlRunner,
  rows: readonly ImportRowInsert[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const importId = chunk[0]?.importId;
    if (chunk.some((r) => r.importId !== importId))
      throw new Error("insertImportRows: rows of one import at a time");
    const json = JSON.stringify(
      chunk.map((r) => ({
        rowNumber: r.rowNumber,
        email: r.email,
        outcome: r.outcome,
        messages: compact(r.messages),
        skipped: compact(r.skipped),
        name: r.name ?? undefined,
        package: r.package ?? undefined,
        changes: compact(r.changes),
        plan: r.plan ?? undefined,
      })),
    );
    await execute(
      db,
      sql`
      INSERT INTO "ImportRow" ("importId", "rowNumber", "email", "outcome", "messages", "skipped", "name", "package", "changes", "plan")
      SELECT ${importId}::uuid, x."rowNumber", x."email", x."outcome", COALESCE(x."messages", '[]'), COALESCE(x."skipped", '[]'),
        x."name", x."package", COALESCE(x."changes", '[]'), x."plan"
      FROM jsonb_to_recordset(${json}::jsonb)
        AS x("rowNumber" int, "email" text, "outcome" text, "messages" jsonb, "skipped" jsonb,
             "name" text, "package" text, "changes" jsonb, "plan" jsonb)`,
    );
  }
}

export async function markRowsApplied(
  db: SqlRunner,
  importId: string,
  rowNumbers: readonly number[],
): Promise<void> {
  if (!rowNumbers.length) return;
  await execute(
    db,
    sql`
    UPDATE "ImportRow" SET "applied" = true
    WHERE "importId" = ${importId}::uuid
      AND "rowNumber" IN (SELECT (jsonb_array_elements_text(${JSON.stringify(rowNumbers)}::jsonb))::int)`,
  );
}

export interface AuditInsert {
  customerId: string;
  actorId: string | null;
  actorEmail: string;
  userId: string | null;
  userEmail: string;
  action: string;
  source: string;
  importId: string | null;
  rowNumber: number | null;
  before: unknown;
  after: unknown;
}

/** Inserted in the given order, so the log's sequence follows the file's rows. */
export async function insertAuditEvents(
  db: SqlRunner,
  events: readonly AuditInsert[],
): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK) {
    const json = JSON.stringify(events.slice(i, i + CHUNK));
    await execute(
      db,
      sql`
      INSERT INTO "AuditEvent" ("customerId", "actorId", "actorEmail", "userId", "userEmail", "action", "source", "importId", "rowNumber", "before", "after")
      SELECT (e->>'customerId')::uuid, (e->>'actorId')::uuid, e->>'actorEmail', (e->>'userId')::uuid, e->>'userEmail',
        e->>'action', e->>'source', (e->>'importId')::uuid, (e->>'rowNumber')::int,
        NULLIF(e->'before', 'null'::jsonb), NULLIF(e->'after', 'null'::jsonb)
      FROM jsonb_array_elements(${json}::jsonb) WITH ORDINALITY AS t(e, n)
      ORDER BY t.n`,
    );
  }
}

export interface PendingRow {
  rowNumber: number;
  plan: unknown;
}

export async function pendingRows(
  db: SqlRunner,
  importId: string,
  outcome: string,
  limit: number,
): Promise<PendingRow[]> {
  return queryRows<PendingRow>(
    db,
    sql`
    SELECT "rowNumber", "plan" FROM "ImportRow"
    WHERE "importId" = ${importId}::uuid AND "outcome" = ${outcome} AND NOT "applied" AND "applyError" IS NULL
    ORDER BY "rowNumber" LIMIT ${limit}`,
  );
}
