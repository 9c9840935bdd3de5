import { createHash } from "node:crypto";
import fs from "node:fs";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";

/** Raw SQL access beside Prisma: migrations, advisory locks, bulk statements. */
export interface RawSql {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * The same, as a named prepared statement on PostgreSQL: each connection plans a statement
   * once. The request path uses it: planning the list queries cost more than running them.
   */
  queryPrepared<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * The same on connections that always use a prepared statement's generic plan, so it is never
   * planned again. Only for statements whose best plan does not depend on their values: with
   * `LIMIT $n` PostgreSQL's own choice re-plans a customers page on every request (~0.3–0.7 ms),
   * because a generic plan's estimate assumes a tenth of the table.
   */
  queryGenericPlan<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` while holding a session-level advisory lock on one connection. */
  withAdvisoryLock<T>(key: number, fn: (raw: RawSql) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction on one connection, on the driver (no Prisma in between). */
  transaction<T>(fn: (tx: RawSql) => Promise<T>): Promise<T>;
}

export interface Database {
  prisma: PrismaClient;
  raw: RawSql;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir?: string /* undefined: in memory */ };

export function connectDatabase(target: DatabaseTarget): Database {
  return target.kind === "postgres"
    ? connectPostgres(target.url, target.poolSize)
    : connectPglite(target.dataDir);
}

function connectPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Connections are opened on first use: a process that never asks for a generic plan has none.
  const genericPlanPool = new pg.Pool({
    connectionString: url,
    max: Math.max(2, Math.ceil(poolSize / 2)),
    options: "-c plan_cache_mode=force_generic_plan",
  });
  // An idle client losing its connection must not crash the process.
  pool.on("error", () => {});
  genericPlanPool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const prepared = async <T>(q: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]) => {
    const name = `ph_${createHash("sha1").update(sql).digest("base64url")}`;
    const res = await q.query({ name, text: sql, values: params as unknown[] });
    return res.rows as T[];
  };
  const rawFor = (q: pg.Pool | pg.PoolClient): RawSql => ({
    async exec(sql) {
      await q.query(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      const res = await q.query(sql, params as unknown[]);
      return res.rows as T[];
    },
    queryPrepared: (sql, params) => prepared(q, sql, params),
    // Inside a transaction the statement stays on its connection, with PostgreSQL's own choice.
    queryGenericPlan: (sql, params) => prepared(q === pool ? genericPlanPool : q, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        try {
          const result = await fn(rawFor(client));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      } finally {
        client.release();
      }
    },
    async withAdvisoryLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await fn(rawFor(client));
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
        }
      } finally {
        client.release();
      }
    },
  });
  return {
    prisma,
    raw: rawFor(pool),
    kind: "postgres",
    async close() {
      await prisma.$disconnect();
      await Promise.all([pool.end(), genericPlanPool.end()]);
    },
  };
}

function connectPglite(dataDir?: string): Database {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // pg_trgm and btree_gin back the search indexes (migrations 0005, 0008), as on PostgreSQL.
  const pglite = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, btree_gin },
  });
  // pglite-prisma-adapter 0.6 is typed against driver-adapter-utils 6.10; the runtime contract is
  // the one Prisma 6.19 uses (checked by the integration suite), only the ArgType union grew.
  const adapter = new PrismaPGlite(pglite) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  const raw: RawSql = {
    ...pgliteStatements(pglite),
    // PGlite runs one transaction at a time and queues the rest, as a single connection would.
    transaction(fn) {
      return pglite.transaction((tx) => {
        const inTx: RawSql = {
          ...pgliteStatements(tx),
          withAdvisoryLock: (_key, inner) => inner(inTx),
          transaction: (inner) => inner(inTx),
        };
        return fn(inTx);
      });
    },
    // One embedded database belongs to one process, so the lock is only taken for symmetry.
    async withAdvisoryLock(key, fn) {
      await pglite.query("SELECT pg_advisory_lock($1)", [key]);
      try {
        return await fn(raw);
      } finally {
        await pglite.query("SELECT pg_advisory_unlock($1)", [key]);
      }
    },
  };
  return {
    prisma,
    raw,
    kind: "pglite",
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/**
 * Statements on the embedded database or one of its transactions. PGlite is one connection in
 * this process with nothing to gain from named statements, so every kind runs as a plain query.
 */
function pgliteStatements(
  q: PGlite | Transaction,
): Pick<RawSql, "exec" | "query" | "queryPrepared" | "queryGenericPlan"> {
  const query = async <T>(sql: string, params?: unknown[]) => (await q.query<T>(sql, params)).rows;
  return {
    async exec(sql) {
      await q.exec(sql);
    },
    query,
    queryPrepared: query,
    queryGenericPlan: query,
  };
}
