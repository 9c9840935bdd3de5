import { CSV_HEADERS } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { seedDemo } from "../src/db/seed-demo.ts";
import { startImportWorker } from "../src/modules/imports/import-worker.ts";
import { upload, waitForImport } from "./setup/imports.ts";
import { createTestDatabase } from "./setup/test-database.ts";
import { ACCOUNTS, PASSWORD, client, signIn } from "./setup/test-app.ts";

const SIZE = { customers: 2, usersOfFirstTwo: 5, usersOfOthers: [1, 1] as [number, number] };

function newUsersFile(count: number) {
  const lines = Array.from(
    { length: count },
    (_, i) => `queued.user${i}@customer.example,TRUE,fjallbacka-fastigheter-ab.webex.com`,
  );
  return [`"${CSV_HEADERS[0]}",Webex Meetings,Preferred Webex Site`, ...lines].join("\r\n");
}

/** Spec §11: a queued import of a customer that gets suspended waits, and runs after reactivation. */
describe("imports of a suspended customer", () => {
  it("a queued import waits while the customer is suspended and runs after reactivation", async () => {
    const database = await createTestDatabase();
    await seedDemo(database.db, PASSWORD, SIZE);
    const app = await buildApp({ db: database.db, importWorker: false });
    try {
      const admin = await signIn(app, ACCOUNTS.customerAdmin);
      const partner = await signIn(app, ACCOUNTS.partnerFull);
      const customerId = admin.me.customerId!;
      const usersBefore = await database.db.prisma.user.count({ where: { customerId } });
      const preview = (await upload(app, admin, customerId, newUsersFile(12))).json();
      expect(preview.counts).toMatchObject({ add: 12, error: 0 });
      const applied = await client(app, admin).post(
        `/api/v1/customers/${customerId}/imports/${preview.id}/apply`,
        {},
      );
      expect(applied.statusCode, applied.body).toBe(202);

      const customerUrl = `/api/v1/customers/${customerId}`;
      const version = async () => (await client(app, partner).get(customerUrl)).json().version;
      const suspended = await client(app, partner).raw({
        method: "PATCH",
        url: customerUrl,
        payload: { status: "suspended", version: await version() },
      });
      expect(suspended.statusCode, suspended.body).toBe(200);

      const worker = startImportWorker(database.db, { pollMs: 60_000 });
      await worker.idle();
      const waiting = await database.db.prisma.import.findUniqueOrThrow({
        where: { id: preview.id },
      });
      expect(waiting.status).toBe("queued");
      expect(await database.db.prisma.user.count({ where: { customerId } })).toBe(usersBefore);

      const reactivated = await client(app, partner).raw({
        method: "PATCH",
        url: customerUrl,
        payload: { status: "active", version: await version() },
      });
      expect(reactivated.statusCode).toBe(200);
      worker.kick();
      await worker.idle();
      await worker.stop();
      expect(await waitForImport(app, admin, customerId, preview.id)).toMatchObject({
        status: "completed",
        appliedRows: 12,
      });
      expect(await database.db.prisma.user.count({ where: { customerId } })).toBe(usersBefore + 12);
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it("a customer suspended mid-task stops it before the next batch; it resumes after reactivation, no row twice", async () => {
    const database = await createTestDatabase();
    await seedDemo(database.db, PASSWORD, SIZE);
    const app = await buildApp({ db: database.db, importWorker: false });
    try {
      const admin = await signIn(app, ACCOUNTS.customerAdmin);
      const customerId = admin.me.customerId!;
      const usersBefore = await database.db.prisma.user.count({ where: { customerId } });
      const preview = (await upload(app, admin, customerId, newUsersFile(20))).json();
      await client(app, admin).post(
        `/api/v1/customers/${customerId}/imports/${preview.id}/apply`,
        {},
      );
      const suspend = (status: "suspended" | "active") =>
        database.db.prisma.customer.update({ where: { id: customerId }, data: { status } });
      const worker = startImportWorker(database.db, {
        batchSize: 5,
        pollMs: 60_000,
        afterBatch: async (_id, n) => {
          if (n === 2) await suspend("suspended");
        },
      });
      await worker.idle();
      await worker.stop();
      const paused = await database.db.prisma.import.findUniqueOrThrow({
        where: { id: preview.id },
      });
      expect(paused).toMatchObject({ status: "queued", processedRows: 10, lockedBy: null });
      expect(await database.db.prisma.user.count({ where: { customerId } })).toBe(usersBefore + 10);

      await suspend("active");
      const resumed = startImportWorker(database.db, { batchSize: 5, pollMs: 60_000 });
      await resumed.idle();
      await resumed.stop();
      expect(await waitForImport(app, admin, customerId, preview.id)).toMatchObject({
        status: "completed",
        appliedRows: 20,
      });
      expect(await database.db.prisma.user.count({ where: { customerId } })).toBe(usersBefore + 20);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
