import { describe, expect, it } from "vitest";
import { pagerTargets, parsePageInput } from "./pager.ts";

describe("pagerTargets", () => {
  it("offers first/previous only after the first page and next/last only before the last", () => {
    expect(pagerTargets(1, 50, 640)).toEqual({
      pageCount: 13,
      first: null,
      previous: null,
      next: 2,
      last: 13,
    });
    expect(pagerTargets(7, 50, 640)).toEqual({
      pageCount: 13,
      first: 1,
      previous: 6,
      next: 8,
      last: 13,
    });
    expect(pagerTargets(13, 50, 640)).toEqual({
      pageCount: 13,
      first: 1,
      previous: 12,
      next: null,
      last: null,
    });
  });

  it("has one page, and nowhere to go, for an empty or short list", () => {
    for (const total of [0, 1, 50])
      expect(pagerTargets(1, 50, total)).toEqual({
        pageCount: 1,
        first: null,
        previous: null,
        next: null,
        last: null,
      });
  });

  it("treats a page past the end (an old link) as the last page", () => {
    expect(pagerTargets(40, 50, 120)).toMatchObject({ pageCount: 3, previous: 2, next: null });
  });
});

describe("parsePageInput", () => {
  it("reads a whole page number, keeping it within the pages there are", () => {
    expect(parsePageInput("4", 13)).toBe(4);
    expect(parsePageInput(" 13 ", 13)).toBe(13);
    expect(parsePageInput("999", 13)).toBe(13);
    expect(parsePageInput("0", 13)).toBe(1);
  });

  it("refuses what is not a page number", () => {
    for (const text of ["", " ", "abc", "2.5", "-3", "1e3", "٣"])
      expect(parsePageInput(text, 13)).toBeNull();
  });
});
