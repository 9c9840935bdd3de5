import type { User } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import { pageState, togglePage, toggleRows, type Selection } from "./user-selection.ts";

const page = Array.from({ length: 6 }, (_, i) => ({ id: `u${i}` }) as User);
const ids = (s: Selection) => [...s.keys()].sort();

describe("user selection", () => {
  it("a click toggles one row", () => {
    const one = toggleRows(new Map(), page, 2, null, false);
    expect(ids(one)).toEqual(["u2"]);
    expect(ids(toggleRows(one, page, 2, 2, false))).toEqual([]);
  });

  it("a shift-click selects the range from the last row clicked, either direction", () => {
    const first = toggleRows(new Map(), page, 4, null, false);
    expect(ids(toggleRows(first, page, 1, 4, true))).toEqual(["u1", "u2", "u3", "u4"]);
  });

  it("a shift-click on a selected row clears the range", () => {
    const all = togglePage(new Map(), page);
    expect(ids(toggleRows(all, page, 3, 1, true))).toEqual(["u0", "u4", "u5"]);
  });

  it("the header box selects the page, then clears it; says all, some or none", () => {
    const all = togglePage(new Map(), page);
    expect(pageState(all, page)).toBe("all");
    expect(pageState(toggleRows(all, page, 0, null, false), page)).toBe("some");
    expect(pageState(togglePage(all, page), page)).toBe("none");
  });
});
