/**
 * `pnpm bench` (second step; `BENCH_SUITE=import pnpm bench` runs only this): the CSV import of
 * a 20,000-row file into a customer with 10,000 users, on PostgreSQL, through the HTTP API with
 * the in-process import worker. Targets on a 2-core machine: preview < 3 s, apply < 10 s
 * (> 2,000 file rows/s), peak resident memory < 400 MB.
 *
 * Each run drops and recreates the database `partnerhub_import_bench` on the local PostgreSQL
 * (BENCH_ADMIN_URL, default postgresql://postgres:postgres@localhost:5432/postgres), migrates
 * and seeds it, builds the file with the shared CSV serialiser, starts the app on 127.0.0.1,
 * signs in, and times preview (upload → 201) and apply (POST apply → task `completed`, polled
 * every 100 ms). The result is checked (counts, users in the database, audit events) so the
 * figures are for a correct run. For scale it then times a plain bulk insert of the same
 * 10,000 new users into a fresh customer: one INSERT … SELECT FROM jsonb_to_recordset (the
 * reference), and Prisma createMany in chunks of 1,000.
 *
 *   BENCH_IMPORT_BATCH    the worker's batch size (default: the worker's own default)
 *   BENCH_IMPORT_EXISTING_USERS  the customer's users before the import (default and minimum
 *                         10,000): the 10,000 the file is about plus as many others, written
 *                         with one INSERT … SELECT generate_series, so the cost of a big
 *                         customer (spec: 1,000,000 users) can be measured with the same file.
 *   BENCH_IMPORT_PROFILE  1: time every SQL statement (pg driver level) and print, per phase,
 *                         where the database time goes. Adds a little overhead; for diagnosis.
 *
 * Writes bench/results/import.json and bench/results/import.md.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import pg from "pg";
import {
  CSV_BOM,
  CSV_EOL,
  CSV_HEADERS,
  EMAIL_HEADER,
  PACKAGES,
  formatFlagCell,
  isCallingPackage,
  isMeetingsPackage,
  serialiseCsvHeader,
  serialiseUserRow,
  type BaseLicenceId,
  type CsvExportUser,
  type ImportPreview,
  type PackageId,
} from "@partner-hub/shared";
import { buildApp } from "../src/app.ts";
import { readEnv } from "../src/config/env.ts";
import { connectDatabase, type Database, type RawSql } from "../src/db/connect.ts";
import { FIRST_NAMES, LAST_NAMES, asciiLocal, createRandom } from "../src/db/demo-data.ts";
import { migrate } from "../src/db/migrate.ts";
import { hashPassword } from "../src/modules/auth/password.ts";
import { recreateBenchDatabase } from "./bench-database.ts";
import { signInForBench } from "./bench-sign-in.ts";

const suite = process.env.BENCH_SUITE ?? "";
if (suite && suite !== "import") {
  console.log(`import benchmark skipped (BENCH_SUITE=${suite})`);
  process.exit(0);
}

// BENCH_IMPORT_DB: another name, so two checkouts can be measured one after the other side by side.
const DB_NAME = process.env.BENCH_IMPORT_DB ?? "partnerhub_import_bench";
const ADMIN_EMAIL = "import.admin@bench.example";
const DOMAIN = "import.bench.example";
const LOCATIONS = ["Stockholm HQ", "Göteborg kontor", "Malmö kontor", "Uppsala kontor"] as const;
const SIZE = {
  existing: 10_000,
  adds: 10_000,
  modifies: 5_000,
  removes: 1_000,
  errorsPerKind: 100,
} as const;
const FILE_ROWS = 20_000;
// Users the file does not mention (BENCH_IMPORT_EXISTING_USERS beyond SIZE.existing).
const OTHER_USERS = Math.max(
  0,
  Number(process.env.BENCH_IMPORT_EXISTING_USERS ?? SIZE.existing) - SIZE.existing,
);
const TOTAL_EXISTING = SIZE.existing + OTHER_USERS;
// Room in every quota for everyone (50,000, as always, unless the customer is bigger).
const QUOTA_PER_PACKAGE = Math.max(50_000, TOTAL_EXISTING + SIZE.adds);
const UNCHANGED = FILE_ROWS - SIZE.adds - SIZE.modifies - SIZE.removes - 3 * SIZE.errorsPerKind;
const TARGETS = {
  previewMs: 3_000,
  applyMs: 10_000,
  rowsPerSecond: 2_000,
  peakRssMB: 400,
} as const;
const POLL_MS = 100;
const APPLY_TIMEOUT_MS = 5 * 60_000;
// Everything is bounded: a run that hangs ends here instead of holding the machine.
const WATCHDOG_MS = 15 * 60_000;

const here = path.dirname(fileURLToPath(import.meta.url));
// The heap cap scripts/start.sh gives the API in production (V8 collects before RSS balloons).
const HEAP_CAP = "--max-old-space-size=256";
const resultsDir = path.join(here, "results");
const env = readEnv();
const loadAtStart = os.loadavg();
const batchSize = process.env.BENCH_IMPORT_BATCH
  ? Number(process.env.BENCH_IMPORT_BATCH)
  : undefined;

setTimeout(() => {
  console.error(`import benchmark: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
  process.exit(2);
}, WATCHDOG_MS).unref();

// ---------------------------------------------------------------------------------------------
// BENCH_IMPORT_PROFILE=1: every statement through the pg driver (Prisma's adapter and raw SQL
// alike) timed from submission to answer, summed per phase and per statement shape.

const queryProfile = {
  enabled: process.env.BENCH_IMPORT_PROFILE === "1",
  phase: "setup",
  totals: new Map<string, { count: number; ms: number; rows: number }>(),
  record(sql: string, ms: number, rows: number) {
    const shape = sql
      .slice(0, 400)
      .replace(/\s+/g, " ")
      .replace(/\$\d+/g, "$")
      .trim()
      .slice(0, 140);
    const key = `${this.phase}\u0000${shape}`;
    const t = this.totals.get(key) ?? { count: 0, ms: 0, rows: 0 };
    t.count++;
    t.ms += ms;
    t.rows += rows;
    this.totals.set(key, t);
  },
  print() {
    const byPhase = new Map<string, [string, { count: number; ms: number; rows: number }][]>();
    for (const [key, t] of this.totals) {
      const [phase, shape] = key.split("\u0000") as [string, string];
      byPhase.set(phase, [...(byPhase.get(phase) ?? []), [shape, t]]);
    }
    for (const [phase, list] of byPhase) {
      const total = list.reduce((a, [, t]) => a + t.ms, 0);
      console.log(
        `\n[profile] ${phase}: ${list.reduce((a, [, t]) => a + t.count, 0)} calls, ${Math.round(total)} ms`,
      );
      for (const [shape, t] of list.sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
        console.log(
          `  ${String(Math.round(t.ms)).padStart(7)} ms ${String(t.count).padStart(6)}× ${String(t.rows).padStart(7)} rows  ${shape}`,
        );
      }
    }
  },
};
if (queryProfile.enabled) {
  type Query = (...args: unknown[]) => unknown;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const sql = typeof first === "string" ? first : (first?.text ?? "?");
    const t = performance.now();
    const done = (res: unknown) =>
      queryProfile.record(
        `[sql] ${sql}`,
        performance.now() - t,
        (res as { rowCount?: number } | undefined)?.rowCount ?? 0,
      );
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        done(res);
        return (last as (e: unknown, r: unknown) => unknown)(err, res);
      };
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(done, () => done(undefined));
    }
    return result;
  };
}

/**
 * The same client with every Prisma operation timed (wall time: query compilation, parameter
 * serialisation, the statement, result interpretation). Set beside the [sql] lines, the
 * difference is time spent in JavaScript/WASM rather than in PostgreSQL.
 */
