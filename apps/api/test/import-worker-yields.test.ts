import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { seedDemo } from "../src/db/seed-demo.ts";
import { upload, waitForImport } from "./setup/imports.ts";
import { createTestDatabase } from "./setup/test-database.ts";
import { ACCOUNTS, PASSWORD, client, signIn } from "./setup/test-app.ts";

describe("a running import leaves the process free to answer", () => {
  it("lets timers and requests run between its batches, so progress shows and /healthz answers", async () => {
    const database = await createTestDatabase();
    try {
      await seedDemo(database.db, PASSWORD, {
        customers: 2,
        usersOfFirstTwo: 3,
        usersOfOthers: [1, 1],
      });
      const batches: number[] = [];
      const app = await buildApp({
        db: database.db,
        importWorker: { batchSize: 5, pollMs: 50, afterBatch: (_id, n) => void batches.push(n) },
      });
      try {
        const session = await signIn(app, ACCOUNTS.customerAdmin);
        const customerId = session.me.customerId!;
        const rows = Array.from(
          { length: 60 },
          (_, i) => `yield${i}@customer.example,Ny${i},TRUE,fjallbacka-fastigheter-ab.webex.com`,
        );
        const file = [
          "User ID/Email (Required),First Name,Webex Meetings,Preferred Webex Site",
          ...rows,
        ].join("\r\n");
        const preview = (await upload(app, session, customerId, file)).json();
        expect(preview.counts.add).toBe(60);

        const apply = await client(app, session).post(
          `/api/v1/customers/${customerId}/imports/${preview.id}/apply`,
          {},
        );
        expect(apply.statusCode).toBe(202);
        // A timer stands for every request waiting on the event loop (on PGlite each statement
        // settles as a microtask, so a worker that never yields starves them all).
        const batchesWhenTimerRan = new Promise<number>((resolve) =>
          setTimeout(() => resolve(batches.length), 1),
        );
        const done = await waitForImport(app, session, customerId, preview.id);
        expect(done).toMatchObject({ status: "completed", appliedRows: 60 });
        expect(batches.length).toBe(12);
        expect(await batchesWhenTimerRan).toBeLessThan(batches.length);
      } finally {
        await app.close();
      }
    } finally {
      await database.drop();
    }
  });
});
