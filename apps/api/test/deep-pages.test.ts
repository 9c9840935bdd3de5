import { beforeAll, describe, expect, it } from "vitest";
import { DEEP_PAGE_OFFSET } from "../src/db/page-window.ts";
import { client, useTestApp } from "./setup/test-app.ts";

/**
 * Pages past DEEP_PAGE_OFFSET are read from the nearer end of the list and turned round
 * (db/page-window.ts), and several totals come from trigger-kept counts (migration 0007). Here
 * both are compared with what plain OFFSET/LIMIT and count(*) give on the same data.
 */
describe("deep pages and kept totals", () => {
  const ctx = useTestApp({ customers: 6, usersOfFirstTwo: 10, usersOfOthers: [1, 2] });
  const extraUsers = DEEP_PAGE_OFFSET + 160;
  const extraCustomers = DEEP_PAGE_OFFSET + 90;
  let customerId = "";
  let partnerId = "";

  beforeAll(async () => {
    const raw = ctx.database.db.raw;
    customerId = ctx.sessions.customerAdmin.me.customerId!;
    partnerId = ctx.sessions.partnerFull.me.partnerId!;
    // Few distinct names, so ties decide the order; statuses and packages mixed.
    await raw.exec(`
      INSERT INTO "User" ("customerId", "email", "emailLower", "firstName", "lastName", "displayName",
        "package", "status", "createdAt", "updatedAt")
      SELECT '${customerId}'::uuid, 'deep' || n || '@customer.example', 'deep' || n || '@customer.example',
        'First' || (n % 7), 'Last' || (n % 13), 'First' || (n % 7) || ' Last' || (n % 13),
        (ARRAY['webex_meetings','webex_suite','webex_calling'])[1 + n % 3],
        (ARRAY['active','pending','inactive'])[1 + n % 3]::"UserStatus",
        now() - (n % 50) * interval '1 minute', now()
      FROM generate_series(1, ${extraUsers}) n;
      UPDATE "Customer" SET "userCount" = (SELECT count(*) FROM "User" WHERE "customerId" = '${customerId}'::uuid)
      WHERE "id" = '${customerId}'::uuid;
      INSERT INTO "Customer" ("partnerId", "name", "nameLower", "externalId", "domain", "status", "userCount")
      SELECT '${partnerId}'::uuid, 'Deep ' || (n % 40) || ' AB', 'deep ' || (n % 40) || ' ab', 'DEEP-' || n,
        'deep' || n || '.example', (ARRAY['active','provisioning','suspended'])[1 + n % 3]::"CustomerStatus", n % 9
      FROM generate_series(1, ${extraCustomers}) n;`);
  });

  const ids = async (sql: string) =>
    (await ctx.database.db.raw.query<{ id: string }>(sql)).map((r) => r.id);

  it.each([
    ["sort=name&order=asc", `"lastName" ASC, "firstName" ASC, "id" ASC`, ""],
    ["sort=name&order=desc", `"lastName" DESC, "firstName" DESC, "id" DESC`, ""],
    ["sort=email&order=desc", `"emailLower" DESC, "id" DESC`, ""],
    [
      "sort=package&order=asc&status=pending",
      `"package" ASC, "lastName" ASC, "firstName" ASC, "id" ASC`,
      `AND "status" = 'pending'`,
    ],
    ["sort=createdAt&order=asc", `"createdAt" ASC, "id" ASC`, ""],
  ])("users %s: deep pages are the same rows as OFFSET gives", async (params, order, filter) => {
    const expected = await ids(
      `SELECT "id" FROM "User" WHERE "customerId" = '${customerId}'::uuid ${filter} ORDER BY ${order}`,
    );
    const c = client(ctx.app, ctx.sessions.partnerFull);
    for (const offset of [DEEP_PAGE_OFFSET, DEEP_PAGE_OFFSET + 37, expected.length - 30]) {
      if (offset < DEEP_PAGE_OFFSET) continue;
      const page = (
        await c.get(`/api/v1/customers/${customerId}/users?${params}&max=50&offset=${offset}`)
      ).json();
      expect(page.total).toBe(expected.length);
      expect(page.items.map((u: { id: string }) => u.id)).toEqual(
        expected.slice(offset, offset + 50),
      );
    }
    for (const offset of [expected.length, expected.length * 2 + 5]) {
      const past = (
        await c.get(`/api/v1/customers/${customerId}/users?${params}&offset=${offset}`)
      ).json();
      expect(past).toEqual({ items: [], total: expected.length });
    }
  });

  it("answers a deep page of a customer outside the caller's scope with 404 and no rows", async () => {
    const [other] = await ids(
      `SELECT "id" FROM "Customer" WHERE "partnerId" = '${partnerId}'::uuid
         AND "id" <> '${customerId}'::uuid ORDER BY "id" LIMIT 1`,
    );
    await ctx.database.db.raw.exec(`
      INSERT INTO "User" ("customerId", "email", "emailLower", "firstName", "lastName", "displayName", "package")
      SELECT '${other}'::uuid, 'other' || n || '@other.example', 'other' || n || '@other.example',
        'Other', 'Person' || n, 'Other Person' || n, 'webex_meetings'
      FROM generate_series(1, ${DEEP_PAGE_OFFSET + 60}) n;
      UPDATE "Customer" SET "userCount" = (SELECT count(*) FROM "User" WHERE "customerId" = '${other}'::uuid)
      WHERE "id" = '${other}'::uuid;`);
    for (const offset of [DEEP_PAGE_OFFSET, DEEP_PAGE_OFFSET + 30]) {
      const path = `/api/v1/customers/${other}/users?offset=${offset}`;
      // The partner sees the page (so there are rows to leak) ...
      const own = await client(ctx.app, ctx.sessions.partnerFull).get(path);
      expect(own.statusCode).toBe(200);
      expect(own.json().items.length).toBeGreaterThan(0);
      // ... another customer's administrator gets the 404 of a customer that does not exist.
      const foreign = await client(ctx.app, ctx.sessions.customerAdmin).get(path);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).not.toContain("@other.example");
    }
  });

  it.each([
    ["sort=name&order=asc", `"nameLower" ASC, "id" ASC`, ""],
    ["sort=userCount&order=desc", `"userCount" DESC, "nameLower" ASC, "id" ASC`, ""],
    [
      "sort=externalId&order=desc&status=provisioning",
      `"externalId" DESC, "nameLower" ASC, "id" ASC`,
      `AND "status" = 'provisioning'`,
    ],
  ])(
    "customers %s: deep pages are the same rows as OFFSET gives",
    async (params, order, filter) => {
      const expected = await ids(
        `SELECT "id" FROM "Customer" WHERE "partnerId" = '${partnerId}'::uuid ${filter} ORDER BY ${order}`,
      );
      const c = client(ctx.app, ctx.sessions.partnerFull);
      for (const offset of [DEEP_PAGE_OFFSET - 1, DEEP_PAGE_OFFSET + 11, expected.length - 7]) {
        const page = (await c.get(`/api/v1/customers?${params}&max=25&offset=${offset}`)).json();
        expect(page.total).toBe(expected.length);
        expect(page.items.map((x: { id: string }) => x.id)).toEqual(
          expected.slice(offset, offset + 25),
        );
        // Deep pages add up each row's quotas as shallow ones do.
        const quotas = await ctx.database.db.raw.query<{ id: string; sum: number }>(
          `SELECT c."id", COALESCE((SELECT sum("maxUsers") FROM "CustomerPackageQuota" q
             WHERE q."customerId" = c."id"), 0)::int AS "sum"
           FROM "Customer" c WHERE c."id" = ANY ('{${page.items.map((x: { id: string }) => x.id).join(",")}}'::uuid[])`,
        );
        const quotaOf = new Map(quotas.map((q) => [q.id, q.sum]));
        for (const x of page.items as { id: string; userQuota: number }[])
          expect(x.userQuota).toBe(quotaOf.get(x.id));
      }
    },
  );

  it("keeps the status totals and package lists right as customers and quotas change", async () => {
    const c = client(ctx.app, ctx.sessions.partnerFull);
    const counted = async (status: string) =>
      (
        await ctx.database.db.raw.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Customer" WHERE "partnerId" = '${partnerId}'::uuid AND "status" = '${status}'`,
        )
      )[0]!.n;
    const totalOf = async (status: string) =>
      (await c.get(`/api/v1/customers?status=${status}&max=1`)).json().total;
    for (const status of ["active", "provisioning", "suspended"])
      expect(await totalOf(status)).toBe(await counted(status));

    await ctx.database.db.raw.exec(
      `UPDATE "Customer" SET "status" = 'suspended' WHERE "externalId" IN ('DEEP-3', 'DEEP-6')`,
    );
    for (const status of ["active", "provisioning", "suspended"])
      expect(await totalOf(status)).toBe(await counted(status));

    const deep = async () =>
      (await c.get("/api/v1/customers?search=DEEP-12&sort=externalId")).json().items[0];
    expect((await deep()).packages).toEqual([]);
    await ctx.database.db.raw.exec(`
      INSERT INTO "CustomerPackageQuota" ("customerId", "package", "maxUsers")
      SELECT "id", p, 10 FROM "Customer", unnest(ARRAY['webex_suite','webex_calling']) p
      WHERE "externalId" = 'DEEP-12'`);
    // The catalogue's order (Webex Calling before Webex Suite), not the order of insertion.
    expect((await deep()).packages).toEqual(["webex_calling", "webex_suite"]);
  });

  it("keeps a partner administrator's total right as assignments change", async () => {
    const c = client(ctx.app, ctx.sessions.partnerAdmin);
    const adminId = ctx.sessions.partnerAdmin.me.id;
    const before = (await c.get("/api/v1/customers?max=1")).json().total;
    const [deep] = await ids(`SELECT "id" FROM "Customer" WHERE "externalId" = 'DEEP-5'`);
    await ctx.database.db.raw.exec(
      `INSERT INTO "AdminCustomerAssignment" ("adminId", "customerId") VALUES ('${adminId}', '${deep}')`,
    );
    expect((await c.get("/api/v1/customers?max=1")).json().total).toBe(before + 1);
    await ctx.database.db.raw.exec(`DELETE FROM "Customer" WHERE "id" = '${deep}'`);
    expect((await c.get("/api/v1/customers?max=1")).json().total).toBe(before);
  });
});
