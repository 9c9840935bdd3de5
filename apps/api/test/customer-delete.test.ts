import { CSV_HEADERS } from "@partner-hub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { seedDemo } from "../src/db/seed-demo.ts";
import { startImportWorker } from "../src/modules/imports/import-worker.ts";
import { startCustomerPurger } from "../src/modules/customers/purge-deleted-customers.ts";
import { crashAfterBatch, upload } from "./setup/imports.ts";
import { appRoutes } from "./setup/routes.ts";
import { sampleUrl, sendSample } from "./setup/sample-requests.ts";
import { createTestDatabase, type TestDatabase } from "./setup/test-database.ts";
import { ACCOUNTS, PASSWORD, client, signIn, type Session } from "./setup/test-app.ts";
import { loadTenants } from "./setup/tenants.ts";
import {
  checkResponsesAgainstOpenapi,
  assertNoContractViolations,
} from "./setup/openapi-contract.ts";

const CUSTOMER_ROUTES = (await appRoutes()).filter((r) =>
  r.url.startsWith("/api/v1/customers/:customerId"),
);

function newUsersFile(count: number, prefix: string) {
  const lines = Array.from(
    { length: count },
    (_, i) => `${prefix}${i}@customer.example,TRUE,s.webex.com`,
  );
  return [`"${CSV_HEADERS[0]}",Webex Meetings,Preferred Webex Site`, ...lines].join("\r\n");
}

