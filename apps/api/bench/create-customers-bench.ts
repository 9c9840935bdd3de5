/**
 * `pnpm bench` (fourth step; `BENCH_SUITE=create pnpm bench` runs only this): creating 200
 * customers through the HTTP API (spec §11, POST /customers), each with Webex Calling and Webex
 * Meetings quotas, a location and its first administrator's invitation, on PostgreSQL, against a
 * forked server (bench-server.ts, logging as in production), among 10,000 existing customers of
 * the partner (so the unique and trigram indexes and the trigger-kept counts are full size).
 *
 * Each run drops and recreates the database `partnerhub_create_bench` on the local PostgreSQL
 * (BENCH_ADMIN_URL, default postgresql://postgres:postgres@localhost:5432/postgres). Each round
 * creates 200 customers one request after another (timed from send to 201), checks that the
 * list's total, its status count and its search follow, then measures the floor in the same run:
 * the same rows (customer, two quotas, location, administrator, link, three audit events)
 * written by plain INSERTs, one transaction per customer, from this process. BENCH_ROUNDS
 * (default 3).
 *
 * Writes bench/results/create-customers.json and bench/results/create-customers.md.
 */
import { fork } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { readEnv } from "../src/config/env.ts";
import { connectDatabase } from "../src/db/connect.ts";
import { migrate } from "../src/db/migrate.ts";
import { hashPassword } from "../src/modules/auth/password.ts";
import { recreateBenchDatabase } from "./bench-database.ts";
import { signInForBench } from "./bench-sign-in.ts";

const suite = process.env.BENCH_SUITE ?? "";
if (suite && suite !== "create") {
  console.log(`create-customers benchmark skipped (BENCH_SUITE=${suite})`);
  process.exit(0);
}

