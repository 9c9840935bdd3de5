import { CSV_HEADERS, PACKAGES } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { seedDemo } from "../src/db/seed-demo.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { startImportWorker } from "../src/modules/imports/import-worker.ts";
import { crashAfterBatch, upload, waitForImport } from "./setup/imports.ts";
import { createTestDatabase, testDatabaseKind } from "./setup/test-database.ts";
import { ACCOUNTS, PASSWORD, client, signIn } from "./setup/test-app.ts";

const SIZE = { customers: 2, usersOfFirstTwo: 40, usersOfOthers: [1, 1] as [number, number] };

/** 60 new users, 20 renamed, 10 removed: enough rows for many small batches. */
async function importFile(prisma: PrismaClient, customerId: string) {
  const existing = await prisma.user.findMany({
    where: { customerId },
    orderBy: { emailLower: "asc" },
  });
  const quote = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const line = (cells: Record<string, string>) =>
    CSV_HEADERS.map((h) => quote(cells[h] ?? "")).join(",");
  const meetings = PACKAGES.find((p) => p.id === "webex_meetings")!.displayName;
  const all = Object.fromEntries(PACKAGES.map((p) => [p.displayName, "FALSE"]));
  const rows = [
    ...Array.from({ length: 60 }, (_, i) =>
      line({
        "User ID/Email (Required)": `batch.user${i}@customer.example`,
        "First Name": `Ny${i}`,
        [meetings]: "TRUE",
        "Preferred Webex Site": "fjallbacka-fastigheter-ab.webex.com",
      }),
    ),
    ...existing
      .slice(0, 20)
      .map((u) =>
        line({ "User ID/Email (Required)": u.email, "First Name": `Omdöpt ${u.firstName}` }),
      ),
    ...existing.slice(20, 30).map((u) => line({ "User ID/Email (Required)": u.email, ...all })),
  ];
  return [CSV_HEADERS.map(quote).join(","), ...rows].join("\r\n");
}

async function finalState(prisma: PrismaClient, customerId: string) {
  const users = await prisma.user.findMany({
    where: { customerId },
    orderBy: { emailLower: "asc" },
    select: { emailLower: true, firstName: true, package: true },
  });
  const audit = await prisma.auditEvent.groupBy({
    by: ["rowNumber"],
    where: { customerId, source: "csv_import" },
    _count: { _all: true },
  });
  const customer = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
  return {
    users,
    auditPerRow: audit.map((a) => a._count._all),
    auditRows: audit.length,
    userCount: customer.userCount,
  };
}

async function setUp() {
  const database = await createTestDatabase();
  await seedDemo(database.db, PASSWORD, SIZE);
  return database;
}

