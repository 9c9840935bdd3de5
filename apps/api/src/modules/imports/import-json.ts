import type {
  ImportCounts,
  ImportRowResult,
  ImportSummary,
  ProblemError,
} from "@partner-hub/shared";
import type { Import, ImportRow } from "../../generated/prisma/client.ts";

export function rowsToApply(counts: ImportCounts): number {
  return counts.add + counts.modify + counts.remove;
}

export function toImportSummary(i: Omit<Import, "fileText">): ImportSummary {
  const counts = i.counts as ImportCounts;
  return {
    id: i.id,
    customerId: i.customerId,
    fileName: i.fileName,
    behaviour: i.behaviour,
    status: i.status,
    totalRows: i.totalRows,
    counts,
    processedRows: i.processedRows,
    rowsToApply: rowsToApply(counts),
    appliedRows: i.appliedRows,
    failedRows: i.failedRows,
    applyValidRowsOnly: i.applyValidRowsOnly,
    createdByEmail: i.createdByEmail,
    createdAt: i.createdAt.toISOString(),
    startedAt: i.startedAt?.toISOString() ?? null,
    finishedAt: i.finishedAt?.toISOString() ?? null,
    failureReason: i.failureReason,
    encoding: i.encoding,
    warnings: i.warnings as ProblemError[],
  };
}

export function toImportRowResult(
  r: Pick<
    ImportRow,
    "rowNumber" | "email" | "outcome" | "messages" | "skipped" | "applied" | "applyError"
  >,
): ImportRowResult {
  return {
    rowNumber: r.rowNumber,
    email: r.email,
    outcome: r.outcome as ImportRowResult["outcome"],
    problems: r.messages as ProblemError[],
    skippedReasons: r.skipped as string[],
    applied: r.applied,
    applyError: r.applyError,
  };
}