function profiledPrisma(prisma: Database["prisma"]): Database["prisma"] {
  return prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const t = performance.now();
        try {
          return await query(args);
        } finally {
          const data = (args as { data?: unknown } | undefined)?.data;
          const n = Array.isArray(data) ? data.length : 1;
          queryProfile.record(`[prisma] ${model ?? ""}.${operation}`, performance.now() - t, n);
        }
      },
    },
  }) as unknown as Database["prisma"];
}

// ---------------------------------------------------------------------------------------------
// Resident memory, sampled every 100 ms for the whole run; peaks are kept per phase too.

/** The API's process: a forked server (normal runs) or this one (BENCH_IMPORT_PROFILE). */
let apiPid: number | null = null;
function apiRss(): number {
  if (apiPid === null) return process.memoryUsage().rss;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${apiPid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

const rss = {
  peak: 0,
  phasePeak: 0,
  sample() {
    const now = apiRss();
    if (now > this.peak) this.peak = now;
    if (now > this.phasePeak) this.phasePeak = now;
  },
  /** Starts a phase: returns a function giving the phase's peak in MB. */
  phase() {
    this.sample();
    this.phasePeak = apiRss();
    return () => {
      this.sample();
      return mb(this.phasePeak);
    };
  },
};
const sampler = setInterval(() => rss.sample(), 100);
sampler.unref();
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const since = (t: number) => performance.now() - t;

// ---------------------------------------------------------------------------------------------
// The data: existing users, the file's rows, and what applying them must give.

interface BenchUser extends CsvExportUser {
  package: PackageId;
}

// The package mix of real customers: mostly calling, a fifth meetings-only or suite.
const PACKAGE_MIX: PackageId[] = [
  "webex_calling",
  "webex_calling",
  "webex_calling",
  "webex_voice",
  "webex_suite",
  "webex_suite",
  "webex_meetings",
  "webex_meetings",
  "webex_calling_standard",
  "cx_essentials",
];

function licences(n: number): BaseLicenceId[] {
  const all: [BaseLicenceId, boolean][] = [
    ["basic_messaging", n % 3 !== 0],
    ["basic_space_meetings", n % 4 !== 0],
    ["call_on_webex", n % 2 === 0],
  ];
  return all.filter(([, on]) => on).map(([id]) => id);
}

/** User n of a series: the same function gives the seeded users and the file's new ones. */
function makeUser(
  n: number,
  series: "user" | "new",
  numberBase: number,
  extensionBase: number,
): BenchUser {
  const firstName = FIRST_NAMES[n % FIRST_NAMES.length]!;
  const lastName = LAST_NAMES[Math.floor(n / 7) % LAST_NAMES.length]!;
  const pkg = PACKAGE_MIX[n % PACKAGE_MIX.length]!;
  const calling = isCallingPackage(pkg);
  const local = `${series}.${asciiLocal(firstName)}.${asciiLocal(lastName)}.${n}`;
  return {
    email: `${local}@${DOMAIN}`,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    // Calling users have a number and an extension, every fifth an extension only.
    phoneNumber: calling && n % 5 !== 4 ? `+468${numberBase + n}` : null,
    extension: calling ? String(extensionBase + n) : null,
    locationName: calling ? LOCATIONS[n % LOCATIONS.length]! : null,
    preferredWebexSite: isMeetingsPackage(pkg) ? "bench.webex.com" : null,
    status: "active",
    package: pkg,
    baseLicences: licences(n),
  };
}

const existingUsers = Array.from({ length: SIZE.existing }, (_, u) =>
  makeUser(u, "user", 5_000_000, 10_000),
);
const newUsers = Array.from({ length: SIZE.adds }, (_, i) => makeUser(i, "new", 6_000_000, 30_000));

const CALLING_NEXT: Partial<Record<PackageId, PackageId>> = {
  webex_calling: "webex_voice",
  webex_voice: "webex_calling_standard",
  webex_calling_standard: "webex_calling",
  cx_essentials: "webex_calling",
};

/** Existing user u as the file changes it: even u renamed, odd u another package. */
function modified(u: number): BenchUser {
  const user = existingUsers[u]!;
  if (u % 2 === 0) return { ...user, firstName: "Ändrad", displayName: `Ändrad ${user.lastName}` };
  if (user.package === "webex_suite") {
    // Suite → Meetings: the calling cells are left empty, so the number is released.
    return {
      ...user,
      package: "webex_meetings",
      phoneNumber: null,
      extension: null,
      locationName: null,
    };
  }
  if (user.package === "webex_meetings") {
    return {
      ...user,
      package: "webex_suite",
      phoneNumber: `+468${7_000_000 + u}`,
      extension: String(50_000 + u),
      locationName: LOCATIONS[u % LOCATIONS.length]!,
    };
  }
  return { ...user, package: CALLING_NEXT[user.package]! };
}

const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;
/** A row from named cells (absent cells empty), for the rows the serialiser cannot express. */
function cellsLine(cells: Partial<Record<string, string>>): string {
  const quote = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return CSV_HEADERS.map((h) => quote(cells[h] ?? "")).join(",") + CSV_EOL;
}
const packageCells = (value: (id: PackageId) => boolean) =>
  Object.fromEntries(PACKAGES.map((p) => [p.displayName, formatFlagCell(value(p.id))]));

interface BenchFile {
  text: string;
  bytes: number;
  expected: {
    add: number;
    modify: number;
    remove: number;
    unchanged: number;
    skipped: number;
    error: number;
  };
}

function buildFile(): BenchFile {
  const lines: string[] = [];
  for (const user of newUsers) lines.push(serialiseUserRow(user));
  for (let u = 0; u < SIZE.modifies; u++) lines.push(serialiseUserRow(modified(u)));
  // Removal: every package column FALSE (spec §6), the other cells empty.
  for (let u = SIZE.modifies; u < SIZE.modifies + SIZE.removes; u++) {
    lines.push(
      cellsLine({ [EMAIL_HEADER]: existingUsers[u]!.email, ...packageCells(() => false) }),
    );
  }
  const firstUnchanged = SIZE.modifies + SIZE.removes;
  for (let u = firstUnchanged; u < firstUnchanged + UNCHANGED; u++)
    lines.push(serialiseUserRow(existingUsers[u]!));
  for (let k = 0; k < SIZE.errorsPerKind; k++) {
    // Two packages TRUE.
    lines.push(
      cellsLine({
        [EMAIL_HEADER]: `error.two.${k}@${DOMAIN}`,
        "First Name": "Två",
        ...packageCells((id) => id === "webex_calling" || id === "webex_meetings"),
        "Phone Number": `+468${8_000_000 + k}`,
        Location: LOCATIONS[0],
      }),
    );
    // A location the customer does not have.
    lines.push(
      cellsLine({
        [EMAIL_HEADER]: `error.location.${k}@${DOMAIN}`,
        "First Name": "Okänd",
        ...packageCells((id) => id === "webex_calling"),
        "Phone Number": `+468${8_100_000 + k}`,
        Location: "Atlantis kontor",
      }),
    );
    // Not an email address.
    lines.push(
      cellsLine({
        [EMAIL_HEADER]: `not-an-email-${k}`,
        ...packageCells((id) => id === "webex_meetings"),
      }),
    );
  }
  // A real file is not sorted by outcome: shuffle, with a fixed seed so every run is the same file.
  const random = createRandom(20_000);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  const text = CSV_BOM + serialiseCsvHeader() + lines.join("");
  if (lines.length !== FILE_ROWS)
    throw new Error(`built ${lines.length} rows, expected ${FILE_ROWS}`);
  return {
    text,
    bytes: Buffer.byteLength(text),
    expected: {
      add: SIZE.adds,
      modify: SIZE.modifies,
      remove: SIZE.removes,
      unchanged: UNCHANGED,
      skipped: 0,
      error: 3 * SIZE.errorsPerKind,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Database: drop, create, migrate, seed.

/** Fields as the User table stores them, location resolved to an id. */
function userRecords(users: readonly BenchUser[], locationIds: Map<string, string>) {
  return users.map((u) => ({
    email: u.email,
    emailLower: u.email.toLowerCase(),
    firstName: u.firstName,
    lastName: u.lastName,
    displayName: u.displayName,
    package: u.package,
    phoneNumber: u.phoneNumber,
    extension: u.extension,
    locationId: u.locationName ? locationIds.get(u.locationName)! : null,
    preferredWebexSite: u.preferredWebexSite,
    basicMessaging: u.baseLicences.includes("basic_messaging"),
    basicSpaceMeetings: u.baseLicences.includes("basic_space_meetings"),
    callOnWebex: u.baseLicences.includes("call_on_webex"),
  }));
}

const INSERT_USERS = `
  INSERT INTO "User"("customerId", email, "emailLower", "firstName", "lastName", "displayName", package,
                     "phoneNumber", extension, "locationId", "preferredWebexSite", "basicMessaging",
                     "basicSpaceMeetings", "callOnWebex", status)
  SELECT $1::uuid, x.email, x."emailLower", x."firstName", x."lastName", x."displayName", x.package,
         x."phoneNumber", x.extension, x."locationId", x."preferredWebexSite", x."basicMessaging",
         x."basicSpaceMeetings", x."callOnWebex", $3::"UserStatus"
  FROM jsonb_to_recordset($2::jsonb) AS x(email text, "emailLower" text, "firstName" text, "lastName" text,
       "displayName" text, package text, "phoneNumber" text, extension text, "locationId" uuid,
       "preferredWebexSite" text, "basicMessaging" boolean, "basicSpaceMeetings" boolean, "callOnWebex" boolean)`;

/** A customer with the four locations and room in every quota; returns its id and location ids. */
async function createCustomer(raw: RawSql, partnerId: string, name: string, externalId: string) {
  // Its Webex site is the one the meetings users prefer (as migration 0019 gave customers the
  // sites their users already preferred): otherwise every meetings row gets a warning.
  const [customer] = await raw.query<{ id: string }>(
    `INSERT INTO "Customer"("partnerId", name, "nameLower", "externalId", status, domain, city, country, "webexSites")
     VALUES ($1, $2, lower($2), $3, 'active', $4, 'Stockholm', 'SE', ARRAY['bench.webex.com']) RETURNING id`,
    [partnerId, name, externalId, DOMAIN],
  );
  const customerId = customer!.id;
  await raw.query(
    `INSERT INTO "CustomerPackageQuota"("customerId", package, "maxUsers") SELECT $1, p, $3 FROM unnest($2::text[]) p`,
    [customerId, PACKAGES.map((p) => p.id), QUOTA_PER_PACKAGE],
  );
  const locations = await raw.query<{ id: string; name: string }>(
    `INSERT INTO "Location"("customerId", name, street, city, "postalCode", country)
     SELECT $1, n, 'Kungsgatan 1', split_part(n, ' ', 1), '111 22', 'SE' FROM unnest($2::text[]) n RETURNING id, name`,
    [customerId, [...LOCATIONS]],
  );
  return { customerId, locationIds: new Map(locations.map((l) => [l.name, l.id])) };
}

async function seed(db: Database) {
  const { raw } = db;
  const [partner] = await raw.query<{ id: string }>(
    `INSERT INTO "Partner"(name) VALUES ('Import Bench AB') RETURNING id`,
  );
  const { customerId, locationIds } = await createCustomer(
    raw,
    partner!.id,
    "Import Bench Kund AB",
    "IB-1",
  );
  await raw.query(INSERT_USERS, [
    customerId,
    JSON.stringify(userRecords(existingUsers, locationIds)),
    "active",
  ]);
  if (OTHER_USERS > 0) {
    // The others: the same package mix, calling users with a number, an extension and a location,
    // in ranges no row of the file uses (+4690…, extensions from 1,000,000).
    await raw.query(
      `INSERT INTO "User"("customerId", email, "emailLower", "firstName", "lastName", "displayName", package,
                          "phoneNumber", extension, "locationId", "preferredWebexSite", "basicMessaging",
                          "basicSpaceMeetings", "callOnWebex", status)
       SELECT $1::uuid, 'other.' || n || '@${DOMAIN}', 'other.' || n || '@${DOMAIN}', 'Annan', 'Användare ' || n,
              'Annan Användare ' || n, p.package,
              CASE WHEN p.calling THEN '+4690' || lpad(n::text, 8, '0') END,
              CASE WHEN p.calling THEN (1000000 + n)::text END,
              CASE WHEN p.calling THEN ($3::uuid[])[1 + n % array_length($3::uuid[], 1)] END,
              CASE WHEN p.meetings THEN 'bench.webex.com' END,
              n % 3 <> 0, n % 4 <> 0, n % 2 = 0, 'active'
       FROM generate_series(1, $2::int) n
       CROSS JOIN LATERAL (
         SELECT ($4::text[])[1 + n % array_length($4::text[], 1)] AS package,
                ($5::boolean[])[1 + n % array_length($4::text[], 1)] AS calling,
                ($6::boolean[])[1 + n % array_length($4::text[], 1)] AS meetings
       ) p`,
      [
        customerId,
        OTHER_USERS,
        [...locationIds.values()],
        PACKAGE_MIX,
        PACKAGE_MIX.map(isCallingPackage),
        PACKAGE_MIX.map(isMeetingsPackage),
      ],
    );
  }
  await raw.query(`UPDATE "Customer" SET "userCount" = $2 WHERE id = $1`, [
    customerId,
    TOTAL_EXISTING,
  ]);
  await raw.query(
    `INSERT INTO "Admin"(email, name, "passwordHash", role, "customerId") VALUES ($1, 'Import Bench Admin', $2, 'customer_full_admin', $3)`,
    [ADMIN_EMAIL, await hashPassword(env.DEMO_PASSWORD), customerId],
  );
  // As autovacuum soon would: measuring against tables without statistics benchmarks a state
  // production never sits in.
  await raw.exec(
    `VACUUM (ANALYZE) "Customer", "User", "Location", "CustomerPackageQuota", "Admin"`,
  );
  return { partnerId: partner!.id, customerId };
}

// ---------------------------------------------------------------------------------------------
// HTTP

async function json<T>(res: Response, status: number, what: string): Promise<T> {
  const text = await res.text();
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

// ---------------------------------------------------------------------------------------------

interface Check {
  what: string;
  expected: unknown;
  actual: unknown;
  ok: boolean;
}

async function main() {
  const started = performance.now();
  const databaseUrl = await recreateBenchDatabase(DB_NAME);
  const db = connectDatabase({ kind: "postgres", url: databaseUrl });
  await migrate(db.raw);
  let t = performance.now();
  const { partnerId, customerId } = await seed(db);
  const seedMs = since(t);
  console.log(`seed: ${TOTAL_EXISTING.toLocaleString("en")} users in ${round(seedMs / 1000)} s`);

  t = performance.now();
  const file = buildFile();
  const buildMs = since(t);
  console.log(
    `file: ${FILE_ROWS.toLocaleString("en")} rows, ${round(file.bytes / 2 ** 20, 2)} MB, built in ${Math.round(buildMs)} ms`,
  );

  // The API runs in its own process, as in production, so its resident memory is measured
  // without this script's file and seed data; profiling needs it in this process.
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let server: ChildProcess | null = null;
  let port: number;
  if (queryProfile.enabled || batchSize) {
    app = await buildApp({
      db: queryProfile.enabled ? { ...db, prisma: profiledPrisma(db.prisma) } : db,
      logger: false,
      importWorker: {
        ...(batchSize ? { batchSize } : {}),
        log: { error: (obj, msg) => console.error(`worker: ${msg ?? ""}`, obj) },
      },
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    port = (app.server.address() as AddressInfo).port;
  } else {
    server = fork(path.join(here, "bench-server.ts"), [databaseUrl, "worker"], {
      execArgv: ["--import", "tsx", HEAP_CAP],
      stdio: "inherit",
    });
    port = await new Promise<number>((resolve, reject) => {
      server!.once("message", (m) => resolve((m as { port: number }).port));
      server!.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    apiPid = server.pid ?? null;
  }
  const base = `http://127.0.0.1:${port}`;
  const imports = `${base}/api/v1/customers/${customerId}/imports`;
  const checks: Check[] = [];
  const check = (what: string, expected: unknown, actual: unknown) =>
    checks.push({
      what,
      expected,
      actual,
      ok: JSON.stringify(expected) === JSON.stringify(actual),
    });

  let preview: ImportPreview;
  let previewMs: number;
  let previewPeakMB: number;
  let applyMs: number;
  let applyAcceptedMs: number;
  let workerMs: number | null;
  let applyPeakMB: number;
  let polls = 0;
  let bulk: { jsonbMs: number; createManyMs: number };
  try {
    const session = await signInForBench(base, ADMIN_EMAIL, env.DEMO_PASSWORD);
    const { cookie } = session;

    // Preview: upload → 201 with counts and problem rows.
    const form = new FormData();
    form.append("behaviour", "add_and_remove_services");
    form.append("file", new Blob([file.text], { type: "text/csv" }), "import-bench.csv");
    let peak = rss.phase();
    queryProfile.phase = "preview";
    t = performance.now();
    preview = await json<ImportPreview>(
      await fetch(imports, { method: "POST", headers: session, body: form }),
      201,
      "preview",
    );
    previewMs = since(t);
    previewPeakMB = peak();
    console.log(`preview: ${Math.round(previewMs)} ms, counts ${JSON.stringify(preview.counts)}`);
    check("preview counts", file.expected, { ...preview.counts });
    check("preview problem rows (the errors)", file.expected.error, preview.problemRows.length);

    // Apply valid rows only → 202, then poll until the worker has finished.
    peak = rss.phase();
    queryProfile.phase = "apply: POST → 202";
    t = performance.now();
    const accepted = await json<{ status: string }>(
      await fetch(`${imports}/${preview.id}/apply`, {
        method: "POST",
        headers: { ...session, "content-type": "application/json" },
        body: JSON.stringify({ applyValidRowsOnly: true }),
      }),
      202,
      "apply",
    );
    applyAcceptedMs = since(t);
    queryProfile.phase = "apply: worker (and polls)";
    let task: ImportPreview;
    for (;;) {
      polls++;
      task = await json<ImportPreview>(
        await fetch(`${imports}/${preview.id}`, { headers: { cookie } }),
        200,
        "poll",
      );
      if (task.status === "completed" || task.status === "failed") break;
      if (since(t) > APPLY_TIMEOUT_MS)
        throw new Error(`apply still ${task.status} after ${APPLY_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    applyMs = since(t);
    applyPeakMB = peak();
    workerMs =
      task.startedAt && task.finishedAt
        ? Date.parse(task.finishedAt) - Date.parse(task.startedAt)
        : null;
    console.log(
      `apply: ${Math.round(applyMs)} ms (202 after ${Math.round(applyAcceptedMs)} ms, worker ${workerMs} ms, queued status ${accepted.status}), ` +
        `${task.status}, applied ${task.appliedRows}, failed ${task.failedRows}`,
    );

    // The figures only count for a correct run.
    const toApply = SIZE.adds + SIZE.modifies + SIZE.removes;
    check("task status", "completed", task.status);
    check("applied rows", toApply, task.appliedRows);
    check("failed rows", 0, task.failedRows);
    check("processed rows", toApply, task.processedRows);
    const [facts] = await db.raw.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM "User" WHERE "customerId" = $1) AS users,
              (SELECT "userCount" FROM "Customer" WHERE id = $1) AS "userCount",
              (SELECT count(*) FROM "User" WHERE "customerId" = $1 AND "emailLower" LIKE 'new.%') AS added,
              (SELECT count(*) FROM "User" WHERE "customerId" = $1 AND "firstName" = 'Ändrad' AND version = 2) AS renamed,
              (SELECT count(*) FROM "User" WHERE "customerId" = $1 AND "emailLower" = ANY($2::text[])) AS "removedLeft",
              (SELECT count(*) FROM "User" WHERE "customerId" = $1 AND "emailLower" LIKE 'error.%') AS "errorRowsWritten",
              (SELECT count(*) FROM "AuditEvent" WHERE "importId" = $3) AS audit`,
      [
        customerId,
        existingUsers
          .slice(SIZE.modifies, SIZE.modifies + SIZE.removes)
          .map((u) => u.email.toLowerCase()),
        preview.id,
      ],
    );
    const users = TOTAL_EXISTING + SIZE.adds - SIZE.removes;
    check("users in the database", users, Number(facts!["users"]));
    check("Customer.userCount", users, Number(facts!["userCount"]));
    check("new users present", SIZE.adds, Number(facts!["added"]));
    check("renamed users (version 2)", SIZE.modifies / 2, Number(facts!["renamed"]));
    check("removed users left", 0, Number(facts!["removedLeft"]));
    check("error rows written", 0, Number(facts!["errorRowsWritten"]));
    check("audit events of the import", toApply, Number(facts!["audit"]));
    const packages = await db.raw.query<{
      emailLower: string;
      package: string;
      phoneNumber: string | null;
    }>(
      `SELECT "emailLower", package, "phoneNumber" FROM "User" WHERE "customerId" = $1 AND "emailLower" = ANY($2::text[])`,
      [
        customerId,
        existingUsers
          .slice(0, SIZE.modifies)
          .filter((_, u) => u % 2 === 1)
          .map((u) => u.email.toLowerCase()),
      ],
    );
    const wrong = packages.filter((p) => {
      const u = existingUsers.findIndex((e) => e.email.toLowerCase() === p.emailLower);
      const want = modified(u);
      return p.package !== want.package || p.phoneNumber !== want.phoneNumber;
    });
    check(
      "package changes as in the file",
      { rows: SIZE.modifies / 2, wrong: 0 },
      { rows: packages.length, wrong: wrong.length },
    );

    queryProfile.phase = "verify and bulk insert";
    // Scale: the same 10,000 new users inserted the plain way into fresh customers.
    bulk = await bulkInsert(db, partnerId);
    console.log(
      `bulk insert of ${SIZE.adds} users: jsonb_to_recordset ${Math.round(bulk.jsonbMs)} ms, createMany ×1,000 ${Math.round(bulk.createManyMs)} ms`,
    );
  } finally {
    if (app) {
      app.server.closeAllConnections();
      await Promise.race([app.close(), new Promise((r) => setTimeout(r, 5_000).unref())]);
    }
    if (server) {
      server.disconnect();
      await Promise.race([
        new Promise((r) => server.once("exit", r)),
        new Promise((r) => setTimeout(r, 5_000).unref()),
      ]);
      server.kill();
    }
    await db.close();
  }

  if (queryProfile.enabled) queryProfile.print();
  const verified = checks.every((c) => c.ok);
  const rowsPerSecond = FILE_ROWS / (applyMs / 1000);
  const applied = SIZE.adds + SIZE.modifies + SIZE.removes;
  const report = {
    date: new Date().toISOString(),
    machine: {
      nproc: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      loadAverageAtStart: loadAtStart.map((l) => round(l, 2)),
    },
    settings: {
      database: `PostgreSQL, ${DB_NAME} (recreated each run)`,
      behaviour: "add_and_remove_services",
      applyValidRowsOnly: true,
      workerBatchSize: batchSize ?? "default (1,000)",
      pollMs: POLL_MS,
    },
    dataset: {
      existingUsers: TOTAL_EXISTING,
      fileRows: FILE_ROWS,
      fileMB: round(file.bytes / 2 ** 20, 2),
      rows: file.expected,
      rowsApplied: applied,
    },
    figures: {
      seedMs: Math.round(seedMs),
      previewMs: Math.round(previewMs),
      applyMs: Math.round(applyMs),
      applyAcceptedMs: Math.round(applyAcceptedMs),
      workerMs,
      fileRowsPerSecond: Math.round(rowsPerSecond),
      appliedRowsPerSecond: Math.round(applied / (applyMs / 1000)),
      polls,
      peakRssMB: mb(rss.peak),
      previewPeakRssMB: previewPeakMB,
      applyPeakRssMB: applyPeakMB,
      bulkInsertJsonbMs: Math.round(bulk.jsonbMs),
      bulkInsertCreateManyMs: Math.round(bulk.createManyMs),
      applyToBulkRatio: round(applyMs / bulk.jsonbMs),
      applyMsPerAppliedRow: round(applyMs / applied, 3),
      bulkMsPerRow: round(bulk.jsonbMs / SIZE.adds, 3),
      totalMs: Math.round(since(started)),
    },
    targets: {
      previewMs: { target: `< ${TARGETS.previewMs}`, met: previewMs < TARGETS.previewMs },
      applyMs: { target: `< ${TARGETS.applyMs}`, met: applyMs < TARGETS.applyMs },
      fileRowsPerSecond: {
        target: `> ${TARGETS.rowsPerSecond}`,
        met: rowsPerSecond > TARGETS.rowsPerSecond,
      },
      peakRssMB: { target: `< ${TARGETS.peakRssMB}`, met: mb(rss.peak) < TARGETS.peakRssMB },
    },
    verified,
    checks,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, "import.json"), JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(path.join(resultsDir, "import.md"), markdown(report));
  for (const c of checks.filter((x) => !x.ok))
    console.error(
      `CHECK FAILED ${c.what}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`,
    );
  const missed = Object.entries(report.targets)
    .filter(([, v]) => !v.met)
    .map(([k]) => k);
  console.log(
    `\npreview ${report.figures.previewMs} ms, apply ${report.figures.applyMs} ms (${report.figures.fileRowsPerSecond} rows/s), ` +
      `peak RSS ${report.figures.peakRssMB} MB, apply / bulk insert ${report.figures.applyToBulkRatio}×; ` +
      `${verified ? "result verified" : "RESULT WRONG"}; ${missed.length ? `missed: ${missed.join(", ")}` : "all targets met"}. See bench/results/import.md`,
  );
  process.exit(verified ? 0 : 1);
}

/** The reference: the simplest fast way to insert the file's 10,000 new users. */
async function bulkInsert(db: Database, partnerId: string) {
  const a = await createCustomer(db.raw, partnerId, "Bulk Baseline A AB", "IB-2");
  let t = performance.now();
  await db.raw.query(INSERT_USERS, [
    a.customerId,
    JSON.stringify(userRecords(newUsers, a.locationIds)),
    "pending",
  ]);
  const jsonbMs = since(t);

  const b = await createCustomer(db.raw, partnerId, "Bulk Baseline B AB", "IB-3");
  const records = userRecords(newUsers, b.locationIds);
  t = performance.now();
  for (let i = 0; i < records.length; i += 1_000) {
    await db.prisma.user.createMany({
      data: records
        .slice(i, i + 1_000)
        .map((r) => ({ ...r, customerId: b.customerId, status: "pending" as const })),
    });
  }
  const createManyMs = since(t);
  const [n] = await db.raw.query<{ a: string; b: string }>(
    `SELECT (SELECT count(*) FROM "User" WHERE "customerId" = $1) AS a, (SELECT count(*) FROM "User" WHERE "customerId" = $2) AS b`,
    [a.customerId, b.customerId],
  );
  if (Number(n!.a) !== SIZE.adds || Number(n!.b) !== SIZE.adds)
    throw new Error(`bulk insert wrote ${n!.a} and ${n!.b} users`);
  return { jsonbMs, createManyMs };
}

type Report = {
  date: string;
  machine: {
    nproc: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    platform: string;
    loadAverageAtStart: number[];
  };
  settings: Record<string, unknown>;
  dataset: {
    existingUsers: number;
    fileRows: number;
    fileMB: number;
    rows: BenchFile["expected"];
    rowsApplied: number;
  };
  figures: Record<string, number | null>;
  targets: Record<string, { target: string; met: boolean }>;
  verified: boolean;
  checks: Check[];
};

function markdown(r: Report): string {
  const f = r.figures;
  const m = r.machine;
  const met = (k: string) => (r.targets[k]!.met ? "yes" : "**no**");
  const n = (v: number | null | undefined) =>
    v === null || v === undefined ? "–" : v.toLocaleString("en");
  const d = r.dataset.rows;
  return [
    "# CSV import benchmark",
    "",
    `${r.date} · nproc ${m.nproc} (${m.cpuModel}), ${m.memoryGiB} GiB · Node ${m.node} · ${m.platform} · load average ${m.loadAverageAtStart.join(" / ")} (1/5/15 min) at start`,
    "",
    `PostgreSQL; a customer with ${n(r.dataset.existingUsers)} users; a ${n(r.dataset.fileRows)}-row file (${r.dataset.fileMB} MB): ` +
      `${n(d.add)} adds, ${n(d.modify)} modifications, ${n(d.remove)} removals, ${n(d.unchanged)} unchanged, ${n(d.error)} errors; ` +
      `Add and remove services, applied with "Apply valid rows only" (${n(r.dataset.rowsApplied)} rows change something). ` +
      `Worker batch size ${String(r.settings["workerBatchSize"])}; the task is polled every ${String(r.settings["pollMs"])} ms.`,
    "",
    "| Figure | Value | Target | Met |",
    "|---|---:|---:|:---:|",
    `| Preview (upload → 201) | ${n(f["previewMs"])} ms | < 3,000 ms | ${met("previewMs")} |`,
    `| Apply (POST apply → task completed) | ${n(f["applyMs"])} ms | < 10,000 ms | ${met("applyMs")} |`,
    `| … of which POST apply → 202 (re-validation, storing row plans) | ${n(f["applyAcceptedMs"])} ms | | |`,
    `| … of which the worker (startedAt → finishedAt) | ${n(f["workerMs"])} ms | | |`,
    `| Apply throughput (file rows / apply time) | ${n(f["fileRowsPerSecond"])} rows/s | > 2,000 rows/s | ${met("fileRowsPerSecond")} |`,
    `| Apply throughput (changed rows / apply time) | ${n(f["appliedRowsPerSecond"])} rows/s | | |`,
    `| Peak resident memory (whole run, sampled every 100 ms) | ${n(f["peakRssMB"])} MB | < 400 MB | ${met("peakRssMB")} |`,
    `| … during preview / during apply | ${n(f["previewPeakRssMB"])} / ${n(f["applyPeakRssMB"])} MB | | |`,
    `| Plain bulk insert of the ${n(d.add)} new users (one INSERT … SELECT FROM jsonb_to_recordset) | ${n(f["bulkInsertJsonbMs"])} ms | | |`,
    `| Plain bulk insert, Prisma createMany in chunks of 1,000 | ${n(f["bulkInsertCreateManyMs"])} ms | | |`,
    `| Apply time / bulk insert time | ${f["applyToBulkRatio"]}× | | |`,
    `| Per row: apply (per changed row) / bulk insert | ${f["applyMsPerAppliedRow"]} ms / ${f["bulkMsPerRow"]} ms | | |`,
    "",
    `Result ${r.verified ? "verified" : "**WRONG**"}: ${r.checks.filter((c) => c.ok).length}/${r.checks.length} checks passed ` +
      "(preview counts, task counts, users and Customer.userCount in the database, renames, package changes, removals, audit events).",
    "",
    "Run it again with `BENCH_SUITE=import pnpm bench` (see apps/api/bench/import-bench.ts).",
    "",
  ].join("\n");
}

await main();
