/**
 * `pnpm bench` (third step; `BENCH_SUITE=bulk pnpm bench` runs only this): a bulk package change
 * of 1,000 selected users in one request (spec §13, POST …/users/bulk), on PostgreSQL, through
 * the HTTP API of a forked server (bench-server.ts, logging as in production). Target: < 2 s.
 *
 * Each run drops and recreates the database `partnerhub_bulk_bench` on the local PostgreSQL
 * (BENCH_ADMIN_URL, default postgresql://postgres:postgres@localhost:5432/postgres) and seeds a
 * customer with 10,000 Webex Calling users. Each round moves 1,000 of them to Webex Suite (the
 * request, timed from send to answer; the server's own figure is read from its log), checks the
 * result in the database, then measures the floor in the same run: a plain
 * `UPDATE … WHERE id = ANY($1)` of the same 1,000 rows back to Webex Calling (one statement, no
 * checks, no audit). Rounds take different users. BENCH_ROUNDS (default 5).
 *
 * Writes bench/results/bulk.json and bench/results/bulk.md.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PACKAGES } from "@partner-hub/shared";
import { readEnv } from "../src/config/env.ts";
import { connectDatabase } from "../src/db/connect.ts";
import { migrate } from "../src/db/migrate.ts";
import { hashPassword } from "../src/modules/auth/password.ts";
import { recreateBenchDatabase } from "./bench-database.ts";
import { signInForBench } from "./bench-sign-in.ts";

const suite = process.env.BENCH_SUITE ?? "";
if (suite && suite !== "bulk") {
  console.log(`bulk benchmark skipped (BENCH_SUITE=${suite})`);
  process.exit(0);
}

const DB_NAME = "partnerhub_bulk_bench";
const ADMIN_EMAIL = "bulk.admin@bench.example";
const USERS = 10_000;
const SELECTION = 1_000;
const TARGET_MS = 2_000;
const rounds = Math.min(10, Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5)));
const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, "results");
const logFile = path.join(os.tmpdir(), "partnerhub-bench-server.log");
const env = readEnv();
const loadAtStart = os.loadavg();
const WATCHDOG_MS = 10 * 60_000;
setTimeout(() => {
  console.error(`bulk benchmark: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
  process.exit(2);
}, WATCHDOG_MS).unref();

async function seed(client: pg.Client): Promise<{ customerId: string; userIds: string[] }> {
  const partner = await client.query<{ id: string }>(
    `INSERT INTO "Partner"(name) VALUES ('Bulk Bench AB') RETURNING id`,
  );
  const customer = await client.query<{ id: string }>(
    `INSERT INTO "Customer"("partnerId", name, "nameLower", "externalId", status, domain, city, country, "userCount")
     VALUES ($1, 'Bulk Bench Kund AB', 'bulk bench kund ab', 'BB-1', 'active', 'bulk.bench.example', 'Stockholm', 'SE', $2)
     RETURNING id`,
    [partner.rows[0]!.id, USERS],
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
  const users = await client.query<{ id: string }>(
    `INSERT INTO "User"("customerId", email, "emailLower", "firstName", "lastName", "displayName", package,
       "phoneNumber", extension, "locationId", status)
     SELECT $1, 'user' || n || '@bulk.bench.example', 'user' || n || '@bulk.bench.example', 'Bulk', 'User ' || n,
       'Bulk User ' || n, 'webex_calling', CASE WHEN n % 5 <> 4 THEN '+468' || (5000000 + n) END,
       (10000 + n)::text, CASE WHEN n % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'active'
     FROM generate_series(1, $4::int) n ORDER BY n RETURNING id`,
    [customerId, a, b, USERS],
  );
  await client.query(
    `INSERT INTO "Admin"(email, name, "passwordHash", role, "customerId") VALUES ($1, 'Bulk Bench Admin', $2, 'customer_full_admin', $3)`,
    [ADMIN_EMAIL, await hashPassword(env.DEMO_PASSWORD), customerId],
  );
  await client.query(`VACUUM (ANALYZE) "User", "Customer", "Location", "CustomerPackageQuota"`);
  return { customerId, userIds: users.rows.map((r) => r.id) };
}

/** The server's own timing of the last bulk request, from its log (spec: written to the log). */
function loggedMs(): number | null {
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").trim().split("\n") : [];
  for (const line of lines.reverse()) {
    const entry = JSON.parse(line) as { msg?: string; ms?: number };
    if (entry.msg === "bulk user action" && typeof entry.ms === "number") return entry.ms;
  }
  return null;
}

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor((xs.length - 1) / 2)]!;

