import { describe, expect, it } from "vitest";
import { importProgress, isImportActive } from "./import-progress.ts";

describe("importProgress", () => {
  it("is processedRows of rowsToApply, rounded down", () => {
    expect(importProgress({ status: "running", processedRows: 1, rowsToApply: 3 })).toEqual({
      done: 1,
      total: 3,
      percent: 33,
    });
    expect(
      importProgress({ status: "running", processedRows: 19_999, rowsToApply: 20_000 }).percent,
    ).toBe(99);
  });

  it("is 0 % while queued with nothing to count, and 100 % once completed", () => {
    expect(importProgress({ status: "queued", processedRows: 0, rowsToApply: 0 }).percent).toBe(0);
    expect(importProgress({ status: "completed", processedRows: 0, rowsToApply: 0 }).percent).toBe(
      100,
    );
  });

  it("never goes past the total", () => {
    expect(importProgress({ status: "running", processedRows: 12, rowsToApply: 10 })).toEqual({
      done: 10,
      total: 10,
      percent: 100,
    });
  });
});

describe("isImportActive", () => {
  it("is true only while the worker has the task", () => {
    expect(isImportActive("queued")).toBe(true);
    expect(isImportActive("running")).toBe(true);
    for (const s of ["previewed", "completed", "failed", "discarded"] as const)
      expect(isImportActive(s)).toBe(false);
  });
});
