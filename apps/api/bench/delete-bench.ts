/**
 * `pnpm bench` (fourth step; `BENCH_SUITE=delete pnpm bench` runs only this): deleting a customer
 * of 20,000 users (spec §11, DELETE /customers/:id) through the HTTP API of a forked server
 * (bench-server.ts with its background jobs, logging as in production), on PostgreSQL, while
 * another customer's users are read as fast as 10 connections can: the deletion must not hold
 * other customers back for more than a moment.
 *
 * Each run drops and recreates the database `partnerhub_delete_bench` on the local PostgreSQL
 * (BENCH_ADMIN_URL, default postgresql://postgres:postgres@localhost:5432/postgres) and seeds one
 * partner with, per round, two identical customers of 20,000 users (numbers, extensions, two
 * locations, quotas), plus the customer whose users are read (2,000 users). Each round:
 *   1. baseline: GET …/users?max=50 of the other customer for BENCH_SECONDS (default 5);
 *   2. the API: DELETE one 20,000-user customer (request timed), then the purge job removes its
 *      users in batches; timed until its `purgedAt` is set, with the other customer read all along;
 *   3. the floor, on the identical copy: one plain `DELETE FROM "User" WHERE "customerId" = $1`
 *      (no batches, no tombstone), the other customer read all along.
 * BENCH_ROUNDS (default 3); medians reported.
 *
 * Writes bench/results/delete.json and bench/results/delete.md.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { PACKAGES } from "@partner-hub/shared";
import { readEnv } from "../src/config/env.ts";
import { connectDatabase } from "../src/db/connect.ts";
import { migrate } from "../src/db/migrate.ts";
import { hashPassword } from "../src/modules/auth/password.ts";
import { recreateBenchDatabase } from "./bench-database.ts";
import { signInForBench } from "./bench-sign-in.ts";

const suite = process.env.BENCH_SUITE ?? "";
if (suite && suite !== "delete") {
  console.log(`delete benchmark skipped (BENCH_SUITE=${suite})`);
  process.exit(0);
}

const DB_NAME = "partnerhub_delete_bench";
const ADMIN_EMAIL = "delete.admin@bench.example";
const USERS = 20_000;
const OTHER_USERS = 2_000;
const CONNECTIONS = 10;
/** Other customers' reads while a deletion runs: p95 within this. */
const TARGET_P95_MS = 100;
const rounds = Math.min(5, Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3)));
const seconds = Math.min(60, Math.max(1, Number(process.env.BENCH_SECONDS ?? 5)));
const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, "results");
const env = readEnv();
const loadAtStart = os.loadavg();
const WATCHDOG_MS = 20 * 60_000;
setTimeout(() => {
  console.error(`delete benchmark: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
  process.exit(2);
}, WATCHDOG_MS).unref();

/** A customer with `users` users as the app keeps them: quotas, two locations, numbers. */
async function seedCustomer(
  client: pg.Client,
  partnerId: string,
  key: string,
  users: number,
): Promise<string> {
  const customer = await client.query<{ id: string }>(
    `INSERT INTO "Customer"("partnerId", name, "nameLower", "externalId", status, domain, city, country, "userCount")
     VALUES ($1, $2, lower($2), $3, 'active', $4, 'Stockholm', 'SE', $5) RETURNING id`,
    [partnerId, `Delete Bench ${key} AB`, `DB-${key}`, `${key.toLowerCase()}.bench.example`, users],
  );
  const customerId = customer.rows[0]!.id;
  await client.query(
    `INSERT INTO "CustomerPackageQuota"("customerId", package, "maxUsers") SELECT $1, p, 50000 FROM unnest($2::text[]) p`,
    [customerId, PACKAGES.map((p) => p.id)],
  );
  const locations = await client.query<{ id: string }>(
    `INSERT INTO "Location"("customerId", name, country) VALUES ($1, 'Stockholm HQ', 'SE'), ($1, 'Göteborg kontor', 'SE') RETURNING id`,
    [customerId],
  );
  const [a, b] = locations.rows.map((l) => l.id);
  await client.query(
    `INSERT INTO "User"("customerId", email, "emailLower", "firstName", "lastName", "displayName", package,
       "phoneNumber", extension, "locationId", status)
     SELECT $1, 'user' || n || '@' || $5, 'user' || n || '@' || $5, 'Bench', 'User ' || n,
       'Bench User ' || n, 'webex_calling', CASE WHEN n % 5 <> 4 THEN '+468' || (5000000 + n) END,
       (10000 + n)::text, CASE WHEN n % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'active'
     FROM generate_series(1, $4::int) n`,
    [customerId, a, b, users, `${key.toLowerCase()}.bench.example`],
  );
  return customerId;
}

interface Reads {
  count: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Reads the other customer's users until `until` resolves; every latency kept for p95. */
async function readWhile(url: string, cookie: string, until: Promise<unknown>): Promise<Reads> {
  const latencies: number[] = [];
  let errors = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const instance = autocannon(
    {
      url,
      connections: CONNECTIONS,
      duration: 600,
      headers: { cookie, accept: "application/json" },
      timeout: 30,
    },
    () => finish(),
  );
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status !== 200) errors += 1;
    latencies.push(ms);
  });
  try {
    await until;
  } finally {
    instance.stop();
    await finished;
  }
  latencies.sort((x, y) => x - y);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    count: latencies.length,
    p50: r(percentile(latencies, 50)),
    p95: r(percentile(latencies, 95)),
    max: r(latencies.at(-1) ?? 0),
    errors,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor((xs.length - 1) / 2)]!;

async function main() {
  const databaseUrl = await recreateBenchDatabase(DB_NAME);
  const db = connectDatabase({ kind: "postgres", url: databaseUrl });
  await migrate(db.raw);
  await db.close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const partner = await client.query<{ id: string }>(
    `INSERT INTO "Partner"(name) VALUES ('Delete Bench AB') RETURNING id`,
  );
  const partnerId = partner.rows[0]!.id;
  await client.query(
    `INSERT INTO "Admin"(email, name, "passwordHash", role, "partnerId") VALUES ($1, 'Delete Bench Admin', $2, 'partner_full_admin', $3)`,
    [ADMIN_EMAIL, await hashPassword(env.DEMO_PASSWORD), partnerId],
  );
  const other = await seedCustomer(client, partnerId, "Other", OTHER_USERS);
  const pairs: { api: string; floor: string }[] = [];
  for (let r = 0; r < rounds; r++) {
    pairs.push({
      api: await seedCustomer(client, partnerId, `Api${r}`, USERS),
      floor: await seedCustomer(client, partnerId, `Floor${r}`, USERS),
    });
    console.log(`seed: round ${r + 1}: two customers of ${USERS.toLocaleString("en")} users`);
  }
  await client.query(`VACUUM (ANALYZE) "User", "Customer", "Location", "CustomerPackageQuota"`);

  // "worker": the server runs its background jobs, the purge of deleted customers among them.
  const server = fork(path.join(here, "bench-server.ts"), [databaseUrl, "worker"], {
    execArgv: ["--import", "tsx", "--max-old-space-size=256"],
    stdio: "inherit",
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("message", (m) => resolve((m as { port: number }).port));
    server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const readsUrl = `${base}/api/v1/customers/${other}/users?max=50`;
  const results: {
    baseline: Reads;
    requestMs: number;
    purgeMs: number;
    during: Reads;
    floorMs: number;
    duringFloor: Reads;
  }[] = [];
  const checks: string[] = [];
  try {
    const session = await signInForBench(base, ADMIN_EMAIL, env.DEMO_PASSWORD);
    // Warm-up: the read path's code and plans.
    await readWhile(readsUrl, session.cookie, sleep(1000));
    for (const [r, pair] of pairs.entries()) {
      const baseline = await readWhile(readsUrl, session.cookie, sleep(seconds * 1000));

      let requestMs = 0;
      let purgeMs = 0;
      const deletion = (async () => {
        await sleep(500); // the reads are under way first
        const t = performance.now();
        const res = await fetch(`${base}/api/v1/customers/${pair.api}`, {
          method: "DELETE",
          headers: session,
        });
        requestMs = performance.now() - t;
        if (res.status !== 204)
          throw new Error(`round ${r + 1}: ${res.status} ${await res.text()}`);
        for (;;) {
          const done = await client.query<{ purged: boolean }>(
            `SELECT "purgedAt" IS NOT NULL AS purged FROM "Customer" WHERE id = $1`,
            [pair.api],
          );
          if (done.rows[0]!.purged) break;
          await sleep(20);
        }
        purgeMs = performance.now() - t;
        await sleep(500); // and go on a little after
      })();
      const during = await readWhile(readsUrl, session.cookie, deletion);

      let floorMs = 0;
      const floor = (async () => {
        await sleep(500);
        const f = performance.now();
        await client.query(`DELETE FROM "User" WHERE "customerId" = $1`, [pair.floor]);
        floorMs = performance.now() - f;
        await sleep(500);
      })();
      const duringFloor = await readWhile(readsUrl, session.cookie, floor);

      const left = await client.query<{ users: number; listed: number; total: number }>(
        `SELECT (SELECT count(*)::int FROM "User" WHERE "customerId" = $1) AS users,
                (SELECT count(*)::int FROM "Customer" WHERE "partnerId" = $2 AND "deletedAt" IS NULL) AS listed,
                (SELECT "customerCount" FROM "Partner" WHERE id = $2) AS total`,
        [pair.api, partnerId],
      );
      const { users, listed, total } = left.rows[0]!;
      checks.push(
        `round ${r + 1}: ${users} users left, ${listed} live customers, partner count ${total}`,
      );
      if (users !== 0 || listed !== total) throw new Error(checks.at(-1));
      results.push({ baseline, requestMs, purgeMs, during, floorMs, duringFloor });
      console.log(
        `round ${r + 1}: DELETE ${Math.round(requestMs)} ms, purge ${Math.round(purgeMs)} ms, floor ${Math.round(floorMs)} ms; ` +
          `other customer p95/max ${baseline.p95}/${baseline.max} ms before, ${during.p95}/${during.max} ms during, ${duringFloor.p95}/${duringFloor.max} ms during the floor`,
      );
    }
  } finally {
    server.disconnect();
    await client.end();
  }

  const pick = (f: (x: (typeof results)[number]) => number) => median(results.map(f));
  const summary = {
    at: new Date().toISOString(),
    machine: `nproc ${os.cpus().length}, load ${loadAtStart.map((l) => l.toFixed(2)).join(" / ")} at start`,
    users: USERS,
    rounds,
    connections: CONNECTIONS,
    requestMsMedian: Math.round(pick((x) => x.requestMs)),
    purgeMsMedian: Math.round(pick((x) => x.purgeMs)),
    floorMsMedian: Math.round(pick((x) => x.floorMs)),
    baselineP95Median: pick((x) => x.baseline.p95),
    baselineMaxMedian: pick((x) => x.baseline.max),
    duringP95Median: pick((x) => x.during.p95),
    duringMaxMedian: pick((x) => x.during.max),
    duringFloorP95Median: pick((x) => x.duringFloor.p95),
    duringFloorMaxMedian: pick((x) => x.duringFloor.max),
    readErrors: results.reduce(
      (n, x) => n + x.baseline.errors + x.during.errors + x.duringFloor.errors,
      0,
    ),
    targetP95Ms: TARGET_P95_MS,
    met: false,
    rounds_: results,
    checks,
  };
  summary.met = summary.duringP95Median < TARGET_P95_MS && summary.readErrors === 0;
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, "delete.json"), JSON.stringify(summary, null, 2) + "\n");
  const md = `# Delete customer benchmark

${summary.at} · ${summary.machine} · Node ${process.version}

PostgreSQL; each round deletes a customer of ${USERS.toLocaleString("en")} users with \`DELETE /api/v1/customers/:id\` (the purge job then removes its users in batches of 1,000), while ${CONNECTIONS} connections read another customer's users (\`GET …/users?max=50\`, ${OTHER_USERS.toLocaleString("en")} users); the floor is one plain \`DELETE FROM "User" WHERE "customerId" = $1\` on an identical copy, with the same reads. ${rounds} rounds, medians reported.

| Figure | Value | Target | Met |
|---|---:|---:|:---:|
| \`DELETE /customers/:id\` answered (customer 404 everywhere from here) | ${summary.requestMsMedian.toLocaleString("en")} ms | | |
| All ${USERS.toLocaleString("en")} users removed (request sent → \`purgedAt\` set) | ${summary.purgeMsMedian.toLocaleString("en")} ms | | |
| Floor: one plain \`DELETE\` of the copy's users | ${summary.floorMsMedian.toLocaleString("en")} ms | | |
| Other customer's reads, p95 / max: before | ${summary.baselineP95Median} / ${summary.baselineMaxMedian} ms | | |
| … while the customer is deleted | ${summary.duringP95Median} / ${summary.duringMaxMedian} ms | p95 < ${TARGET_P95_MS} ms | ${summary.met ? "yes" : "no"} |
| … while the floor's plain \`DELETE\` runs | ${summary.duringFloorP95Median} / ${summary.duringFloorMaxMedian} ms | | |

Read errors (non-200): ${summary.readErrors}. Rounds: ${results
    .map(
      (x, i) =>
        `${i + 1}: DELETE ${Math.round(x.requestMs)} ms, purge ${Math.round(x.purgeMs)} ms, floor ${Math.round(x.floorMs)} ms, reads p95 ${x.baseline.p95} → ${x.during.p95} (floor ${x.duringFloor.p95}) ms`,
    )
    .join("; ")}.

Result verified each round: ${checks.join("; ")}.

Run it again with \`BENCH_SUITE=delete pnpm bench\` (see apps/api/bench/delete-bench.ts).
`;
  fs.writeFileSync(path.join(resultsDir, "delete.md"), md);
  console.log(md);
  process.exit(summary.met ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