/** Spec §11 Delete customer: who may, what goes at once, what goes in the background, what stays. */
describe("deleting a customer", () => {
  let database: TestDatabase;
  let app: App;
  let contract: ReturnType<typeof checkResponsesAgainstOpenapi>;
  const sessions = {} as Record<keyof typeof ACCOUNTS, Session>;
  let tenants: Awaited<ReturnType<typeof loadTenants>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, PASSWORD, {
      customers: 8,
      usersOfFirstTwo: 20,
      usersOfOthers: [3, 6],
    });
    // No worker nor purger of its own: each test starts the ones it watches.
    app = await buildApp({ db: database.db, importWorker: false });
    contract = checkResponsesAgainstOpenapi(app);
    for (const key of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])
      sessions[key] = await signIn(app, ACCOUNTS[key]);
    tenants = await loadTenants(database.db);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    if (contract) assertNoContractViolations(contract);
  });

  const del = (session: Session, customerId: string, headers: Record<string, string> = {}) =>
    client(app, session).raw({ method: "DELETE", url: `/api/v1/customers/${customerId}`, headers });
  const drainPurge = async () => {
    const purger = startCustomerPurger(database.db, { pollMs: 60_000, pauseMs: 0 });
    await purger.idle();
    await purger.stop();
  };

  it("only a partner full administrator may: others who see it get 403, others 404, nothing changes", async () => {
    const home = tenants.home.customer;
    expect((await del(sessions.partnerReadonly, home)).statusCode).toBe(403);
    expect((await del(sessions.partnerAdmin, home)).statusCode).toBe(403);
    expect((await del(sessions.customerAdmin, home)).statusCode).toBe(403);
    expect((await del(sessions.partnerAdmin, tenants.unassigned.customer)).statusCode).toBe(404);
    expect((await del(sessions.otherCustomerAdmin, home)).statusCode).toBe(404);
    expect((await del(sessions.foreignPartner, home)).statusCode).toBe(404);
    expect((await del(sessions.partnerFull, tenants.foreign.customer)).statusCode).toBe(404);
    // A stale If-Match is refused with the current customer; no If-Match is not required.
    const stale = await del(sessions.partnerFull, home, { "if-match": '"999"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ id: home });
    const customer = await database.db.prisma.customer.findUniqueOrThrow({ where: { id: home } });
    expect(customer.deletedAt).toBeNull();
    expect((await client(app, sessions.customerAdmin).get("/api/v1/auth/me")).statusCode).toBe(200);
  });

  it("the customer is 404 on every route at once, out of the list, search and counts; its admins' sessions end", async () => {
    const partner = client(app, sessions.partnerFull);
    const target = tenants.home; // Fjällbacka: the customer admin's own, assigned to the partner admin
    // Something in its log besides the deletion: a user its administrator added.
    const added = await client(app, sessions.customerAdmin).post(
      `/api/v1/customers/${target.customer}/users`,
      {
        users: [
          {
            email: "before.delete@customer.example",
            firstName: "Before",
            lastName: "Delete",
            package: "webex_meetings",
            preferredWebexSite: "customer.webex.com",
          },
        ],
      },
    );
    expect(added.statusCode, added.body).toBe(201);
    const shown = (await partner.get(`/api/v1/customers/${target.customer}`)).json();
    const name = shown.name as string;
    const totals = async () => ({
      all: (await partner.get("/api/v1/customers?max=1")).json().total as number,
      active: (await partner.get("/api/v1/customers?max=1&status=active")).json().total as number,
      search: (await partner.get(`/api/v1/customers?search=${encodeURIComponent(name)}`)).json()
        .total as number,
      assigned: (await client(app, sessions.partnerAdmin).get("/api/v1/customers?max=1")).json()
        .total as number,
    });
    const before = await totals();
    expect(before.search).toBe(1);
    const res = await del(sessions.partnerFull, target.customer, {
      "if-match": `"${shown.version}"`,
    });
    expect(res.statusCode, res.body).toBe(204);

    // Every route under the customer, as its former partner: the same 404 as no customer at all.
    for (const route of CUSTOMER_ROUTES) {
      const answer = await sendSample(app, sessions.partnerFull, route, sampleUrl(route, target));
      expect(answer.statusCode, `${route.key}: ${answer.body.slice(0, 200)}`).toBe(404);
      expect(answer.json().detail).toBe("The customer does not exist.");
    }
    expect((await del(sessions.partnerFull, target.customer)).statusCode).toBe(404);

    const after = await totals();
    expect(after).toEqual({
      all: before.all - 1,
      active: before.active - 1,
      search: 0,
      assigned: before.assigned - 1,
    });
    const listed = (await partner.get("/api/v1/customers?max=100")).json().items as {
      id: string;
    }[];
    expect(listed.map((c) => c.id)).not.toContain(target.customer);
    // The trigger-kept totals agree with a count of the rows.
    const [counted] = await database.db.raw.query<{ live: number }>(
      `SELECT count(*)::int AS live FROM "Customer" WHERE "partnerId" = $1 AND "deletedAt" IS NULL`,
      [sessions.partnerFull.me.partnerId],
    );
    expect(after.all).toBe(counted!.live);

    // Its administrators are gone, and with them their sessions: the very next request is 401.
    expect((await client(app, sessions.customerAdmin).get("/api/v1/auth/me")).statusCode).toBe(401);
    // …on the list routes too, whose cached sessions are proved in the same statement.
    expect((await client(app, sessions.customerAdmin).get("/api/v1/customers")).statusCode).toBe(
      401,
    );
    expect(await database.db.prisma.admin.count({ where: { customerId: target.customer } })).toBe(
      0,
    );
    const relogin = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: ACCOUNTS.customerAdmin, password: PASSWORD },
    });
    expect(relogin.statusCode).toBe(401);

    // Its external ID is free for a new customer at once: only live customers hold one.
    const row = await database.db.prisma.customer.findUniqueOrThrow({
      where: { id: target.customer },
    });
    expect(row.deletedAt).not.toBeNull();

    // The data goes in the background, and the events stay in the partner's log, naming it.
    await drainPurge();
    const p = database.db.prisma;
    expect(await p.user.count({ where: { customerId: target.customer } })).toBe(0);
    expect(await p.location.count({ where: { customerId: target.customer } })).toBe(0);
    expect(await p.customerPackageQuota.count({ where: { customerId: target.customer } })).toBe(0);
    const purged = await p.customer.findUniqueOrThrow({ where: { id: target.customer } });
    expect(purged.purgedAt).not.toBeNull();
    expect(purged.userCount).toBe(0);

    const log = await partner.get(`/api/v1/audit?customerId=${target.customer}&max=100`);
    expect(log.statusCode).toBe(200);
    const events = log.json().items as { action: string; customerName: string | null }[];
    expect(events.map((e) => e.action)).toEqual(["customer.deleted", "user.created"]);
    expect(events[0]).toMatchObject({
      action: "customer.deleted",
      customerName: name,
      before: expect.objectContaining({
        name,
        users: shown.userCount,
        locations: shown.locationCount,
        administrators: 1,
      }),
      after: null,
    });
    expect(events.every((e) => e.customerName === name)).toBe(true);
    // …and the read-only administrator reads them too.
    const readonlyLog = await client(app, sessions.partnerReadonly).get(
      `/api/v1/audit?customerId=${target.customer}`,
    );
    expect(readonlyLog.json().total).toBe(log.json().total);
  });

  it("a queued import is cancelled and the worker leaves it cancelled", async () => {
    const target = tenants.sibling; // Norrsken, with its own customer admin
    const admin = sessions.otherCustomerAdmin;
    const preview = (
      await upload(app, admin, target.customer, newUsersFile(5, "queued.user"))
    ).json();
    const applied = await client(app, admin).post(
      `/api/v1/customers/${target.customer}/imports/${preview.id}/apply`,
      {},
    );
    expect(applied.statusCode, applied.body).toBe(202);
    const usersBefore = await database.db.prisma.user.count({
      where: { customerId: target.customer },
    });

    expect((await del(sessions.partnerFull, target.customer)).statusCode).toBe(204);
    const worker = startImportWorker(database.db, { pollMs: 60_000, staleAfterMs: 0 });
    await worker.idle();
    await worker.stop();
    const task = await database.db.prisma.import.findUniqueOrThrow({ where: { id: preview.id } });
    expect(task.status).toBe("failed");
    expect(task.lockedBy).toBeNull();
    expect(JSON.parse(task.failureReason!)).toMatchObject({ code: "import_cancelled" });
    expect(await database.db.prisma.user.count({ where: { customerId: target.customer } })).toBe(
      usersBefore,
    );
    await drainPurge();
    expect(await database.db.prisma.import.count({ where: { customerId: target.customer } })).toBe(
      0,
    );
  });

  it("a running import ends after its current batch; nothing comes back", async () => {
    const partner = sessions.partnerFull;
    const target = tenants.unassigned;
    const preview = (
      await upload(app, partner, target.customer, newUsersFile(30, "running.user"))
    ).json();
    expect(preview.counts).toMatchObject({ add: 30, error: 0 });
    expect(
      (
        await client(app, partner).post(
          `/api/v1/customers/${target.customer}/imports/${preview.id}/apply`,
          {},
        )
      ).statusCode,
    ).toBe(202);
    // The worker pauses after its first batch of 10, as if busy, while the customer is deleted.
    let release: () => void = () => {};
    let paused: () => void = () => {};
    const pausedAt = new Promise<void>((r) => (paused = r));
    const worker = startImportWorker(database.db, {
      pollMs: 60_000,
      batchSize: 10,
      afterBatch: (_id, n) => {
        if (n !== 1) return;
        paused();
        return new Promise<void>((r) => (release = r));
      },
    });
    await pausedAt;
    expect((await del(sessions.partnerFull, target.customer)).statusCode).toBe(204);
    release();
    await worker.idle();
    await worker.stop();
    const task = await database.db.prisma.import.findUniqueOrThrow({ where: { id: preview.id } });
    expect(task).toMatchObject({ status: "failed", lockedBy: null, appliedRows: 10 });
    await drainPurge();
    expect(await database.db.prisma.user.count({ where: { customerId: target.customer } })).toBe(0);
  });

  it("a customer of a few thousand users goes in batches, and a purge that dies mid-way is resumed", async () => {
    const p = database.db.prisma;
    const target = await p.customer.findFirstOrThrow({
      where: {
        partnerId: sessions.partnerFull.me.partnerId!,
        deletedAt: null,
        id: {
          notIn: [tenants.home.customer, tenants.sibling.customer, tenants.unassigned.customer],
        },
      },
    });
    const users = 3000;
    const seeded = await p.user.count({ where: { customerId: target.id } });
    await database.db.raw.query(
      `INSERT INTO "User" ("customerId", email, "emailLower", "firstName", "lastName", "displayName", package)
       SELECT $1::uuid, 'bulk' || g || '@big.example', 'bulk' || g || '@big.example', 'Bulk', 'User ' || g, 'Bulk User', 'webex_meetings'
       FROM generate_series(1, ${users}) g`,
      [target.id],
    );
    await database.db.raw.query(
      `UPDATE "Customer" SET "userCount" = (SELECT count(*) FROM "User" WHERE "customerId" = $1::uuid) WHERE id = $1::uuid`,
      [target.id],
    );
    const other = tenants.allOwnCustomerIds.find(
      (id) =>
        id !== target.id &&
        id !== tenants.home.customer &&
        id !== tenants.sibling.customer &&
        id !== tenants.unassigned.customer,
    )!;
    const otherUsers = await p.user.count({ where: { customerId: other } });

    expect((await del(sessions.partnerFull, target.id)).statusCode).toBe(204);
    // The first purger dies after its second batch of 500 (its process gone, nothing after it runs).
    const crash = crashAfterBatch(2);
    startCustomerPurger(database.db, {
      pollMs: 60_000,
      pauseMs: 0,
      batchSize: 500,
      afterBatch: (_id, n) => crash.afterBatch("", n),
    });
    await crash.crashed;
    // Two batches committed, each with its count: what is left is what the row says is left.
    const left = await p.user.count({ where: { customerId: target.id } });
    expect(left).toBe(seeded + users - 1000);
    expect((await p.customer.findUniqueOrThrow({ where: { id: target.id } })).userCount).toBe(left);

    const batches: number[] = [];
    const second = startCustomerPurger(database.db, {
      pollMs: 60_000,
      pauseMs: 0,
      batchSize: 500,
      afterBatch: (_id, n) => void batches.push(n),
    });
    await second.idle();
    await second.stop();
    // The rest in batches of at most 500 users, then one batch for what else it had.
    expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(left / 500));
    expect(await p.user.count({ where: { customerId: target.id } })).toBe(0);
    expect(
      (await p.customer.findUniqueOrThrow({ where: { id: target.id } })).purgedAt,
    ).not.toBeNull();
    // Nobody else's users went.
    expect(await p.user.count({ where: { customerId: other } })).toBe(otherUsers);
  });

  it("inviting an administrator to a suspended customer is refused like its other writes", async () => {
    const partner = client(app, sessions.partnerFull);
    const target = await database.db.prisma.customer.findFirstOrThrow({
      where: {
        partnerId: sessions.partnerFull.me.partnerId!,
        deletedAt: null,
        status: "active",
      },
    });
    const url = `/api/v1/customers/${target.id}`;
    const suspended = await partner.raw({
      method: "PATCH",
      url,
      payload: { status: "suspended", version: target.version },
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const invited = await partner.post(`${url}/admins`, {
      email: "suspended.invite@example.org",
      name: "Not Now",
    });
    expect(invited.statusCode).toBe(409);
    expect(invited.json().code).toBe("customer_suspended");
    expect(
      await database.db.prisma.admin.count({ where: { email: "suspended.invite@example.org" } }),
    ).toBe(0);
    // A deleted customer stays deletable even while suspended (the partner's last word).
    expect((await del(sessions.partnerFull, target.id)).statusCode).toBe(204);
  });
});
