import type { Database } from "../../db/connect.ts";
import { execute, queryRows, readerFor, sql, type SqlRunner } from "../../db/sql.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { storeProblem } from "./stored-problem.ts";

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
  const reason = storeProblem({
    code: "import_preview_expired",
    message:
      "This preview was not applied within 24 hours, so it expired and its file was removed. Upload the file again.",
  });
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
