import type { ImportSummary } from "@partner-hub/shared";
import type { Database } from "../../db/connect.ts";
import { execute, readerFor, sql } from "../../db/sql.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { assertCustomerWritable, lockWritableCustomer } from "../customers/customer-writable.ts";
import { buildPlans } from "./build-plan.ts";
import { claimPreview, previewExpired, type PreviewClaim } from "./discard-import.ts";
import { toImportSummary } from "./import-json.ts";
import { insertImportRows } from "./import-rows-sql.ts";
import { isProblemRow, planRows } from "./plan-rows.ts";
import { refuseIfImportRunning } from "./refuse-if-running.ts";
import { readStoredFile, validateAgainstDatabase } from "./validate-file.ts";

/**
 * Step two: the admin confirms. The stored file is validated again against the data as it is
 * now (a preview is not trusted), every row's plan is stored, and the task is queued for the
 * worker. With errors present nothing is queued unless the admin chose "Apply valid rows only".
 * The answer's counts are those of the plan just stored, the one the worker applies.
 */
export async function applyImport(
  { prisma, raw }: Pick<Database, "prisma" | "raw">,
  scope: Scope,
  customerId: string,
  importId: string,
  options: { applyValidRowsOnly?: boolean },
): Promise<ImportSummary> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  const found = await prisma.import.findFirst({ where: { id: importId, customerId } });
  if (!found) throw notFound("import");
  await assertCustomerWritable(prisma, customerId);
  // Refused before the costly validation when it is plain it cannot go ahead; the claim that
  // counts is the one again in the transaction that queues the task, below.
  const early = await raw.transaction((driver) => claimPreview(readerFor(driver), importId));
  if (early.kind !== "open") throw notApplicable(early);
  await refuseIfImportRunning(prisma, customerId);

  const file = readStoredFile(found);
  const { validation, loaded } = await validateAgainstDatabase(
    prisma,
    customerId,
    file,
    found.behaviour,
    readerFor(raw),
  );
  const applyValidRowsOnly = options.applyValidRowsOnly === true;
  const plans = buildPlans(validation.rows, loaded);
  const rows = planRows(importId, file, validation, loaded, plans);
  const hasErrors = validation.counts.error > 0;
  const refused = hasErrors && !applyValidRowsOnly;

  // On the driver, not Prisma: storing 20,000 row plans passes megabytes of JSON, which
  // Prisma's client took almost as long to hand over as PostgreSQL took to store.
  const outcome = await raw.transaction(async (driver) => {
    const tx = readerFor(driver);
    await lockWritableCustomer(tx, customerId);
    await refuseIfImportRunning(tx, customerId);
    // A preview whose 24 hours ran out since the check above, or that the worker expired or a
    // colleague cancelled meanwhile, is not queued: its row stays locked until this commits.
    const claim = await claimPreview(tx, importId);
    if (claim.kind !== "open") return { claim };
    // The stored rows always show the latest validation. A refused import stays a preview, so
    // its whole plan is kept; a queued task keeps the rows it applies and those worth a look (its
    // results list what happened, not the rows that had nothing to do).
    await execute(tx, sql`DELETE FROM "ImportRow" WHERE "importId" = ${importId}::uuid`);
    await insertImportRows(
      tx,
      refused ? rows : rows.filter((r, i) => r.plan !== null || isProblemRow(validation.rows[i]!)),
    );
    const counts = JSON.stringify(validation.counts);
    if (refused) {
      await execute(
        tx,
        sql`UPDATE "Import" SET "counts" = ${counts}::jsonb WHERE "id" = ${importId}::uuid`,
      );
      return { refused: true };
    }
    await execute(
      tx,
      sql`UPDATE "Import" SET "status" = 'queued', "counts" = ${counts}::jsonb,
              "applyValidRowsOnly" = ${applyValidRowsOnly}, "processedRows" = 0
            WHERE "id" = ${importId}::uuid`,
    );
    return { refused: false };
  });
  if (outcome.claim) throw notApplicable(outcome.claim);
  if (outcome.refused) {
    const n = validation.counts.error;
    throw new AppError(
      "import_has_errors",
      `${n} ${n === 1 ? "row has" : "rows have"} errors, so nothing was applied. Fix the file and upload it again, or choose "Apply valid rows only".`,
      { extra: { counts: validation.counts } },
    );
  }
  const queued = await prisma.import.findUniqueOrThrow({
    where: { id: importId },
    omit: { fileText: true },
  });
  return toImportSummary(queued);
}

/** Why a preview that is not open is not applied: an expired one says so, expired by the worker or not. */
function notApplicable(claim: Exclude<PreviewClaim, { kind: "open" }>): AppError {
  switch (claim.kind) {
    case "expired":
      return previewExpired();
    case "gone":
      return notFound("import");
    case "not_open":
      return new AppError(
        "import_not_applicable",
        `This import is ${claim.status}; only a previewed import can be applied. Upload the file again to start over.`,
      );
  }
}
