import { describe, expect, it } from "vitest";
import { pageWindow } from "./page-window.ts";

/** The rows a window selects out of 0..total-1, in page order. */
function rowsOf(offset: number, max: number, total: number): number[] {
  const w = pageWindow(offset, max, total);
  const order = Array.from({ length: total }, (_, i) => i);
  if (w.reversed) order.reverse();
  const read = order.slice(w.offset, w.offset + w.limit);
  return w.reversed ? read.reverse() : read;
}

describe("pageWindow", () => {
  it("selects exactly the rows OFFSET/LIMIT would, for every page of several list sizes", () => {
    for (const total of [0, 1, 49, 50, 51, 100, 137, 1000]) {
      for (const max of [1, 7, 50]) {
        for (let offset = 0; offset <= total + max; offset += Math.max(1, Math.floor(max / 2))) {
          const expected = Array.from({ length: total }, (_, i) => i).slice(offset, offset + max);
          expect(rowsOf(offset, max, total), `total ${total} max ${max} offset ${offset}`).toEqual(
            expected,
          );
        }
      }
    }
  });

  it("reads the last page of 20,000 rows from the end, skipping nothing", () => {
    expect(pageWindow(19_950, 50, 20_000)).toEqual({ limit: 50, offset: 0, reversed: true });
    expect(pageWindow(19_900, 50, 20_000)).toEqual({ limit: 50, offset: 50, reversed: true });
  });

  it("reads pages before the middle from the start", () => {
    expect(pageWindow(5_000, 50, 20_000)).toEqual({ limit: 50, offset: 5_000, reversed: false });
  });

  it("reads nothing past the end", () => {
    expect(pageWindow(20_000, 50, 20_000).limit).toBe(0);
    expect(pageWindow(25_000, 50, 20_000).limit).toBe(0);
  });
});
