import { beforeAll, describe, expect, it } from "vitest";
import { DEEP_PAGE_OFFSET } from "../src/db/page-window.ts";
import { client, useTestApp } from "./setup/test-app.ts";

/**
 * A partner administrator's customers sorted by name are read from their assignments, which
 * keep a copy of each customer's name (migration 0009). The pages must be exactly those of the
 * customers list itself, after renames too, and never show another partner's customer.
 */
describe("a partner administrator's customers by name", () => {
  const ctx = useTestApp({ customers: 6, usersOfFirstTwo: 2, usersOfOthers: [1, 1] });
  const extra = DEEP_PAGE_OFFSET + 200;
  let adminId = "";
  let partnerId = "";

  beforeAll(async () => {
    adminId = ctx.sessions.partnerAdmin.me.id;
    partnerId = ctx.sessions.partnerAdmin.me.partnerId!;
    // Few distinct names, so the id decides between equals.
    await ctx.database.db.raw.exec(`
      INSERT INTO "Customer" ("partnerId", "name", "nameLower", "externalId", "domain")
      SELECT '${partnerId}'::uuid, 'Order ' || (n % 30) || ' AB', 'order ' || (n % 30) || ' ab',
        'ORD-' || n, 'ord' || n || '.example'
      FROM generate_series(1, ${extra}) n;
      INSERT INTO "AdminCustomerAssignment" ("adminId", "customerId")
      SELECT '${adminId}'::uuid, "id" FROM "Customer" WHERE "externalId" LIKE 'ORD-%';`);
  });

  const expected = async (order: "ASC" | "DESC") =>
    (
      await ctx.database.db.raw.query<{ id: string }>(
        `SELECT c."id" FROM "Customer" c
         JOIN "AdminCustomerAssignment" a ON a."customerId" = c."id" AND a."adminId" = '${adminId}'
         WHERE c."partnerId" = '${partnerId}' ORDER BY c."nameLower" ${order}, c."id" ${order}`,
      )
    ).map((r) => r.id);

  const page = async (order: "asc" | "desc", offset: number, max = 25) =>
    (
      await client(ctx.app, ctx.sessions.partnerAdmin).get(
        `/api/v1/customers?sort=name&order=${order}&max=${max}&offset=${offset}`,
      )
    ).json<{ items: { id: string; name: string }[]; total: number }>();

  it.each(["asc", "desc"] as const)(
    "pages %s are the customers list's own pages",
    async (order) => {
      const ids = await expected(order === "asc" ? "ASC" : "DESC");
      expect(ids.length).toBeGreaterThan(DEEP_PAGE_OFFSET + 100);
      const t = ids.length;
      for (const offset of [0, 37, DEEP_PAGE_OFFSET, DEEP_PAGE_OFFSET + 13, t - 25, t - 1, t]) {
        const p = await page(order, offset);
        expect(p.total).toBe(t);
        expect(p.items.map((c) => c.id)).toEqual(ids.slice(offset, offset + 25));
      }
    },
  );

  it("follows a renamed customer", async () => {
    await ctx.database.db.raw.exec(
      `UPDATE "Customer" SET "name" = 'AAA Först AB', "nameLower" = 'aaa först ab' WHERE "externalId" = 'ORD-77'`,
    );
    const first = await page("asc", 0, 1);
    expect(first.items[0]!.name).toBe("AAA Först AB");
    expect((await page("asc", 0)).items.map((c) => c.id)).toEqual(
      (await expected("ASC")).slice(0, 25),
    );
  });

  it("never lists another partner's customer, even if an assignment points at one", async () => {
    const [foreign] = await ctx.database.db.raw.query<{ id: string }>(
      `SELECT "id" FROM "Customer" WHERE "partnerId" <> '${partnerId}' LIMIT 1`,
    );
    await ctx.database.db.raw.exec(
      `INSERT INTO "AdminCustomerAssignment" ("adminId", "customerId") VALUES ('${adminId}', '${foreign!.id}')`,
    );
    const ids = await expected("ASC");
    const all: string[] = [];
    for (let offset = 0; offset < ids.length; offset += 100)
      all.push(...(await page("asc", offset, 100)).items.map((c) => c.id));
    expect(all).toEqual(ids);
    expect(all).not.toContain(foreign!.id);
  });
});