describe("durable import tasks", () => {
  it("resumes after a crash mid-task: no row applied twice, none lost, same result as an uninterrupted run", async () => {
    // Uninterrupted run.
    const reference = await setUp();
    const refApp = await buildApp({ db: reference.db, importWorker: { batchSize: 7, pollMs: 50 } });
    const refSession = await signIn(refApp, ACCOUNTS.customerAdmin);
    const refCustomer = refSession.me.customerId!;
    const refPreview = (
      await upload(
        refApp,
        refSession,
        refCustomer,
        await importFile(reference.db.prisma, refCustomer),
      )
    ).json();
    expect(refPreview.counts, JSON.stringify(refPreview.problemRows.slice(0, 2))).toMatchObject({
      add: 60,
      modify: 20,
      remove: 10,
      error: 0,
    });
    await client(refApp, refSession).post(
      `/api/v1/customers/${refCustomer}/imports/${refPreview.id}/apply`,
      {},
    );
    const refDone = await waitForImport(refApp, refSession, refCustomer, refPreview.id);
    expect(refDone).toMatchObject({ status: "completed", appliedRows: 90 });
    const expected = await finalState(reference.db.prisma, refCustomer);
    await refApp.close();
    await reference.drop();

    // Interrupted run: the worker dies after its third batch.
    const database = await setUp();
    const app = await buildApp({ db: database.db, importWorker: false });
    const session = await signIn(app, ACCOUNTS.customerAdmin);
    const customerId = session.me.customerId!;
    const preview = (
      await upload(app, session, customerId, await importFile(database.db.prisma, customerId))
    ).json();
    await client(app, session).post(
      `/api/v1/customers/${customerId}/imports/${preview.id}/apply`,
      {},
    );
    const crash = crashAfterBatch(3);
    startImportWorker(database.db, { batchSize: 7, pollMs: 60_000, afterBatch: crash.afterBatch });
    await crash.crashed;
    const midway = await database.db.prisma.import.findUniqueOrThrow({ where: { id: preview.id } });
    expect(midway.status).toBe("running");
    // Removals go first (10 rows: batches of 7 and 3), then the first 7 modifications.
    expect(midway.processedRows).toBe(17);

    // A restarted process takes the task over once its heartbeat is stale, and finishes it.
    const restarted = startImportWorker(database.db, {
      batchSize: 7,
      pollMs: 60_000,
      staleAfterMs: 0,
    });
    await restarted.idle();
    await restarted.stop();
    const done = await waitForImport(app, session, customerId, preview.id);
    expect(done).toMatchObject({
      status: "completed",
      appliedRows: 90,
      failedRows: 0,
      processedRows: 90,
    });
    const actual = await finalState(database.db.prisma, customerId);
    expect(actual.auditPerRow.every((n) => n === 1)).toBe(true);
    expect(actual).toEqual(expected);
    await app.close();
    await database.drop();
  }, 180_000); // three databases, two apps and a crash: near the default limit on a loaded 2-core machine

  it("fails a row whose user changed after the confirm with a code the UI translates", async () => {
    const database = await setUp();
    const { prisma } = database.db;
    const app = await buildApp({ db: database.db, importWorker: false });
    const session = await signIn(app, ACCOUNTS.customerAdmin);
    const customerId = session.me.customerId!;
    const [first, second] = await prisma.user.findMany({
      where: { customerId },
      orderBy: { emailLower: "asc" },
      take: 2,
    });
    const text = [
      "User ID/Email (Required),First Name",
      `${first!.email},Först`,
      `${second!.email},Andra`,
    ].join("\r\n");
    const preview = (await upload(app, session, customerId, text)).json();
    expect(preview.counts).toMatchObject({ modify: 2, error: 0 });
    await client(app, session).post(
      `/api/v1/customers/${customerId}/imports/${preview.id}/apply`,
      {},
    );
    // Between the first and the second row, someone else edits the second user.
    const worker = startImportWorker(database.db, {
      batchSize: 1,
      pollMs: 60_000,
      afterBatch: async (_id, n) => {
        if (n === 1)
          await prisma.user.update({
            where: { id: second!.id },
            data: { lastName: "Ändrad", version: { increment: 1 } },
          });
      },
    });
    await worker.idle();
    await worker.stop();
    const done = await waitForImport(app, session, customerId, preview.id);
    expect(done).toMatchObject({ status: "completed", appliedRows: 1, failedRows: 1 });
    const rows = (
      await client(app, session).get(
        `/api/v1/customers/${customerId}/imports/${preview.id}/rows?failed=true`,
      )
    ).json();
    expect(rows.items).toHaveLength(1);
    expect(rows.items[0]).toMatchObject({
      email: second!.email,
      applyError: expect.stringMatching(/changed or removed by someone else/),
      applyProblem: { code: "apply_changed_meanwhile" },
    });
    await app.close();
    await database.drop();
  });

  it.runIf(testDatabaseKind === "postgres")(
    "two API processes on one PostgreSQL never process one task twice",
    async () => {
      const database = await setUp();
      const second = database.connectAgain();
      const app = await buildApp({ db: database.db, importWorker: false });
      const session = await signIn(app, ACCOUNTS.customerAdmin);
      const customerId = session.me.customerId!;
      const preview = (
        await upload(app, session, customerId, await importFile(database.db.prisma, customerId))
      ).json();
      await client(app, session).post(
        `/api/v1/customers/${customerId}/imports/${preview.id}/apply`,
        {},
      );
      // Two workers race for the same task; the short stale limit invites a takeover mid-task.
      const a = startImportWorker(database.db, {
        batchSize: 3,
        pollMs: 20,
        staleAfterMs: 50,
      });
      const b = startImportWorker(second, { batchSize: 3, pollMs: 20, staleAfterMs: 50 });
      const done = await waitForImport(app, session, customerId, preview.id);
      await Promise.all([a.stop(), b.stop()]);
      expect(done).toMatchObject({ status: "completed", appliedRows: 90, processedRows: 90 });
      const state = await finalState(database.db.prisma, customerId);
      expect(state.auditRows).toBe(90);
      expect(state.auditPerRow.every((n) => n === 1)).toBe(true);
      expect(state.users.filter((u) => u.emailLower.startsWith("batch.user"))).toHaveLength(60);
      await app.close();
      await database.drop();
    },
  );
});
