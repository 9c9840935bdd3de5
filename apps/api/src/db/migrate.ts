import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RawSql } from "./connect.ts";

const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../prisma/migrations",
);
// Any fixed number: every API process takes the same lock, so two starting together migrate once.
const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Applies prisma/migrations/<name>/migration.sql files in name order, each once, each in its own
 * transaction. We do not use `prisma migrate deploy`: through @prisma/adapter-pg it fails on
 * prisma/orm#27403, and this way PGlite and PostgreSQL are migrated by one code path.
 */
function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/** The migrations this code has that the database has not applied (readiness, /readyz). */
export async function pendingMigrations(raw: RawSql, dir = MIGRATIONS_DIR): Promise<string[]> {
  const [table] = await raw.query<{ name: string | null }>(
    `SELECT to_regclass('"_app_migrations"')::text AS name`,
  );
  if (!table?.name) return migrationNames(dir);
  const done = new Set(
    (await raw.query<{ name: string }>(`SELECT name FROM "_app_migrations"`)).map((r) => r.name),
  );
  return migrationNames(dir).filter((name) => !done.has(name));
}

export async function migrate(raw: RawSql, dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = migrationNames(dir);
  return raw.withAdvisoryLock(MIGRATION_LOCK_KEY, async (locked) => {
    await locked.exec(
      `CREATE TABLE IF NOT EXISTS "_app_migrations" (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await locked.query<{ name: string }>(`SELECT name FROM "_app_migrations"`)).map(
        (r) => r.name,
      ),
    );
    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      await locked.exec("BEGIN");
      try {
        await locked.exec(sql);
        await locked.query(`INSERT INTO "_app_migrations"(name) VALUES ($1)`, [name]);
        await locked.exec("COMMIT");
      } catch (error) {
        await locked.exec("ROLLBACK");
        throw error;
      }
      applied.push(name);
    }
    return applied;
  });
}
