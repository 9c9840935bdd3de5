import { randomBytes } from "node:crypto";
import pg from "pg";
import { connectDatabase, type Database } from "../../src/db/connect.ts";
import { migrate } from "../../src/db/migrate.ts";

/**
 * A fresh, migrated database for one test file: in-memory PGlite (TEST_DATABASE=pglite, the
 * default) or a new database on the PostgreSQL server at TEST_POSTGRES_URL, dropped afterwards.
 */
export interface TestDatabase {
  db: Database;
  kind: "pglite" | "postgres";
  /** A second independent connection to the same database (PostgreSQL only): a second API process. */
  connectAgain(): Database;
  drop(): Promise<void>;
}

export const testDatabaseKind = (process.env.TEST_DATABASE ?? "pglite") as "pglite" | "postgres";

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind === "pglite") {
    const db = connectDatabase({ kind: "pglite" });
    await migrate(db.raw);
    return {
      db,
      kind: "pglite",
      connectAgain: () => {
        throw new Error("PGlite is one process's database");
      },
      drop: () => db.close(),
    };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl)
    throw new Error("TEST_DATABASE=postgres needs TEST_POSTGRES_URL (see scripts/test.sh)");
  const name = `ph_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  const open = () => {
    const db = connectDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
    opened.push(db);
    return db;
  };
  const db = open();
  await migrate(db.raw);
  return {
    db,
    kind: "postgres",
    connectAgain: open,
    async drop() {
      await Promise.all(opened.map((d) => d.close()));
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
