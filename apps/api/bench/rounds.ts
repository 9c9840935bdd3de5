/**
 * The list benchmark runs every scenario once per round; a scenario is reported by its median
 * round (by p95; with an even number of rounds, the worse of the middle two), so that one lucky
 * or unlucky run on a machine whose speed drifts does not decide the figure.
 */

/** One scenario measured once. */
export interface Run {
  requests: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p95: number;
  p97_5: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** A scenario as reported: its median round, and every round's p95 and requests/s. */
export interface Row extends Run {
  name: string;
  path: string;
  p95Rounds: number[];
  reqPerSecRounds: number[];
  meetsTarget: boolean;
}

export function summarise(
  s: { name: string; path: string },
  runs: Run[],
  targetP95Ms: number,
): Row {
  const byP95 = [...runs].sort((a, b) => a.p95 - b.p95);
  // With an even number of rounds, the worse of the middle two.
  const median = byP95[Math.floor(byP95.length / 2)]!;
  const failed = runs.some((r) => r.errors > 0 || r.timeouts > 0 || r.non2xx > 0);
  return {
    name: s.name,
    path: s.path,
    ...median,
    p95Rounds: runs.map((r) => r.p95),
    reqPerSecRounds: runs.map((r) => r.reqPerSec),
    meetsTarget: median.p95 < targetP95Ms && !failed,
  };
}

export const spread = (values: number[]) =>
  values.length === 1 ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`;
