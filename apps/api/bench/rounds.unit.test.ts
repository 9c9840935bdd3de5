import { describe, expect, it } from "vitest";
import { spread, summarise, type Run } from "./rounds.ts";

const run = (p95: number, reqPerSec: number, failures: Partial<Run> = {}): Run => ({
  requests: reqPerSec * 10,
  reqPerSec,
  p50: p95 / 2,
  p90: p95 - 5,
  p95,
  p97_5: p95 + 2,
  p99: p95 + 5,
  max: p95 * 3,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  ...failures,
});
const scenario = { name: "customers: search", path: "/api/v1/customers?search=x" };

describe("summarise", () => {
  it("reports the median round whole, and every round in the order it ran", () => {
    const row = summarise(scenario, [run(63, 484), run(45, 723), run(69, 453)], 50);
    expect(row).toMatchObject({ p95: 63, reqPerSec: 484, p50: 31.5, max: 189 });
    expect(row.p95Rounds).toEqual([63, 45, 69]);
    expect(row.reqPerSecRounds).toEqual([484, 723, 453]);
    expect(row.meetsTarget).toBe(false);
  });

  it("takes the worse of the middle two when the rounds are even", () => {
    expect(summarise(scenario, [run(40, 900), run(60, 500)], 50).p95).toBe(60);
    expect(
      summarise(scenario, [run(30, 900), run(49, 600), run(51, 550), run(80, 300)], 50).p95,
    ).toBe(51);
  });

  it("meets the target only below it, and never when a round had errors", () => {
    expect(summarise(scenario, [run(49.9, 900)], 50).meetsTarget).toBe(true);
    expect(summarise(scenario, [run(50, 900)], 50).meetsTarget).toBe(false);
    const failing = [run(30, 900), run(31, 900, { non2xx: 3 }), run(32, 900)];
    expect(summarise(scenario, failing, 50).meetsTarget).toBe(false);
    expect(summarise(scenario, [run(30, 900, { timeouts: 1 })], 50).meetsTarget).toBe(false);
  });
});

describe("spread", () => {
  it("shows one value as is and several as their range", () => {
    expect(spread([42])).toBe("42");
    expect(spread([63, 45, 69])).toBe("45–69");
  });
});
