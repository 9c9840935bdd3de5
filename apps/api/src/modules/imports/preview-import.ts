import type { ImportBehaviour, ImportPreview } from "@partner-hub/shared";
import { createHash } from "node:crypto";
import type { Database } from "../../db/connect.ts";
import { queryRows, readerFor, sql } from "../../db/sql.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { assertCustomerWritable } from "../customers/customer-writable.ts";
import { toImportRowResult, toImportSummary } from "./import-json.ts";
import { insertImportRows } from "./import-rows-sql.ts";
import { isProblemRow, planRows } from "./plan-rows.ts";
import { refuseIfPreviewOpen } from "./refuse-if-preview-open.ts";
import { refuseIfImportRunning } from "./refuse-if-running.ts";
import { readUploadedFile, validateAgainstDatabase } from "./validate-file.ts";

/**
 * Step one of an import (spec §6): store the file, validate every row against the database, and
 * store the plan — every row with its outcome, who it is about and what it changes — so the
 * preview can show it at its own URL. Nothing changes yet.
 *
 * With `refuseIfOpen`, an identical file (same bytes, same behaviour) whose preview is still open
 * for the customer is refused with `import_preview_exists` naming it: the web offers to open that
 * preview instead of making another. Integrators that do not ask get a new preview, as before.
 */
export async function previewImport(
  { prisma, raw }: Pick<Database, "prisma" | "raw">,
  scope: Scope,
  customerId: string,
  upload: {
    fileName: string;
    bytes: Uint8Array;
    behaviour: ImportBehaviour;
    refuseIfOpen?: boolean;
  },
): Promise<ImportPreview> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  await assertCustomerWritable(prisma, customerId);
  await refuseIfImportRunning(prisma, customerId);
  const fileHash = createHash("sha256").update(upload.bytes).digest("hex");
  if (upload.refuseIfOpen)
    await refuseIfPreviewOpen(prisma, customerId, fileHash, upload.behaviour);
  const file = readUploadedFile(upload.bytes);
  const { validation, loaded } = await validateAgainstDatabase(
    prisma,
    customerId,
    file,
    upload.behaviour,
    readerFor(raw),
  );

  const rows = planRows("", file, validation, loaded);
  // The import and its rows together, on the driver: 20,000 rows of JSON went through Prisma's
  // client about as slowly as PostgreSQL stored them (decision 002).
  const importId = await raw.transaction(async (driver) => {
    const tx = readerFor(driver);
    const [created] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO "Import" ("customerId", "createdById", "createdByEmail", "fileName", "behaviour",
            "status", "fileText", "encoding", "headers", "delimiter", "fileHash", "totalRows", "counts", "warnings")
          VALUES (${customerId}::uuid, ${scope.adminId}::uuid, ${scope.email},
            ${upload.fileName.slice(0, 255) || "upload.csv"}, ${upload.behaviour}::"ImportBehaviour",
            'previewed', ${file.text}, ${file.encoding}, ${JSON.stringify(file.headers)}::jsonb,
            ${file.delimiter}, ${fileHash}, ${file.rows.length}, ${JSON.stringify(validation.counts)}::jsonb,
            ${JSON.stringify(validation.warnings)}::jsonb)
          RETURNING "id"::text AS "id"`,
    );
    const id = created!.id;
    await insertImportRows(
      tx,
      rows.map((r) => ({ ...r, importId: id })),
    );
    return id;
  });

  const created = await prisma.import.findUniqueOrThrow({
    where: { id: importId },
    omit: { fileText: true },
  });
  return {
    ...toImportSummary(created),
    problemRows: rows
      .filter((_, i) => isProblemRow(validation.rows[i]!))
      .map((r) => toImportRowResult({ ...r, applied: false, applyError: null })),
  };
}
