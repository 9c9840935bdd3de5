/**
 * The benchmark data set (`pnpm seed:large`, DATABASE_URL must name a PostgreSQL database):
 * one partner with 10,000 customers and 1,000,000 users, skewed like real partners — a few
 * customers with 20,000 users, most with about a hundred.
 *
 * Set-based SQL (INSERT … SELECT … FROM generate_series) instead of a million Prisma calls:
 * the whole set takes about a minute on two cores. Runs once per database: a second run
 * finds the bench partner and does nothing.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGES } from "@partner-hub/shared";
import { readEnv } from "../config/env.ts";
import { hashPassword } from "../modules/auth/password.ts";
import { connectDatabase, type RawSql } from "./connect.ts";
import { CITIES, FIRST_NAMES, LAST_NAMES, asciiLocal } from "./demo-data.ts";
import { migrate } from "./migrate.ts";

export const BENCH_PARTNER = "Bench Telecom AB";
export const BENCH_FULL_ADMIN = "bench.admin@partner.example";
export const BENCH_PARTNER_ADMIN = "bench.partner.admin@partner.example";
export const LARGE = {
  customers: 10_000,
  users: 1_000_000,
  /** Customers 1..BIG have BIG_USERS users each. */
  big: 5,
  bigUsers: 20_000,
  assignedToPartnerAdmin: 2_000,
} as const;

/** User counts per customer (1-based index → count), summing exactly to LARGE.users. */
export function userCounts(): number[] {
  const counts: number[] = [];
  for (let i = 1; i <= LARGE.customers; i++) {
    // 60..120, spread by a multiplicative hash so neighbours differ.
    counts.push(i <= LARGE.big ? LARGE.bigUsers : 60 + ((i * 2_654_435_761) % 61));
  }
  // Customer 6 is the "100-user customer" the benchmark looks for.
  counts[LARGE.big] = 100;
  let diff = LARGE.users - counts.reduce((a, b) => a + b, 0);
  for (let i = LARGE.big + 1; diff !== 0; i = i + 1 >= counts.length ? LARGE.big + 1 : i + 1) {
    const step = Math.sign(diff);
    counts[i]! += step;
    diff -= step;
  }
  return counts;
}

const ORG_WORDS = [
  "Fjäll",
  "Norrsken",
  "Göta",
  "Skärgård",
  "Vättern",
  "Kiruna",
  "Dalarna",
  "Öland",
  "Bohus",
  "Lappland",
];
const ORG_KINDS = [
  "Fastigheter",
  "Energi",
  "Logistik",
  "Bygg",
  "Vård",
  "Konsult",
  "Media",
  "Skog",
  "Transport",
  "Teknik",
];

export async function isLargeSeeded(raw: RawSql): Promise<boolean> {
  const rows = await raw.query(`SELECT 1 FROM "Partner" WHERE name = $1`, [BENCH_PARTNER]);
  return rows.length > 0;
}

