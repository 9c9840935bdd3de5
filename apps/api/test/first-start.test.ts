import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { connectDatabase, type Database } from "../src/db/connect.ts";
import { prepareFirstStart, startMessage } from "../src/db/first-start.ts";
import { client } from "./setup/test-app.ts";
import { GOOD_PASSWORD } from "./setup/invite.ts";
import { createTestDatabase, testDatabaseKind } from "./setup/test-database.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SMALL = { customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] as [number, number] };

describe("first start", () => {
  it(`${testDatabaseKind === "postgres" ? "gives PostgreSQL no demo account and prints how to create the first administrator" : "seeds the demo into the embedded database"}`, async () => {
    const database = await createTestDatabase();
    try {
      const start = await prepareFirstStart(database.db, {
        seedDemo: false,
        demoPassword: "partnerhub-demo",
        demoSize: SMALL,
      });
      const message = startMessage(start, {
        url: "http://localhost:3000",
        database: database.kind,
        demoPasswordIsDefault: true,
      });
      if (database.kind === "postgres") {
        expect(start).toEqual({ seeded: false, demo: false, needsFirstAdmin: true });
        expect(await database.db.prisma.admin.count()).toBe(0);
        expect(await database.db.prisma.partner.count()).toBe(0);
        expect(message).toContain('pnpm admin:create --partner "<partner name>" --email <email>');
        expect(message).not.toContain("full.admin@partner.example");
        expect(message).not.toContain("partnerhub-demo");
      } else {
        expect(start).toEqual({ seeded: true, demo: true, needsFirstAdmin: false });
        expect(message).toContain("full.admin@partner.example");
        expect(message).not.toContain("admin:create");
      }
    } finally {
      await database.drop();
    }
  });

  it("seeds the demo on any database when SEED_DEMO=true, once", async () => {
    const database = await createTestDatabase();
    try {
      const options = { seedDemo: true, demoPassword: "partnerhub-demo", demoSize: SMALL };
      expect(await prepareFirstStart(database.db, options)).toEqual({
        seeded: true,
        demo: true,
        needsFirstAdmin: false,
      });
      expect(await prepareFirstStart(database.db, options)).toMatchObject({ seeded: false });
    } finally {
      await database.drop();
    }
  });
});

/** An empty database the admin:create command can reach as a separate process. */
async function emptyDatabaseForCommand(): Promise<{
  env: Record<string, string>;
  open: () => Database;
  drop: () => Promise<void>;
}> {
  if (testDatabaseKind === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ph-admin-create-"));
    return {
      env: { DATABASE_URL: "", DATA_DIR: dataDir },
      open: (): Database => connectDatabase({ kind: "pglite", dataDir }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  const name = `ph_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: (): Database => connectDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 }),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

function adminCreate(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [path.join(ROOT, "apps/api/scripts/admin-create.ts"), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, PUBLIC_URL: "http://hub.test", SMTP_URL: "", ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("pnpm admin:create", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("creates the partner and its first full administrator on an empty database, then refuses a second", async () => {
    const target = await emptyDatabaseForCommand();
    cleanups.push(target.drop);

    const first = await adminCreate(
      ["--partner", "Acme Telecom", "--email", "First@Acme.example"],
      target.env,
    );
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created partner "Acme Telecom"');
    const url = /http:\/\/hub\.test\/invitations\/([A-Za-z0-9_-]{43})/.exec(first.stdout);
    expect(url).not.toBeNull();

    const second = await adminCreate(
      ["--partner", "acme telecom", "--email", "second@acme.example"],
      target.env,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      'Partner "Acme Telecom" already has a full administrator (first@acme.example)',
    );

    const usage = await adminCreate(["--email", "x@acme.example"], target.env);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("Usage: pnpm admin:create");

    const db = target.open();
    cleanups.unshift(() => db.close());
    expect(await db.prisma.partner.count()).toBe(1);
    const admins = await db.prisma.admin.findMany();
    expect(admins).toMatchObject([
      { email: "first@acme.example", role: "partner_full_admin", status: "invited" },
    ]);

    const app = await buildApp({ db, importWorker: false });
    cleanups.unshift(() => app.close());
    const token = url![1]!;
    const shown = await client(app).get(`/api/v1/invitations/${token}`);
    expect(shown.json()).toMatchObject({
      email: "first@acme.example",
      organisation: "Acme Telecom",
    });
    const accepted = await client(app).post(`/api/v1/invitations/${token}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      role: "partner_full_admin",
      partnerName: "Acme Telecom",
    });
    // Three commands, each a fresh tsx process that migrates: slow on a busy machine.
  }, 240_000);
});
