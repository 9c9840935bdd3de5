import type { ImportRowResult } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import { countProblemLines, filterProblemLines, toProblemLines } from "./problem-lines.ts";

const row = (over: Partial<ImportRowResult>): ImportRowResult => ({
  rowNumber: 2,
  email: "a@customer.example",
  name: null,
  package: null,
  changes: [],
  outcome: "error",
  problems: [],
  skippedReasons: [],
  skipped: [],
  applied: false,
  applyError: null,
  applyProblem: null,
  ...over,
});

const rows: ImportRowResult[] = [
  row({
    rowNumber: 5,
    problems: [
      {
        code: "csv_several_packages",
        message: "More than one package is TRUE",
        column: "Webex Meetings",
        severity: "error",
      },
      {
        code: "webex_site_missing",
        message: "No site",
        column: "Preferred Webex Site",
        severity: "warning",
      },
    ],
  }),
  row({
    rowNumber: 3,
    outcome: "skipped",
    skipped: [{ code: "csv_removal_skipped", message: "Add services only never removes a user." }],
  }),
  row({
    rowNumber: 9,
    outcome: "modify",
    applyProblem: { code: "apply_taken_meanwhile", message: "Phone number taken meanwhile" },
  }),
];

describe("toProblemLines", () => {
  it("gives one line per message, in row order, with its kind and column", () => {
    const lines = toProblemLines(rows);
    expect(lines.map((l) => [l.rowNumber, l.kind, l.column])).toEqual([
      [3, "skipped", null],
      [5, "error", "Webex Meetings"],
      [5, "warning", "Preferred Webex Site"],
      [9, "error", null],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
  });
});

describe("filterProblemLines / countProblemLines", () => {
  const lines = toProblemLines(rows);
  it("keeps the lines of one kind", () => {
    expect(filterProblemLines(lines, "errors").map((l) => l.rowNumber)).toEqual([5, 9]);
    expect(filterProblemLines(lines, "skipped").map((l) => l.rowNumber)).toEqual([3]);
    expect(filterProblemLines(lines, "warnings").map((l) => l.rowNumber)).toEqual([5]);
    expect(filterProblemLines(lines, "all")).toBe(lines);
  });
  it("counts each kind for the filter labels", () => {
    expect(countProblemLines(lines)).toEqual({ all: 4, errors: 2, skipped: 1, warnings: 1 });
  });
});
