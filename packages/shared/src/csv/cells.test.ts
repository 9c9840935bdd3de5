import { describe, expect, it } from "vitest";
import { isFormulaCell, parseFlagCell, protectCell, unprotectCell } from "./cells.ts";

describe("flag cells", () => {
  it.each([
    ["TRUE", true],
    [" true ", true],
    ["False", false],
    ["SANT", true],
    ["falskt", false],
    ["", undefined],
    ["   ", undefined],
  ])("reads %j as %j", (raw, value) => {
    expect(parseFlagCell(raw)).toEqual({ ok: true, value });
  });

  it("refuses anything else, quoting what it found", () => {
    expect(parseFlagCell("yes")).toEqual({
      ok: false,
      message: 'Expected TRUE, FALSE or empty, found "yes".',
    });
    expect(parseFlagCell("1")).toEqual({
      ok: false,
      message: 'Expected TRUE, FALSE or empty, found "1".',
    });
  });
});

describe("formula protection", () => {
  it.each(["=1+1", "+46812345678", "-Anna", "@SUM(A1)", "\tx", "\rx"])(
    "protects %j and the import undoes it",
    (v) => {
      expect(protectCell(v)).toBe(`'${v}`);
      expect(unprotectCell(protectCell(v))).toBe(v);
    },
  );

  it("leaves other cells alone, also ones that start with a quote", () => {
    expect(protectCell("Anna")).toBe("Anna");
    expect(protectCell("'Neill")).toBe("'Neill");
    expect(unprotectCell("'Neill")).toBe("'Neill");
    expect(unprotectCell("''+46")).toBe("''+46");
  });

  it("sees a live formula but not a protected one", () => {
    expect(isFormulaCell('=HYPERLINK("http://evil","x")')).toBe(true);
    expect(isFormulaCell("  =1")).toBe(true);
    expect(isFormulaCell("'=1")).toBe(false);
  });
});
