import { CSV_BOM, errorReportWriter, parseCsvText, type ProblemError } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import type { Scope } from "../auth/scope.ts";
import { findImport } from "./read-imports.ts";
import { readStoredProblem } from "./stored-problem.ts";

/**
 * "Export errors to CSV": the failed rows exactly as uploaded plus an Errors column, ready to
 * fix and re-upload. Failed means an error in the preview or a failure while applying.
 */
export async function exportImportErrors(
  db: Db,
  scope: Scope,
  customerId: string,
  importId: string,
) {
  const found = await findImport(db, scope, customerId, importId);
  const { fileText } = await db.import.findUniqueOrThrow({
    where: { id: importId },
    select: { fileText: true },
  });
  const failed = await db.importRow.findMany({
    where: { importId, OR: [{ outcome: "error" }, { applyError: { not: null } }] },
    orderBy: { rowNumber: "asc" },
    select: { rowNumber: true, messages: true, applyError: true },
  });
  const parsed = parseCsvText(fileText, { maxRows: Number.MAX_SAFE_INTEGER });
  const cellsByRow = parsed.ok
    ? new Map(parsed.rows.map((r) => [r.rowNumber, r.cells]))
    : new Map<number, string[]>();
  const writer = errorReportWriter(found.headers as string[], parsed.ok ? parsed.delimiter : ",");
  const lines = [CSV_BOM + writer.header()];
  for (const row of failed) {
    const problems = [...(row.messages as ProblemError[])];
    const applyProblem = readStoredProblem(row.applyError);
    if (applyProblem) problems.push({ ...applyProblem, severity: "error" });
    lines.push(writer.row(cellsByRow.get(row.rowNumber) ?? [], problems));
  }
  const base = found.fileName.replace(/\.csv$/i, "");
  return { fileName: `${base}-errors.csv`, body: lines.join("") };
}
