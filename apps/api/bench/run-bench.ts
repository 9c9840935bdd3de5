/**
 * `pnpm bench`: list endpoints at 10,000 customers and 1,000,000 users, 20 concurrent
 * connections, ~10 s per scenario and round, three rounds. Target: p95 < 50 ms.
 *
 * The app runs in a child process (bench-server.ts, on 127.0.0.1 only) against DATABASE_URL, or, when that
 * is unset, against a `partnerhub_bench` database it creates and seeds on the local PostgreSQL
 * (BENCH_ADMIN_URL, default postgresql://postgres:postgres@localhost:5432/postgres).
 * autocannon runs in this process, the server in its own, as clients and server would in production.
 *
 *   BENCH_SECONDS      seconds per scenario (default 10, at most 60)
 *   BENCH_CONNECTIONS  concurrent connections (default 20)
 *   BENCH_ROUNDS       rounds (default 3): every scenario once per round; each is reported by its
 *                      median round, with the spread over all of them
 *   BENCH_ONLY         run only scenarios whose name contains this text
 *   BENCH_PROFILE      a folder: the server writes a V8 CPU profile there when it exits
 *   BENCH_SUITE        list | import | bulk | create | delete: run only that benchmark (`pnpm bench`
 *                      runs this one, then bench/import-bench.ts, bench/bulk-bench.ts,
 *                      bench/create-customers-bench.ts and bench/delete-bench.ts)
 *
 * Writes bench/results/latest.json and bench/results/latest.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fork } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { readEnv } from "../src/config/env.ts";
import { spread, summarise, type Row, type Run } from "./rounds.ts";
import { connectDatabase } from "../src/db/connect.ts";
import { migrate } from "../src/db/migrate.ts";
import {
  BENCH_FULL_ADMIN,
  BENCH_PARTNER,
  BENCH_PARTNER_ADMIN,
  LARGE,
  seedLarge,
} from "../src/db/seed-large.ts";
import { signInForBench } from "./bench-sign-in.ts";

const suite = process.env.BENCH_SUITE ?? "";
if (suite && suite !== "list") {
  console.log(`list benchmark skipped (BENCH_SUITE=${suite})`);
  process.exit(0);
}

const TARGET_P95_MS = 50;
const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, "results");
const seconds = Math.min(60, Math.max(1, Number(process.env.BENCH_SECONDS ?? 10)));
const connections = Math.min(200, Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 20)));
const only = process.env.BENCH_ONLY ?? "";
const rounds = Math.min(10, Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3)));
const env = readEnv();
// Other work on the machine skews every figure; the report records how busy it was.
const loadAtStart = os.loadavg()[0]!;

async function benchDatabaseUrl(): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const adminUrl =
    process.env.BENCH_ADMIN_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query(
      `SELECT 1 FROM pg_database WHERE datname = 'partnerhub_bench'`,
    );
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE partnerhub_bench`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = "/partnerhub_bench";
  return url.toString();
}

interface Scenario {
  name: string;
  as: "full" | "partnerAdmin";
  path: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function measure(url: string, cookie: string, duration: number) {
  return new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url, connections, duration, headers: { cookie, accept: "application/json" }, timeout: 10 },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    // autocannon's histogram has p90 and p97.5 but no p95, so we keep every latency as well.
    instance.on("response", (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const databaseUrl = await benchDatabaseUrl();
  const db = connectDatabase({ kind: "postgres", url: databaseUrl });
  await migrate(db.raw);
  await seedLarge(db.raw, env.DEMO_PASSWORD, (line) => console.log(`seed: ${line}`));

  const [partner] = await db.raw.query<{ id: string }>(`SELECT id FROM "Partner" WHERE name = $1`, [
    BENCH_PARTNER,
  ]);
  const pick = async (sql: string) =>
    (await db.raw.query<{ id: string }>(sql, [partner!.id]))[0]!.id;
  const small = await pick(
    `SELECT id FROM "Customer" WHERE "partnerId" = $1 AND "userCount" = 100 ORDER BY "externalId" LIMIT 1`,
  );
  const big = await pick(
    `SELECT id FROM "Customer" WHERE "partnerId" = $1 ORDER BY "userCount" DESC, "externalId" LIMIT 1`,
  );
  const assignedBig = await pick(
    `SELECT c.id FROM "Customer" c JOIN "AdminCustomerAssignment" a ON a."customerId" = c.id
     JOIN "Admin" ad ON ad.id = a."adminId" AND ad.role = 'partner_admin'
     WHERE c."partnerId" = $1 ORDER BY c."userCount" DESC LIMIT 1`,
  );
  const [someExternalId] = await db.raw.query<{ externalId: string }>(
    `SELECT "externalId" FROM "Customer" WHERE "partnerId" = $1 ORDER BY "externalId" OFFSET 4321 LIMIT 1`,
    [partner!.id],
  );

  const deepUsers = LARGE.bigUsers - 100;
  const scenarios: Scenario[] = [
    { name: "customers: first page", as: "full", path: "/api/v1/customers?max=50" },
    {
      name: "customers: deep page (offset 9,900)",
      as: "full",
      path: "/api/v1/customers?offset=9900&max=50",
    },
    {
      name: "customers: search by name",
      as: "full",
      path: "/api/v1/customers?search=energi&max=50",
    },
    {
      name: "customers: search by external ID",
      as: "full",
      path: `/api/v1/customers?search=${someExternalId!.externalId}`,
    },
    {
      name: "customers: status filter, sort by users",
      as: "full",
      path: "/api/v1/customers?status=active&sort=userCount&order=desc&max=50",
    },
    {
      name: "users: 100-user customer",
      as: "full",
      path: `/api/v1/customers/${small}/users?max=50`,
    },
    {
      name: "users: 20,000-user customer, first page",
      as: "full",
      path: `/api/v1/customers/${big}/users?max=50`,
    },
    {
      name: `users: 20,000-user customer, deep page (offset ${deepUsers})`,
      as: "full",
      path: `/api/v1/customers/${big}/users?offset=${deepUsers}&max=50`,
    },
    {
      name: "users: 20,000-user customer, search",
      as: "full",
      path: `/api/v1/customers/${big}/users?search=andersson&max=50`,
    },
    {
      name: "partner admin: customers (2,000 assigned)",
      as: "partnerAdmin",
      path: "/api/v1/customers?max=50",
    },
    {
      name: "partner admin: users of an assigned 20,000-user customer",
      as: "partnerAdmin",
      path: `/api/v1/customers/${assignedBig}/users?max=50`,
    },
  ].filter((s): s is Scenario => s.name.includes(only));

  const server = fork(path.join(here, "bench-server.ts"), [databaseUrl], {
    // BENCH_PROFILE=dir writes a V8 CPU profile of the server there (open it in Chrome DevTools).
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_PROFILE
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
    ],
    stdio: "inherit",
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("message", (m) => resolve((m as { port: number }).port));
    server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const cookies = {
    full: (await signInForBench(base, BENCH_FULL_ADMIN, env.DEMO_PASSWORD)).cookie,
    partnerAdmin: (await signInForBench(base, BENCH_PARTNER_ADMIN, env.DEMO_PASSWORD)).cookie,
  };

  // Every scenario once per round, rounds one after another: this machine's speed drifts by
  // up to 2× within minutes (docs/performance.md), so one run of a scenario says little. Each
  // scenario is reported by its median round (by p95), with the spread over all rounds.
  const runs = new Map<Scenario, Run[]>(scenarios.map((s) => [s, []]));
  try {
    for (let r = 1; r <= rounds; r++) {
      for (const s of scenarios) {
        const url = base + s.path;
        const probe = await fetch(url, { headers: { cookie: cookies[s.as] } });
        if (!probe.ok) throw new Error(`${s.name}: ${probe.status} ${await probe.text()}`);
        await measure(url, cookies[s.as], 1); // warm-up: connections, plans, caches
        const { result, latencies } = await measure(url, cookies[s.as], seconds);
        latencies.sort((a, b) => a - b);
        const run: Run = {
          requests: result.requests.total,
          reqPerSec: round(result.requests.average),
          p50: round(percentile(latencies, 50)),
          p90: round(percentile(latencies, 90)),
          p95: round(percentile(latencies, 95)),
          p97_5: result.latency.p97_5,
          p99: round(percentile(latencies, 99)),
          max: round(latencies.at(-1) ?? 0),
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
        };
        runs.get(s)!.push(run);
        console.log(
          `round ${r}/${rounds} ${s.name}: p50 ${run.p50} ms, p95 ${run.p95} ms, p99 ${run.p99} ms, ` +
            `${run.reqPerSec} req/s, ${run.errors} errors, ${run.non2xx} non-2xx`,
        );
      }
    }
  } finally {
    server.disconnect();
    await Promise.race([
      new Promise((r) => server.once("exit", r)),
      new Promise((r) => setTimeout(r, 5_000).unref()),
    ]);
    server.kill();
    await db.close();
  }

  const rows = scenarios.map((s) => summarise(s, runs.get(s)!, TARGET_P95_MS));
  console.log("");
  for (const row of rows)
    console.log(
      `${row.meetsTarget ? "ok  " : "SLOW"} ${row.name}: p95 ${row.p95} ms (rounds ${spread(row.p95Rounds)}), ` +
        `${row.reqPerSec} req/s (rounds ${spread(row.reqPerSecRounds)})`,
    );

  const machine = {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage1mAtStart: round(loadAtStart),
  };
  const report = {
    date: new Date().toISOString(),
    machine,
    settings: { connections, secondsPerScenario: seconds, rounds, targetP95Ms: TARGET_P95_MS },
    dataset: {
      customers: LARGE.customers,
      users: LARGE.users,
      bigCustomers: LARGE.big,
      bigCustomerUsers: LARGE.bigUsers,
    },
    results: rows,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(path.join(resultsDir, "latest.md"), markdown(report));
  const missed = rows.filter((r) => !r.meetsTarget);
  console.log(
    `\n${rows.length - missed.length}/${rows.length} scenarios meet p95 < ${TARGET_P95_MS} ms; see bench/results/latest.md`,
  );
  process.exit(0);
}

function markdown(report: {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    platform: string;
    loadAverage1mAtStart: number;
  };
  settings: {
    connections: number;
    secondsPerScenario: number;
    rounds: number;
    targetP95Ms: number;
  };
  results: Row[];
}): string {
  const { machine: m, settings: s } = report;
  const lines = [
    "# List endpoint benchmark",
    "",
    `${report.date} · ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB · Node ${m.node} · ${m.platform} · load average ${m.loadAverage1mAtStart} at start`,
    "",
    `${LARGE.customers.toLocaleString("en")} customers, ${LARGE.users.toLocaleString("en")} users (PostgreSQL); ` +
      `${s.connections} connections, ${s.secondsPerScenario} s per scenario and round, ${s.rounds} rounds; ` +
      "the server logs every request at `info`, as `npm start` does. " +
      `Target: p95 < ${s.targetP95Ms} ms. Each scenario is shown by its median round (by p95), ` +
      "with the p95 and requests/s of every round. " +
      "Latencies in ms; p50/p90/p95/p99 from every response, p97.5 from autocannon's histogram.",
    "",
    "| Scenario | p50 | p90 | p95 | p97.5 | p99 | max | req/s | p95, all rounds | req/s, all rounds | errors | non-2xx | p95 < target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ...report.results.map(
      (r) =>
        `| ${r.name} | ${r.p50} | ${r.p90} | ${r.p95} | ${r.p97_5} | ${r.p99} | ${r.max} | ${r.reqPerSec} | ` +
        `${r.p95Rounds.join(", ")} | ${r.reqPerSecRounds.join(", ")} | ` +
        `${r.errors + r.timeouts} | ${r.non2xx} | ${r.meetsTarget ? "yes" : "**no**"} |`,
    ),
    "",
    "Run it again with `pnpm bench` (see apps/api/bench/run-bench.ts).",
    "",
  ];
  return lines.join("\n");
}

await main();
