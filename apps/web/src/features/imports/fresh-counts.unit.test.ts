import type { ImportPreview } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import { toApiError } from "../../lib/api-client.ts";
import { refusedCounts, withFreshCounts } from "./fresh-counts.ts";

const counts = { add: 5, modify: 2, remove: 0, unchanged: 10, skipped: 1, error: 0 };
const preview = { id: "imp_1", counts } as unknown as ImportPreview;

describe("withFreshCounts", () => {
  it("takes the counts the refusal carries and ignores members it does not know", () => {
    const next = withFreshCounts(preview, { add: 4, error: 1, bogus: 9 });
    expect(next.counts).toEqual({ ...counts, add: 4, error: 1 });
    expect(next).not.toHaveProperty("counts.bogus");
    expect(preview.counts.error).toBe(0); // not mutated
  });
});

describe("refusedCounts", () => {
  it("reads counts only from an import_has_errors problem", () => {
    const problem = {
      type: "t",
      title: "x",
      status: 409,
      code: "import_has_errors",
      counts: { error: 3 },
    };
    expect(refusedCounts(toApiError(409, "", problem))).toEqual({ error: 3 });
    expect(refusedCounts(toApiError(409, "", { ...problem, code: "import_running" }))).toBeNull();
    expect(refusedCounts(new Error("boom"))).toBeNull();
  });
});
