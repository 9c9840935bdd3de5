import { describe, expect, it } from "vitest";
import { readStoredProblem, readStoredSkips, storeProblem } from "./stored-problem.ts";

describe("stored import reasons", () => {
  it("reads back a problem as it was stored", () => {
    const problem = {
      code: "apply_quota_exceeded" as const,
      message: "The quota for Webex Calling would be exceeded; this row was not applied.",
      params: { packages: "Webex Calling" },
    };
    expect(readStoredProblem(storeProblem(problem))).toEqual(problem);
    expect(readStoredProblem(null)).toBeNull();
  });

  it("reads prose stored before codes as stored_text, braces and all", () => {
    for (const prose of ["The import stopped.", "{not json", '{"code":"no_such_code"}']) {
      expect(readStoredProblem(prose)).toEqual({
        code: "stored_text",
        message: prose,
        params: { text: prose },
      });
    }
  });

  it("reads a skipped list of old strings and new problems alike", () => {
    expect(
      readStoredSkips([
        "Old words.",
        { code: "csv_removal_skipped", message: "New words.", row: 4 },
      ]).map((p) => [p.code, p.message]),
    ).toEqual([
      ["stored_text", "Old words."],
      ["csv_removal_skipped", "New words."],
    ]);
    expect(readStoredSkips(null)).toEqual([]);
  });
});
