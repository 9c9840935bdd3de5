import type { ImportBehaviour, ImportPreview, RowResult } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { assertCustomerWritable } from "../customers/customer-writable.ts";
import { toImportRowResult, toImportSummary } from "./import-json.ts";
import { insertImportRows } from "./import-rows-sql.ts";
import { refuseIfImportRunning } from "./refuse-if-running.ts";
import { readUploadedFile, validateAgainstDatabase } from "./validate-file.ts";

export function isProblemRow(r: RowResult): boolean {
  return (
    r.outcome === "error" ||
    r.outcome === "skipped" ||
    r.problems.length > 0 ||
    r.skipped.length > 0
  );
}

export function emailOf(
  r: RowResult,
  cells: readonly string[] | undefined,
  emailIndex: number | undefined,
): string {
  return (
    r.target?.email ??
    r.emailKey ??
    (emailIndex !== undefined ? (cells?.[emailIndex] ?? "") : "").trim()
  );
}

/**
 * Step one of an import (spec §6): store the file, validate every row against the database, and
 * answer the preview. Nothing changes yet; the rows worth showing are kept for the task page.
 */
export async function previewImport(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  upload: { fileName: string; bytes: Uint8Array; behaviour: ImportBehaviour },
): Promise<ImportPreview> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  await assertCustomerWritable(prisma, customerId);
  await refuseIfImportRunning(prisma, customerId);
  const file = readUploadedFile(upload.bytes);
  const { validation } = await validateAgainstDatabase(prisma, customerId, file, upload.behaviour);
  const emailIndex = file.columns.get("email");
  const cellsByRow = new Map(file.rows.map((r) => [r.rowNumber, r.cells]));
  const problemRows = validation.rows.filter(isProblemRow).map((r) => ({
    rowNumber: r.rowNumber,
    email: emailOf(r, cellsByRow.get(r.rowNumber), emailIndex),
    outcome: r.outcome,
    messages: r.problems,
    skipped: r.skipped,
  }));

  const created = await prisma.import.create({
    data: {
      customerId,
      createdById: scope.adminId,
      createdByEmail: scope.email,
      fileName: upload.fileName.slice(0, 255) || "upload.csv",
      behaviour: upload.behaviour,
      status: "previewed",
      fileText: file.text,
      encoding: file.encoding,
      headers: file.headers,
      delimiter: file.delimiter,
      totalRows: file.rows.length,
      counts: validation.counts,
      warnings: validation.warnings,
    },
  });
  await insertImportRows(
    prisma,
    problemRows.map((r) => ({ ...r, importId: created.id })),
  );
  return {
    ...toImportSummary(created),
    problemRows: problemRows.map((r) =>
      toImportRowResult({ ...r, applied: false, applyError: null }),
    ),
  };
}