async function main() {
  const databaseUrl = await recreateBenchDatabase(DB_NAME);
  const db = connectDatabase({ kind: "postgres", url: databaseUrl });
  await migrate(db.raw);
  await db.close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { customerId, userIds } = await seed(client);

  const server = fork(path.join(here, "bench-server.ts"), [databaseUrl], {
    execArgv: ["--import", "tsx", "--max-old-space-size=256"],
    stdio: "inherit",
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("message", (m) => resolve((m as { port: number }).port));
    server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const results: { requestMs: number; serverMs: number | null; floorMs: number }[] = [];
  const checks: string[] = [];
  try {
    const session = await signInForBench(base, ADMIN_EMAIL, env.DEMO_PASSWORD);
    // One warm-up request (10 users) so the first round does not pay for cold code paths.
    const warm = await fetch(`${base}/api/v1/customers/${customerId}/users/bulk`, {
      method: "POST",
      headers: { ...session, "content-type": "application/json" },
      body: JSON.stringify({
        action: "change_package",
        userIds: userIds.slice(-10),
        package: "webex_voice",
      }),
    });
    if (!warm.ok) throw new Error(`warm-up: ${warm.status} ${await warm.text()}`);
    for (let r = 0; r < rounds; r++) {
      const ids = userIds.slice(r * SELECTION, (r + 1) * SELECTION);
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/customers/${customerId}/users/bulk`, {
        method: "POST",
        headers: { ...session, "content-type": "application/json" },
        body: JSON.stringify({ action: "change_package", userIds: ids, package: "webex_suite" }),
      });
      const body = await res.text();
      const requestMs = performance.now() - t;
      if (res.status !== 200 || JSON.parse(body).changed !== SELECTION)
        throw new Error(`round ${r + 1}: ${res.status} ${body.slice(0, 300)}`);
      const moved = await client.query<{ n: number; audit: number }>(
        `SELECT (SELECT count(*)::int FROM "User" WHERE id = ANY($1::uuid[]) AND package = 'webex_suite') AS n,
                (SELECT count(*)::int FROM "AuditEvent" WHERE "userId" = ANY($1::uuid[]) AND source = 'bulk_change_package') AS audit`,
        [ids],
      );
      const { n, audit } = moved.rows[0]!;
      checks.push(`round ${r + 1}: ${n} users on Webex Suite, ${audit} audit events`);
      if (n !== SELECTION || audit !== SELECTION)
        throw new Error(`round ${r + 1}: ${checks.at(-1)}`);
      const f = performance.now();
      await client.query(
        `UPDATE "User" SET package = 'webex_calling', version = version + 1, "updatedAt" = now() WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      const floorMs = performance.now() - f;
      const serverMs = loggedMs();
      results.push({ requestMs, serverMs, floorMs });
      console.log(
        `round ${r + 1}: request ${Math.round(requestMs)} ms (server log ${serverMs ?? "?"} ms), plain UPDATE ${Math.round(floorMs)} ms`,
      );
    }
  } finally {
    server.disconnect();
    await client.end();
  }

  const req = median(results.map((r) => r.requestMs));
  const floor = median(results.map((r) => r.floorMs));
  const logged = results.map((r) => r.serverMs).filter((x): x is number => x !== null);
  const summary = {
    at: new Date().toISOString(),
    machine: `nproc ${os.cpus().length}, load ${loadAtStart.map((l) => l.toFixed(2)).join(" / ")} at start`,
    users: USERS,
    selection: SELECTION,
    rounds,
    requestMsMedian: Math.round(req),
    serverMsMedian: logged.length ? Math.round(median(logged)) : null,
    floorMsMedian: Math.round(floor * 10) / 10,
    requestMsRounds: results.map((r) => Math.round(r.requestMs)),
    floorMsRounds: results.map((r) => Math.round(r.floorMs * 10) / 10),
    targetMs: TARGET_MS,
    met: req < TARGET_MS,
    checks,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, "bulk.json"), JSON.stringify(summary, null, 2) + "\n");
  const md = `# Bulk user action benchmark

${summary.at} · ${summary.machine} · Node ${process.version}

PostgreSQL; a customer with ${USERS.toLocaleString("en")} Webex Calling users; each round moves ${SELECTION.toLocaleString("en")} of them to Webex Suite in one \`POST …/users/bulk\` (${rounds} rounds, different users each; median reported).

| Figure | Value | Target | Met |
|---|---:|---:|:---:|
| Bulk change of ${SELECTION.toLocaleString("en")} users (request sent → 200) | ${summary.requestMsMedian.toLocaleString("en")} ms | < ${TARGET_MS.toLocaleString("en")} ms | ${summary.met ? "yes" : "no"} |
| … as the server logs it (lock, checks, UPDATE, audit, commit) | ${summary.serverMsMedian ?? "?"} ms | | |
| Floor: plain \`UPDATE … WHERE id = ANY($1)\` of the same rows | ${summary.floorMsMedian} ms | | |
| Request / floor | ${(req / floor).toFixed(1)}× | | |

Rounds (request ms): ${summary.requestMsRounds.join(", ")}; floor (ms): ${summary.floorMsRounds.join(", ")}.

Result verified each round: ${checks.length} of ${rounds} rounds had every user moved and one audit event per user.

Run it again with \`BENCH_SUITE=bulk pnpm bench\` (see apps/api/bench/bulk-bench.ts).
`;
  fs.writeFileSync(path.join(resultsDir, "bulk.md"), md);
  console.log(md);
  process.exit(summary.met ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
