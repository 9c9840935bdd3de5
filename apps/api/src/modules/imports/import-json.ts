import type {
  ImportCounts,
  ImportRowResult,
  ImportSummary,
  PlanChange,
  ProblemError,
} from "@partner-hub/shared";
import type { Import, ImportRow } from "../../generated/prisma/client.ts";
import { readStoredProblem, readStoredSkips } from "./stored-problem.ts";

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
    ...failureOf(i.failureReason),
    encoding: i.encoding,
    warnings: i.warnings as ProblemError[],
  };
}

export function toImportRowResult(
  r: Pick<ImportRow, "rowNumber" | "email" | "outcome" | "applied" | "applyError"> & {
    messages: unknown;
    skipped: unknown;
    name?: string | null;
    package?: string | null;
    changes?: unknown;
  },
): ImportRowResult {
  return {
    rowNumber: r.rowNumber,
    email: r.email,
    name: r.name ?? null,
    package: r.package ?? null,
    changes: (r.changes ?? []) as PlanChange[],
    outcome: r.outcome as ImportRowResult["outcome"],
    problems: r.messages as ProblemError[],
    ...skipsOf(r.skipped),
    applied: r.applied,
    ...applyErrorOf(r.applyError),
  };
}

function failureOf(stored: string | null): Pick<ImportSummary, "failure" | "failureReason"> {
  const failure = readStoredProblem(stored);
  return { failureReason: failure?.message ?? null, failure };
}

function skipsOf(stored: unknown): Pick<ImportRowResult, "skipped" | "skippedReasons"> {
  const skipped = readStoredSkips(stored);
  return { skippedReasons: skipped.map((s) => s.message), skipped };
}

function applyErrorOf(stored: string | null): Pick<ImportRowResult, "applyError" | "applyProblem"> {
  const applyProblem = readStoredProblem(stored);
  return { applyError: applyProblem?.message ?? null, applyProblem };
}
