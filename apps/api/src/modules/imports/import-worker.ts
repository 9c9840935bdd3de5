import type { ProblemError } from "@partner-hub/shared";
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/connect.ts";
import { execute, queryRows, readerFor, sql } from "../../db/sql.ts";
import {
  applyBatch,
  BatchConflict,
  CustomerNotActive,
  LostLease,
  type PlannedRow,
} from "./apply-batch.ts";
import type { RowPlan } from "./build-plan.ts";
import { expirePreviews, PREVIEW_TTL_MS } from "./discard-import.ts";
import { pendingRows } from "./import-rows-sql.ts";
import { storeProblem } from "./stored-problem.ts";

const TASK_FAILED: ProblemError = {
  code: "import_task_failed",
  message:
    "The import stopped on an unexpected error; rows marked applied were applied. Upload the file again to finish.",
};

export interface ImportWorkerOptions {
  workerId?: string;
  pollMs?: number;
  /** A running task whose heartbeat is older than this is taken over (its worker died). */
  staleAfterMs?: number;
  batchSize?: number;
  log?: {
    error: (obj: unknown, msg?: string) => void;
    info?: (obj: unknown, msg?: string) => void;
  };
  /**
   * Awaited after each committed batch, before the worker reads the next one. An error it throws
   * fails the task like any other; the crash-and-resume tests stop a worker dead there instead,
   * with a hook that never returns (test/setup/imports.ts, crashAfterBatch).
   */
  afterBatch?: (importId: string, batchNumber: number) => void | Promise<void>;
  /** The clock previews expire by (injected by tests to move time on). */
  now?: () => Date;
  /** A preview unapplied this long expires (spec §6: 24 hours). */
  previewTtlMs?: number;
  /** How often, at most, the worker looks for expired previews. */
  expireEveryMs?: number;
}

export interface ImportWorker {
  workerId: string;
  /** Look for work now (after an apply) instead of at the next poll. */
  kick(): void;
  /** Resolves when no task is in hand. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const PHASES = ["remove", "modify", "add"] as const;

/**
 * A pause between batches in which the process answers requests. On PGlite every statement
 * settles as a microtask, so without it a whole task ran before the event loop read a single
 * request: no progress to show, /healthz silent, an upload waiting instead of answering 409.
 * A request takes a few event-loop turns (Prisma's client hops through timers), which a bare
 * setImmediate does not give it; 20 ms against a batch of ~1 s costs ~2%.
 */
const BREATHER_MS = 20;

/**
 * The durable background worker for CSV imports. State lives in the database only: a task is
 * claimed with FOR UPDATE SKIP LOCKED (several API processes share the queue), every batch is a
 * transaction that first checks this worker still holds the task, applies its rows and marks
 * them applied together, so a crash at any point resumes without applying a row twice.
 * Removals go first, then modifications, then additions, so numbers freed by the file are free
 * before rows of the same file take them.
 */
export function startImportWorker(db: Database, options: ImportWorkerOptions = {}): ImportWorker {
  const { prisma } = db;
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const pollMs = options.pollMs ?? 1000;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const batchSize = options.batchSize ?? 2000;
  const now = options.now ?? (() => new Date());
  const previewTtlMs = options.previewTtlMs ?? PREVIEW_TTL_MS;
  const expireEveryMs = options.expireEveryMs ?? 60_000;
  let lastExpiry: number | null = null;
  let stopped = false;
  let current: Promise<void> | null = null;
  let again = false;

  const claim = async (): Promise<string | null> => {
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Import" SET "status" = 'running', "lockedBy" = ${workerId}, "heartbeatAt" = now(),
        "startedAt" = COALESCE("startedAt", now())
      WHERE "id" = (
        SELECT "id" FROM "Import"
        WHERE ("status" = 'queued'
           OR ("status" = 'running' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${staleAfterMs / 1000}))))
          -- A suspended (or otherwise inactive) customer's tasks wait until it is active again; a
          -- deleted customer's were cancelled with the deletion and are never taken up again.
          AND (SELECT c."status" FROM "Customer" c WHERE c."id" = "Import"."customerId" AND c."deletedAt" IS NULL) = 'active'
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    return rows[0]?.id ?? null;
  };

