import type { Database } from "../../db/connect.ts";
import { execute, queryRows, readerFor, sql, type SqlRunner } from "../../db/sql.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { readStoredProblem, storeProblem } from "./stored-problem.ts";

/**
 * Cancel on a preview (spec §6): the import becomes `discarded` — gone from the Tasks page — and
 * its stored file and rows are removed. Discarding one already discarded changes nothing; an
 * import that was applied cannot be.
 */
export async function discardImport(
  { prisma, raw }: Pick<Database, "prisma" | "raw">,
  scope: Scope,
  customerId: string,
  importId: string,
): Promise<void> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  await raw.transaction(async (driver) => {
    const tx = readerFor(driver);
    const [found] = await queryRows<{ status: string }>(
      tx,
      sql`SELECT "status"::text AS "status" FROM "Import"
          WHERE "id" = ${importId}::uuid AND "customerId" = ${customerId}::uuid FOR UPDATE`,
    );
    if (!found) throw notFound("import");
    if (found.status === "discarded") return;
    if (found.status !== "previewed") {
      throw new AppError(
        "import_not_discardable",
        `This import is ${found.status}; only a preview that was not applied can be discarded.`,
      );
    }
    await execute(
      tx,
      sql`UPDATE "Import" SET "status" = 'discarded', "fileText" = '', "finishedAt" = now()
          WHERE "id" = ${importId}::uuid`,
    );
    await execute(tx, sql`DELETE FROM "ImportRow" WHERE "importId" = ${importId}::uuid`);
  });
}

/** How long a preview may wait to be applied (spec §6). */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

const PREVIEW_EXPIRED_MESSAGE =
  "This preview was not applied within 24 hours, so it expired and its file was removed. Upload the file again.";

/** 409 for an apply of a preview that expired (whether or not the worker has discarded it yet). */
export function previewExpired(): AppError {
  return new AppError("import_preview_expired", PREVIEW_EXPIRED_MESSAGE);
}

/**
 * Previews left unapplied for `ttlMs` as of `now` expire: discarded, with their stored file and
 * rows removed and `import_preview_expired` as the reason. Returns how many expired. `now` comes
 * from the caller (the worker's clock) so a test can move time on.
 */
export async function expirePreviews(
  db: SqlRunner,
  now: Date,
  ttlMs = PREVIEW_TTL_MS,
): Promise<number> {
  const cutoff = new Date(now.getTime() - ttlMs).toISOString();
  const reason = storeProblem({ code: "import_preview_expired", message: PREVIEW_EXPIRED_MESSAGE });
  const expired = await queryRows<{ id: string }>(
    db,
    sql`UPDATE "Import" SET "status" = 'discarded', "fileText" = '',
          "finishedAt" = ${now.toISOString()}::timestamptz, "failureReason" = ${reason}
        WHERE "status" = 'previewed' AND "createdAt" < ${cutoff}::timestamptz
        RETURNING "id"::text AS "id"`,
  );
  // By id, through the primary key: a semi-join on the UPDATE's result scanned every stored row.
  if (expired.length) {
    await execute(
      db,
      sql`DELETE FROM "ImportRow"
          WHERE "importId" IN (SELECT (jsonb_array_elements_text(${JSON.stringify(expired.map((e) => e.id))}::jsonb))::uuid)`,
    );
  }
  return expired.length;
}

/** What apply found when it claimed a preview (see claimPreview). */
export type PreviewClaim =
  { kind: "open" } | { kind: "expired" } | { kind: "not_open"; status: string } | { kind: "gone" };

/**
 * Apply's claim on a preview, in the transaction that queues it (and once before the costly
 * validation): locks the import's row, so the worker's expiry or a Cancel waits for this
 * transaction or this for theirs, and says whether the preview is open. A preview past its 24 hours is `expired` — discarded here and now, as the worker would
 * within the minute — as is one the worker already expired. Timed by the database's clock, the
 * one `createdAt` was set by, so API processes whose clocks differ agree.
 */
export async function claimPreview(
  tx: SqlRunner,
  importId: string,
  ttlMs = PREVIEW_TTL_MS,
): Promise<PreviewClaim> {
  const [found] = await queryRows<{
    status: string;
    pastTtl: boolean;
    failureReason: string | null;
  }>(
    tx,
    sql`SELECT "status"::text AS "status", "failureReason",
          "createdAt" < now() - make_interval(secs => ${ttlMs / 1000}) AS "pastTtl"
        FROM "Import" WHERE "id" = ${importId}::uuid FOR UPDATE`,
  );
  if (!found) return { kind: "gone" };
  if (found.status !== "previewed") {
    return readStoredProblem(found.failureReason)?.code === "import_preview_expired"
      ? { kind: "expired" }
      : { kind: "not_open", status: found.status };
  }
  if (!found.pastTtl) return { kind: "open" };
  const reason = storeProblem({ code: "import_preview_expired", message: PREVIEW_EXPIRED_MESSAGE });
  await execute(
    tx,
    sql`UPDATE "Import" SET "status" = 'discarded', "fileText" = '', "finishedAt" = now(),
          "failureReason" = ${reason}
        WHERE "id" = ${importId}::uuid`,
  );
  await execute(tx, sql`DELETE FROM "ImportRow" WHERE "importId" = ${importId}::uuid`);
  return { kind: "expired" };
}
