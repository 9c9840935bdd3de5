import type { Database } from "../../db/connect.ts";
import { execute, queryRows, readerFor, sql, type Reader } from "../../db/sql.ts";

export interface CustomerPurgerOptions {
  pollMs?: number;
  /** Users (or import rows) removed per transaction. */
  batchSize?: number;
  /**
   * Pause between two batches. On the embedded PGlite (one connection) a batch holds every other
   * request back while it runs; the pause lets the requests queued meanwhile go first.
   */
  pauseMs?: number;
  log?: { error: (obj: unknown, msg?: string) => void };
  /**
   * Awaited after each committed batch. The resume test stops a purger dead there (a hook that
   * never returns), as if its process died, and starts another.
   */
  afterBatch?: (customerId: string, batchNumber: number) => void | Promise<void>;
}

export interface CustomerPurger {
  /** Look for work now (after a deletion) instead of at the next poll. */
  kick(): void;
  /** Resolves when nothing is in hand. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

type Step = { customerId: string; done: boolean } | null;

/**
 * One batch of removing a deleted customer's data, in one transaction: its users first (the
 * bulk), then the rows of its imports, then in a last transaction its imports, locations and
 * quotas, and `purgedAt`. The customer's row is locked with SKIP LOCKED, so several API processes
 * share the work without taking the same customer; the state is the data itself (what is left
 * to delete), so a process that dies mid-way loses at most its uncommitted batch and any process
 * resumes where it stopped. No user is read into memory: each DELETE picks its own batch.
 */
export async function purgeBatch(tx: Reader, batchSize: number): Promise<Step> {
  const [customer] = await queryRows<{ id: string }>(
    tx,
    sql`SELECT "id" FROM "Customer" WHERE "deletedAt" IS NOT NULL AND "purgedAt" IS NULL
      ORDER BY "deletedAt" LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
  if (!customer) return null;
  const id = customer.id;
  const [users] = await queryRows<{ count: number }>(
    tx,
    sql`WITH gone AS (
      DELETE FROM "User" WHERE "id" IN (
        SELECT "id" FROM "User" WHERE "customerId" = ${id}::uuid LIMIT ${batchSize})
      RETURNING 1)
    SELECT count(*)::int AS "count" FROM gone`,
  );
  if (users && users.count > 0) {
    await execute(
      tx,
      sql`UPDATE "Customer" SET "userCount" = GREATEST("userCount" - ${users.count}, 0) WHERE "id" = ${id}::uuid`,
    );
    return { customerId: id, done: false };
  }
  const [importRows] = await queryRows<{ count: number }>(
    tx,
    sql`WITH gone AS (
      DELETE FROM "ImportRow" WHERE ("importId", "rowNumber") IN (
        SELECT r."importId", r."rowNumber" FROM "ImportRow" r
        WHERE r."importId" IN (SELECT i."id" FROM "Import" i WHERE i."customerId" = ${id}::uuid)
        LIMIT ${batchSize})
      RETURNING 1)
    SELECT count(*)::int AS "count" FROM gone`,
  );
  if (importRows && importRows.count > 0) return { customerId: id, done: false };
  await execute(tx, sql`DELETE FROM "Import" WHERE "customerId" = ${id}::uuid`);
  await execute(tx, sql`DELETE FROM "Location" WHERE "customerId" = ${id}::uuid`);
  await execute(tx, sql`DELETE FROM "CustomerPackageQuota" WHERE "customerId" = ${id}::uuid`);
  await execute(
    tx,
    sql`UPDATE "Customer" SET "purgedAt" = now(), "userCount" = 0 WHERE "id" = ${id}::uuid`,
  );
  return { customerId: id, done: true };
}

/**
 * The durable background job that removes deleted customers' data (decision 014). It runs in
 * every process that runs the import worker, polls a partial index of the customers waiting
 * (a handful at most), and works batch by batch until none is left.
 */
export function startCustomerPurger(
  db: Database,
  options: CustomerPurgerOptions = {},
): CustomerPurger {
  const pollMs = options.pollMs ?? 2000;
  const batchSize = options.batchSize ?? 1000;
  const pauseMs = options.pauseMs ?? 2;
  let stopped = false;
  let current: Promise<void> | null = null;
  let again = false;
  const batches = new Map<string, number>();

  const drain = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const step = await db.raw.transaction((raw) => purgeBatch(readerFor(raw), batchSize));
        if (!step) break;
        const n = (batches.get(step.customerId) ?? 0) + 1;
        if (step.done) batches.delete(step.customerId);
        else batches.set(step.customerId, n);
        await options.afterBatch?.(step.customerId, n);
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    } while (again && !stopped);
  };

  const tick = () => {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    current = drain()
      .catch((error) => {
        options.log?.error({ err: error }, "customer purge failed; retrying at the next poll");
      })
      .finally(() => {
        current = null;
      });
  };

  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  return {
    kick: tick,
    idle: async () => {
      while (current) await current;
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      while (current) await current;
    },
  };
}