  const process = async (importId: string) => {
    const task = await prisma.import.findUniqueOrThrow({
      where: { id: importId },
      omit: { fileText: true },
    });
    const ctx = {
      importId,
      workerId,
      customerId: task.customerId,
      actorId: task.createdById,
      actorEmail: task.createdByEmail,
    };
    let batchNumber = 0;
    try {
      for (const phase of PHASES) {
        for (;;) {
          if (stopped) return;
          const pending = await pendingRows(prisma, importId, phase, batchSize);
          const rows: PlannedRow[] = pending
            .filter((r) => r.plan)
            .map((r) => ({ rowNumber: Number(r.rowNumber), plan: r.plan as RowPlan }));
          if (!rows.length) break;
          try {
            // On the driver, not Prisma: the batch's statements carry megabytes of JSON that
            // Prisma's client took longer to pass on than PostgreSQL took to run.
            await db.raw.transaction((tx) => applyBatch(readerFor(tx), ctx, rows));
          } catch (error) {
            if (!(error instanceof BatchConflict)) throw error;
            await applyOneByOne(rows);
          }
          batchNumber += 1;
          await options.afterBatch?.(importId, batchNumber);
          await new Promise((resolve) => setTimeout(resolve, BREATHER_MS));
        }
      }
      await prisma.import.updateMany({
        where: { id: importId, lockedBy: workerId },
        data: { status: "completed", finishedAt: new Date(), lockedBy: null },
      });
    } catch (error) {
      if (error instanceof LostLease) return;
      if (error instanceof CustomerNotActive) {
        // Back in the queue, rows applied so far kept: it resumes after reactivation.
        await prisma.import.updateMany({
          where: { id: importId, lockedBy: workerId },
          data: { status: "queued", lockedBy: null, heartbeatAt: null },
        });
        return;
      }
      options.log?.error({ err: error, importId }, "import task failed");
      await prisma.import.updateMany({
        where: { id: importId, lockedBy: workerId },
        data: {
          status: "failed",
          finishedAt: new Date(),
          lockedBy: null,
          failureReason: storeProblem(TASK_FAILED),
        },
      });
    }

    async function applyOneByOne(rows: PlannedRow[]) {
      for (const row of rows) {
        try {
          await db.raw.transaction((tx) => applyBatch(readerFor(tx), ctx, [row]));
        } catch (error) {
          if (!(error instanceof BatchConflict)) throw error;
          await db.raw.transaction(async (raw) => {
            const tx = readerFor(raw);
            const fenced = await queryRows<{ id: string }>(
              tx,
              sql`SELECT "id" FROM "Import" WHERE "id" = ${importId}::uuid AND "lockedBy" = ${workerId} FOR UPDATE`,
            );
            if (!fenced.length) throw new LostLease();
            await execute(
              tx,
              sql`UPDATE "ImportRow" SET "applyError" = ${storeProblem(error.problem)} WHERE "importId" = ${importId}::uuid AND "rowNumber" = ${row.rowNumber}`,
            );
            await execute(
              tx,
              sql`UPDATE "Import" SET "processedRows" = "processedRows" + 1, "failedRows" = "failedRows" + 1, "heartbeatAt" = now() WHERE "id" = ${importId}::uuid`,
            );
          });
        }
      }
    }
  };

  // Expired previews are cleared by whichever process's worker gets there; the statement is one
  // UPDATE … RETURNING, so two at once just find nothing left to do.
  const expire = async () => {
    const at = now();
    if (lastExpiry !== null && at.getTime() - lastExpiry < expireEveryMs) return;
    lastExpiry = at.getTime();
    await db.raw.transaction((tx) => expirePreviews(readerFor(tx), at, previewTtlMs));
  };

  const drain = async () => {
    do {
      again = false;
      await expire();
      for (;;) {
        if (stopped) return;
        const id = await claim();
        if (!id) break;
        await process(id);
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
        options.log?.error({ err: error }, "import worker loop failed");
      })
      .finally(() => {
        current = null;
      });
  };

  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  return {
    workerId,
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