export async function seedLarge(
  raw: RawSql,
  password: string,
  log: (line: string) => void = console.log,
) {
  if (await isLargeSeeded(raw)) {
    log(`${BENCH_PARTNER} already exists: nothing to do.`);
    return;
  }
  const started = Date.now();
  const took = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const passwordHash = await hashPassword(password);
  const counts = userCounts();

  await raw.withAdvisoryLock(727_274_002, async (db) => {
    await db.exec("BEGIN");
    try {
      // Durability of this one bulk transaction does not matter: a crash just means seeding again.
      await db.exec("SET LOCAL synchronous_commit = off");
      const [partner] = await db.query<{ id: string }>(
        `INSERT INTO "Partner"(name) VALUES ($1) RETURNING id`,
        [BENCH_PARTNER],
      );
      const partnerId = partner!.id;

      // Customers: the user count is known up front, so "userCount" is written once and matches.
      await db.query(
        `INSERT INTO "Customer"(id, "partnerId", name, "nameLower", "externalId", status, domain, "webexSites",
                                street, city, "postalCode", country, "userCount", "createdAt")
         SELECT gen_random_uuid(), $1, n.name, lower(n.name), 'BX-' || (100000 + g), s.status, 'c' || g || '.bench.example',
                ARRAY['c' || g || '-bench.webex.com'],
                'Storgatan ' || (1 + g % 90), c.city, lpad((10000 + g * 7 % 89000)::text, 5, '0'), c.country,
                cnt.v, timestamptz '2022-01-01' + g * interval '2 hours'
         FROM unnest($2::int[]) WITH ORDINALITY AS cnt(v, g)
         CROSS JOIN LATERAL (SELECT ($3::text[])[1 + g % array_length($3, 1)] || ' ' ||
                                    ($4::text[])[1 + (g / 10) % array_length($4, 1)] || ' ' || g || ' AB' AS name) n
         CROSS JOIN LATERAL (SELECT (CASE WHEN g <= 10 OR g % 10 < 7 THEN 'active' WHEN g % 10 = 7 THEN 'provisioning'
                                          WHEN g % 10 = 8 THEN 'suspended' ELSE 'deactivated' END)::"CustomerStatus" AS status) s
         CROSS JOIN LATERAL (SELECT ($5::text[])[1 + g % array_length($5, 1)] AS city,
                                    ($6::text[])[1 + g % array_length($6, 1)] AS country) c`,
        [
          partnerId,
          counts,
          ORG_WORDS,
          ORG_KINDS,
          CITIES.map((c) => c.city),
          CITIES.map((c) => c.country),
        ],
      );
      log(`customers: ${counts.length} (${took()})`);

      await db.query(
        `INSERT INTO "CustomerPackageQuota"("customerId", package, "maxUsers")
         SELECT c.id, p.package, greatest(2000, c."userCount" + 1000)
         FROM "Customer" c CROSS JOIN unnest($2::text[]) AS p(package) WHERE c."partnerId" = $1`,
        [partnerId, PACKAGES.map((p) => p.id)],
      );
      await db.query(
        `INSERT INTO "Location"("customerId", name, street, city, "postalCode", country)
         SELECT c.id, c.city || CASE WHEN l = 1 THEN ' HQ' ELSE ' kontor' END, 'Kungsgatan ' || l, c.city, c."postalCode", c.country
         FROM "Customer" c CROSS JOIN generate_series(1, 2) AS l WHERE c."partnerId" = $1`,
        [partnerId],
      );
      log(`quotas and locations (${took()})`);

      // Users: one statement. Email and phone derive from the per-customer ordinal u, so both
      // are unique per customer; names cycle through the demo name lists.
      await db.query(
        `INSERT INTO "User"("customerId", email, "emailLower", "firstName", "lastName", "displayName", package,
                            "phoneNumber", extension, "locationId", "preferredWebexSite", "basicMessaging",
                            "basicSpaceMeetings", "callOnWebex", status, "createdAt", "updatedAt")
         SELECT c.id, nm.local || '@' || c.domain, lower(nm.local || '@' || c.domain), nm.first, nm.last,
                nm.first || ' ' || nm.last, pk.package,
                CASE WHEN pk.calling AND u % 5 <> 4 THEN '+468' || lpad(u::text, 7, '0') END,
                CASE WHEN pk.calling THEN (1000 + u)::text END,
                CASE WHEN pk.calling THEN (CASE WHEN u % 2 = 0 THEN loc.hq ELSE loc.branch END) END,
                CASE WHEN pk.package IN ('webex_suite', 'webex_meetings') THEN c."webexSites"[1] END,
                u % 3 <> 0, u % 4 <> 0, u % 2 = 0,
                (CASE WHEN u % 17 = 3 THEN 'pending' WHEN u % 29 = 5 THEN 'inactive' ELSE 'active' END)::"UserStatus",
                c."createdAt", c."createdAt"
         FROM "Customer" c
         CROSS JOIN LATERAL (SELECT min(id::text) FILTER (WHERE name LIKE '% HQ')::uuid AS hq,
                                    min(id::text) FILTER (WHERE name LIKE '% kontor')::uuid AS branch
                             FROM "Location" WHERE "customerId" = c.id) loc
         CROSS JOIN LATERAL generate_series(1, c."userCount") AS u
         CROSS JOIN LATERAL (SELECT ($2::text[])[1 + u % array_length($2, 1)] AS first,
                                    ($3::text[])[1 + (u / 7) % array_length($3, 1)] AS last,
                                    ($4::text[])[1 + u % array_length($4, 1)] || '.' ||
                                    ($5::text[])[1 + (u / 7) % array_length($5, 1)] || '.' || u AS local) nm
         CROSS JOIN LATERAL (SELECT (ARRAY['webex_calling','webex_calling','webex_calling','webex_calling','webex_suite',
                                           'webex_suite','webex_voice','webex_meetings','webex_calling_standard',
                                           'cx_essentials'])[1 + u % 10] AS package,
                                    u % 10 <> 7 AS calling) pk
         WHERE c."partnerId" = $1`,
        [
          partnerId,
          [...FIRST_NAMES],
          [...LAST_NAMES],
          FIRST_NAMES.map((n) => asciiLocal(n)),
          LAST_NAMES.map((n) => asciiLocal(n)),
        ],
      );
      log(`users: ${LARGE.users} (${took()})`);

      await db.query(
        `INSERT INTO "Admin"(email, name, "passwordHash", role, "partnerId") VALUES
           ($1, 'Bench Full Admin', $3, 'partner_full_admin', $4),
           ($2, 'Bench Partner Admin', $3, 'partner_admin', $4)`,
        [BENCH_FULL_ADMIN, BENCH_PARTNER_ADMIN, passwordHash, partnerId],
      );
      // The partner administrator gets every fifth customer, including a 20,000-user one.
      await db.query(
        `INSERT INTO "AdminCustomerAssignment"("adminId", "customerId")
         SELECT a.id, c.id FROM "Admin" a
         JOIN (SELECT id, row_number() OVER (ORDER BY "externalId") AS g FROM "Customer" WHERE "partnerId" = $1) c
           ON c.g % 5 = 1 AND c.g <= $3 * 5
         WHERE a.email = $2`,
        [partnerId, BENCH_PARTNER_ADMIN, LARGE.assignedToPartnerAdmin],
      );

      const [check] = await db.query<{ users: string; mismatched: string }>(
        `SELECT (SELECT count(*) FROM "User" u JOIN "Customer" c ON c.id = u."customerId" WHERE c."partnerId" = $1) AS users,
                (SELECT count(*) FROM "Customer" c WHERE c."partnerId" = $1 AND c."userCount" <>
                   (SELECT count(*) FROM "User" u WHERE u."customerId" = c.id)) AS mismatched`,
        [partnerId],
      );
      if (Number(check!.users) !== LARGE.users || Number(check!.mismatched) !== 0) {
        throw new Error(
          `Seed check failed: ${check!.users} users, ${check!.mismatched} customers with a wrong userCount`,
        );
      }
      await db.exec("COMMIT");
    } catch (error) {
      await db.exec("ROLLBACK");
      throw error;
    }
  });
  // As autovacuum would soon: statistics for the planner, and a visibility map so counts can
  // use index-only scans. Measuring before that would benchmark a state production never sits in.
  await raw.exec(
    `VACUUM (ANALYZE) "Customer", "User", "Location", "CustomerPackageQuota", "AdminCustomerAssignment"`,
  );
  log(`done in ${took()}: sign in as ${BENCH_FULL_ADMIN} or ${BENCH_PARTNER_ADMIN}`);
}

async function main() {
  const env = readEnv();
  if (!env.DATABASE_URL) {
    throw new Error(
      "seed:large needs DATABASE_URL to point at a PostgreSQL database (PGlite is too small for it).",
    );
  }
  const db = connectDatabase({ kind: "postgres", url: env.DATABASE_URL });
  try {
    await migrate(db.raw);
    await seedLarge(db.raw, env.DEMO_PASSWORD);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