const DB_NAME = "partnerhub_create_bench";
const ADMIN_EMAIL = "create.admin@bench.example";
const EXISTING = 10_000;
const CREATES = 200;
const rounds = Math.min(10, Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3)));
const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, "results");
const env = readEnv();
const loadAtStart = os.loadavg();
const WATCHDOG_MS = 10 * 60_000;
setTimeout(() => {
  console.error(`create benchmark: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
  process.exit(2);
}, WATCHDOG_MS).unref();

/** The partner, its full administrator and 10,000 customers with quotas (the counts by trigger). */
async function seed(client: pg.Client): Promise<string> {
  const partner = await client.query<{ id: string }>(
    `INSERT INTO "Partner"(name) VALUES ('Create Bench AB') RETURNING id`,
  );
  const partnerId = partner.rows[0]!.id;
  await client.query(
    `INSERT INTO "Customer"("partnerId", name, "nameLower", "externalId", status, domain, street, city, country)
     SELECT $1, 'Befintlig Kund ' || n || ' AB', 'befintlig kund ' || n || ' ab', 'EX-' || n,
       CASE WHEN n % 10 = 0 THEN 'suspended' ELSE 'active' END::"CustomerStatus",
       'kund' || n || '.bench.example', 'Storgatan ' || (n % 90 + 1), 'Umeå', 'SE'
     FROM generate_series(1, $2::int) n`,
    [partnerId, EXISTING],
  );
  await client.query(
    `INSERT INTO "CustomerPackageQuota"("customerId", package, "maxUsers")
     SELECT id, 'webex_meetings', 100 FROM "Customer" WHERE "partnerId" = $1`,
    [partnerId],
  );
  await client.query(
    `INSERT INTO "Admin"(email, name, "passwordHash", role, "partnerId") VALUES ($1, 'Create Bench Admin', $2, 'partner_full_admin', $3)`,
    [ADMIN_EMAIL, await hashPassword(env.DEMO_PASSWORD), partnerId],
  );
  await client.query(`VACUUM (ANALYZE) "Customer", "CustomerPackageQuota", "Admin"`);
  return partnerId;
}

const address = { street: "Kungsgatan 12", city: "Stockholm", postalCode: "111 35", country: "SE" };

function createBody(tag: string) {
  return {
    name: `Ny Kund ${tag} AB`,
    externalId: `NEW-${tag}`,
    adminEmail: `first.admin@${tag.toLowerCase()}.bench.example`,
    language: "sv",
    address,
    quotas: [
      { package: "webex_calling", maxUsers: 50 },
      { package: "webex_meetings", maxUsers: 100 },
    ],
    location: { name: "Huvudkontoret", address, timeZone: "Europe/Stockholm" },
  };
}

/** The same rows POST /customers writes, by plain INSERTs: one transaction per customer. */
async function plainInsert(client: pg.Client, partnerId: string, actorId: string, tag: string) {
  const b = createBody(tag);
  await client.query("BEGIN");
  try {
    const c = await client.query<{ id: string }>(
      `INSERT INTO "Customer"("partnerId", name, "nameLower", "externalId", status, domain, language, street, city, "postalCode", country)
       VALUES ($1, $2, lower($2), $3, 'active', $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        partnerId,
        b.name,
        b.externalId,
        b.adminEmail.split("@")[1],
        b.language,
        address.street,
        address.city,
        address.postalCode,
        address.country,
      ],
    );
    const customerId = c.rows[0]!.id;
    await client.query(
      `INSERT INTO "CustomerPackageQuota"("customerId", package, "maxUsers") VALUES ($1, 'webex_calling', 50), ($1, 'webex_meetings', 100)`,
      [customerId],
    );
    await client.query(
      `INSERT INTO "Location"("customerId", name, street, city, "postalCode", country, "timeZone")
       VALUES ($1, 'Huvudkontoret', $2, $3, $4, $5, 'Europe/Stockholm')`,
      [customerId, address.street, address.city, address.postalCode, address.country],
    );
    const a = await client.query<{ id: string }>(
      `INSERT INTO "Admin"(email, name, "passwordHash", role, "customerId", status, language)
       VALUES ($1, 'first.admin', 'x', 'customer_full_admin', $2, 'invited', 'sv') RETURNING id`,
      [b.adminEmail, customerId],
    );
    await client.query(
      `INSERT INTO "AdminToken"("adminId", purpose, "tokenHash", "expiresAt", "createdById")
       VALUES ($1, 'invitation', $2, now() + interval '7 days', $3)`,
      [a.rows[0]!.id, createHash("sha256").update(randomBytes(32)).digest("hex"), actorId],
    );
    await client.query(
      `INSERT INTO "AuditEvent"("customerId", "actorId", "actorEmail", "userEmail", action, source, after)
       VALUES ($1, $2, $3, '', 'customer.created', 'customer_settings', '{}'),
              ($1, $2, $3, '', 'location.created', 'customer_settings', '{}'),
              ($1, $2, $3, '', 'admin.invited', 'administration', '{}')`,
      [customerId, actorId, ADMIN_EMAIL],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor((xs.length - 1) / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.ceil(xs.length * 0.95) - 1]!;

async function main() {
  const databaseUrl = await recreateBenchDatabase(DB_NAME);
  const db = connectDatabase({ kind: "postgres", url: databaseUrl });
  await migrate(db.raw);
  await db.close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const partnerId = await seed(client);
  const actorId = (
    await client.query<{ id: string }>(`SELECT id FROM "Admin" WHERE email = $1`, [ADMIN_EMAIL])
  ).rows[0]!.id;

  const server = fork(path.join(here, "bench-server.ts"), [databaseUrl], {
    execArgv: ["--import", "tsx", "--max-old-space-size=256"],
    stdio: "inherit",
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("message", (m) => resolve((m as { port: number }).port));
    server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const results: { totalMs: number; perRequest: number[]; floorMs: number }[] = [];
  const checks: string[] = [];
  try {
    const session = await signInForBench(base, ADMIN_EMAIL, env.DEMO_PASSWORD);
    const post = (tag: string) =>
      fetch(`${base}/api/v1/customers`, {
        method: "POST",
        headers: { ...session, "content-type": "application/json" },
        body: JSON.stringify(createBody(tag)),
      });
    const get = async (url: string) =>
      (await (await fetch(`${base}${url}`, { headers: session })).json()) as {
        total: number;
        items: { externalId: string }[];
      };
    // Warm-up: cold code paths and plans are not what a partner waits for on the 200th create.
    for (let w = 0; w < 5; w++) {
      const res = await post(`W${w}`);
      if (res.status !== 201) throw new Error(`warm-up: ${res.status} ${await res.text()}`);
    }
    for (let r = 0; r < rounds; r++) {
      const before = await get("/api/v1/customers?max=1");
      const perRequest: number[] = [];
      const t = performance.now();
      for (let i = 0; i < CREATES; i++) {
        const s = performance.now();
        const res = await post(`R${r}C${i}`);
        const text = await res.text();
        perRequest.push(performance.now() - s);
        if (res.status !== 201) throw new Error(`round ${r + 1}, #${i}: ${res.status} ${text}`);
      }
      const totalMs = performance.now() - t;
      // The list, its status count and its search have them at once.
      const after = await get("/api/v1/customers?max=1");
      const active = await get("/api/v1/customers?max=1&status=active");
      const counted = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Customer" WHERE "partnerId" = $1 AND status = 'active'`,
        [partnerId],
      );
      const found = await get(`/api/v1/customers?search=${encodeURIComponent(`new-r${r}c199`)}`);
      checks.push(
        `round ${r + 1}: list total ${before.total} → ${after.total}, active ${active.total} (counted ${counted.rows[0]!.n}), search found ${found.items.map((c) => c.externalId).join(", ")}`,
      );
      if (
        after.total !== before.total + CREATES ||
        active.total !== counted.rows[0]!.n ||
        !found.items.some((c) => c.externalId === `NEW-R${r}C199`)
      )
        throw new Error(checks.at(-1));

      const f = performance.now();
      for (let i = 0; i < CREATES; i++) await plainInsert(client, partnerId, actorId, `F${r}C${i}`);
      const floorMs = performance.now() - f;
      results.push({ totalMs, perRequest, floorMs });
      console.log(
        `round ${r + 1}: ${CREATES} creates ${Math.round(totalMs)} ms (median ${median(perRequest).toFixed(1)} ms, p95 ${p95(perRequest).toFixed(1)} ms); plain INSERTs ${Math.round(floorMs)} ms`,
      );
    }
  } finally {
    server.disconnect();
    await client.end();
  }

  const total = median(results.map((r) => r.totalMs));
  const floor = median(results.map((r) => r.floorMs));
  const all = results.flatMap((r) => r.perRequest);
  const summary = {
    at: new Date().toISOString(),
    machine: `nproc ${os.cpus().length}, load ${loadAtStart.map((l) => l.toFixed(2)).join(" / ")} at start`,
    existingCustomers: EXISTING,
    creates: CREATES,
    rounds,
    totalMsMedian: Math.round(total),
    perCustomerMs: Math.round((total / CREATES) * 10) / 10,
    requestMsMedian: Math.round(median(all) * 10) / 10,
    requestMsP95: Math.round(p95(all) * 10) / 10,
    floorMsMedian: Math.round(floor),
    floorPerCustomerMs: Math.round((floor / CREATES) * 10) / 10,
    totalMsRounds: results.map((r) => Math.round(r.totalMs)),
    floorMsRounds: results.map((r) => Math.round(r.floorMs)),
    checks,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(
    path.join(resultsDir, "create-customers.json"),
    JSON.stringify(summary, null, 2) + "\n",
  );
  const md = `# Create customers benchmark

${summary.at} · ${summary.machine} · Node ${process.version}

PostgreSQL; a partner with ${EXISTING.toLocaleString("en")} customers; each round creates ${CREATES} customers through \`POST /api/v1/customers\`, one request after another (Webex Calling and Webex Meetings quotas, a location, the first administrator's invitation; ${rounds} rounds, median reported).

| Figure | Value |
|---|---:|
| ${CREATES} customers through the API (first request sent → last 201) | ${summary.totalMsMedian.toLocaleString("en")} ms |
| … per customer | ${summary.perCustomerMs} ms |
| One request, median / p95 (all rounds) | ${summary.requestMsMedian} / ${summary.requestMsP95} ms |
| Floor: the same rows by plain INSERTs, one transaction per customer | ${summary.floorMsMedian.toLocaleString("en")} ms (${summary.floorPerCustomerMs} ms each) |
| API / floor | ${(total / floor).toFixed(1)}× |

Rounds (API ms): ${summary.totalMsRounds.join(", ")}; floor (ms): ${summary.floorMsRounds.join(", ")}.

Checked after each round: the list's total, its \`status=active\` count (trigger-kept) and its search include the new customers at once.
${checks.map((c) => `- ${c}`).join("\n")}

Run it again with \`BENCH_SUITE=create pnpm bench\` (see apps/api/bench/create-customers-bench.ts).
`;
  fs.writeFileSync(path.join(resultsDir, "create-customers.md"), md);
  console.log(md);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
