import type { ImportRowResult, ProblemError } from "@partner-hub/shared";

export const PROBLEM_FILTERS = ["all", "errors", "skipped", "warnings"] as const;
export type ProblemFilter = (typeof PROBLEM_FILTERS)[number];

export type ProblemKind = "error" | "warning" | "skipped";

/** One line of the problem table: a row of the file can give several (one per message). */
export interface ProblemLine {
  key: string;
  rowNumber: number;
  email: string;
  outcome: ImportRowResult["outcome"];
  kind: ProblemKind;
  column: string | null;
  /** Said in the UI language by its code (`useProblemText`). */
  problem: ProblemError;
}

/**
 * Flattens problem rows into table lines: each problem, each reason a row was skipped, and a
 * failure while applying. Lines stay in file order so row numbers read top to bottom.
 */
export function toProblemLines(rows: readonly ImportRowResult[]): ProblemLine[] {
  const lines: ProblemLine[] = [];
  for (const row of rows) {
    const base = { rowNumber: row.rowNumber, email: row.email, outcome: row.outcome };
    row.problems.forEach((p, i) => {
      lines.push({
        ...base,
        key: `${row.rowNumber}:p${i}`,
        kind: p.severity === "warning" ? "warning" : "error",
        column: p.column ?? null,
        problem: p,
      });
    });
    row.skipped.forEach((reason, i) => {
      lines.push({
        ...base,
        key: `${row.rowNumber}:s${i}`,
        kind: "skipped",
        column: reason.column ?? null,
        problem: reason,
      });
    });
    if (row.applyProblem) {
      lines.push({
        ...base,
        key: `${row.rowNumber}:a`,
        kind: "error",
        column: null,
        problem: row.applyProblem,
      });
    }
  }
  return lines.sort((a, b) => a.rowNumber - b.rowNumber);
}

const KIND_OF_FILTER: Record<Exclude<ProblemFilter, "all">, ProblemKind> = {
  errors: "error",
  skipped: "skipped",
  warnings: "warning",
};

export function filterProblemLines(
  lines: readonly ProblemLine[],
  filter: ProblemFilter,
): readonly ProblemLine[] {
  if (filter === "all") return lines;
  const kind = KIND_OF_FILTER[filter];
  return lines.filter((l) => l.kind === kind);
}

export function countProblemLines(lines: readonly ProblemLine[]): Record<ProblemFilter, number> {
  const counts: Record<ProblemFilter, number> = {
    all: lines.length,
    errors: 0,
    skipped: 0,
    warnings: 0,
  };
  for (const l of lines) {
    if (l.kind === "error") counts.errors++;
    else if (l.kind === "skipped") counts.skipped++;
    else counts.warnings++;
  }
  return counts;
}
