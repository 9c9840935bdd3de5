import type { ImportStatus, ImportSummary } from "@partner-hub/shared";

/** A task the worker has yet to finish: its page and the Tasks list keep asking. */
export function isImportActive(status: ImportStatus): boolean {
  return status === "queued" || status === "running";
}

export interface ImportProgress {
  done: number;
  total: number;
  /** 0–100, whole numbers; 100 once the task has finished whatever the counts say. */
  percent: number;
}

/** processedRows of rowsToApply, as a progress bar shows it. */
export function importProgress(
  summary: Pick<ImportSummary, "status" | "processedRows" | "rowsToApply">,
): ImportProgress {
  const total = Math.max(0, summary.rowsToApply);
  const done = Math.min(Math.max(0, summary.processedRows), total);
  if (summary.status === "completed") return { done, total, percent: 100 };
  if (total === 0) return { done, total, percent: 0 };
  // Floor, so 19,999 of 20,000 never reads as 100 % before the task says it is done.
  return { done, total, percent: Math.floor((done / total) * 100) };
}
