import { describe, expect, it } from "vitest";
import { CustomerSummarySchema, UserSchema, pageOf } from "@partner-hub/shared";
import { client, useTestApp } from "./setup/test-app.ts";

describe("customers and users lists", () => {
  const ctx = useTestApp({ customers: 12, usersOfFirstTwo: 40, usersOfOthers: [2, 5] });
  const partner = () => client(ctx.app, ctx.sessions.partnerFull);

  it("pages through all customers without gaps or repeats", async () => {
    const first = (await partner().get("/api/v1/customers?max=5")).json();
    expect(first.total).toBe(12);
    const seen: string[] = [];
    for (let offset = 0; offset < first.total; offset += 5) {
      const page = (await partner().get(`/api/v1/customers?max=5&offset=${offset}`)).json();
      seen.push(...page.items.map((c: { id: string }) => c.id));
    }
    expect(new Set(seen).size).toBe(12);
    const beyond = (await partner().get("/api/v1/customers?offset=500")).json();
    expect(beyond).toEqual({ items: [], total: 12 });
  });

  // The lists are serialised without the zod response check (http/json-text.ts), so the
  // contract is checked here: exactly the schema's shape, JSON content type, every page shape.
  it("answers lists in exactly the documented shape", async () => {
    const customers = await partner().get("/api/v1/customers?max=100&sort=userCount&order=desc");
    expect(customers.headers["content-type"]).toBe("application/json; charset=utf-8");
    // strict(): a key the schema does not name is an error, not silently dropped.
    const page = pageOf(CustomerSummarySchema.strict()).strict().parse(customers.json());
    expect(page.items).toHaveLength(12);
    for (const c of page.items) expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt);
    expect(page.items[0]!.packages.length).toBeGreaterThan(0);
    for (const offset of [0, 39, 1000, 2000]) {
      const res = await partner().get(
        `/api/v1/customers/${page.items[0]!.id}/users?max=5&offset=${offset}`,
      );
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      const users = pageOf(UserSchema.strict()).strict().parse(res.json());
      expect(users.total).toBe(40);
      expect(users.items).toHaveLength(offset < 40 ? Math.min(5, 40 - offset) : 0);
      for (const u of users.items) expect(new Date(u.updatedAt).toISOString()).toBe(u.updatedAt);
    }
    const empty = await partner().get(`/api/v1/customers?search=zzzz`);
    expect(pageOf(CustomerSummarySchema.strict()).strict().parse(empty.json())).toEqual({
      items: [],
      total: 0,
    });
  });

  // The list tells customers apart by users against quota: each row's quotas added up, the same
  // figure as the customer's own page, on shallow and deep pages alike.
  it("gives each customer its users against its quotas added up", async () => {
    const page = (await partner().get("/api/v1/customers?max=100")).json();
    for (const c of page.items.slice(0, 3)) {
      const detail = (await partner().get(`/api/v1/customers/${c.id}`)).json();
      const sum = detail.quotas.reduce((n: number, q: { maxUsers: number }) => n + q.maxUsers, 0);
      expect(sum).toBeGreaterThan(0);
      expect(c.userQuota).toBe(sum);
      expect(detail.userQuota).toBe(sum);
    }
    const deep = (await partner().get("/api/v1/customers?max=1&offset=11")).json();
    const last = page.items[11];
    expect(deep.items).toEqual([last]);
  });

  it("searches by name (ignoring case)  and by external ID", async () => {
    const byName = (
      await partner().get(`/api/v1/customers?search=${encodeURIComponent("fjällbacka")}`)
    ).json();
    expect(byName.items.map((c: { name: string }) => c.name)).toContain(
      "Fjällbacka Fastigheter AB",
    );
    expect(
      byName.items.every((c: { name: string }) => c.name.toLowerCase().includes("fjällbacka")),
    ).toBe(true);
    const byExternal = (await partner().get("/api/v1/customers?search=nt-10002")).json();
    expect(byExternal.items.map((c: { name: string }) => c.name)).toEqual(["Norrsken Energi AB"]);
    const none = (await partner().get("/api/v1/customers?search=zzzz")).json();
    expect(none).toEqual({ items: [], total: 0 });
  });

  // The searched text is a stored column (migration 0010): it must follow a rename at once.
  it("finds a renamed customer by its new name only", async () => {
    const search = async (text: string) =>
      (await partner().get(`/api/v1/customers?search=${encodeURIComponent(text)}`)).json();
    const [target] = (await search("nt-10003")).items as { id: string; name: string }[];
    await ctx.database.db.raw.query(
      `UPDATE "Customer" SET "name" = 'Öresund Vågkraft AB', "nameLower" = 'öresund vågkraft ab'
       WHERE "id" = $1::uuid`,
      [target!.id],
    );
    expect((await search("VÅGKRAFT")).items.map((c: { id: string }) => c.id)).toEqual([target!.id]);
    expect((await search(target!.name)).total).toBe(0);
    expect((await search("NT-10003")).items.map((c: { name: string }) => c.name)).toEqual([
      "Öresund Vågkraft AB",
    ]);
  });

  it("filters by status and sorts by user count both ways", async () => {
    const active = (await partner().get("/api/v1/customers?status=active&max=100")).json();
    expect(active.items.every((c: { status: string }) => c.status === "active")).toBe(true);
    const desc = (
      await partner().get("/api/v1/customers?sort=userCount&order=desc&max=100")
    ).json();
    const counts = desc.items.map((c: { userCount: number }) => c.userCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(40);
    const byName = (await partner().get("/api/v1/customers?sort=name&max=100")).json();
    const names = byName.items.map((c: { name: string }) => c.name.toLowerCase());
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("shows a customer with quotas counted from its users", async () => {
    const list = (await partner().get("/api/v1/customers?search=NT-10001")).json();
    const detail = (await partner().get(`/api/v1/customers/${list.items[0].id}`)).json();
    expect(detail.domain).toBe("customer.example");
    const assigned = detail.quotas.reduce(
      (n: number, q: { assignedUsers: number }) => n + q.assignedUsers,
      0,
    );
    expect(assigned).toBe(40);
    expect(detail.userCount).toBe(40);
    expect(
      detail.quotas.every(
        (q: { maxUsers: number; assignedUsers: number }) => q.maxUsers - q.assignedUsers >= 1000,
      ),
    ).toBe(true);
  });

  it("lists a customer's users with search, package and status filters", async () => {
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const c = client(ctx.app, ctx.sessions.customerAdmin);
    const all = (await c.get(`/api/v1/customers/${customerId}/users?max=100`)).json();
    expect(all.total).toBe(40);
    const user = all.items[0];
    expect(Object.keys(user)).toEqual(
      expect.arrayContaining([
        "id",
        "email",
        "firstName",
        "lastName",
        "displayName",
        "package",
        "phoneNumber",
        "extension",
        "locationId",
        "preferredWebexSite",
        "baseLicences",
        "status",
        "version",
      ]),
    );
    const calling = (
      await c.get(`/api/v1/customers/${customerId}/users?package=webex_calling&max=100`)
    ).json();
    expect(calling.items.every((u: { package: string }) => u.package === "webex_calling")).toBe(
      true,
    );
    expect(calling.total).toBe(
      all.items.filter((u: { package: string }) => u.package === "webex_calling").length,
    );
    const pending = (
      await c.get(`/api/v1/customers/${customerId}/users?status=pending&max=100`)
    ).json();
    expect(pending.items.every((u: { status: string }) => u.status === "pending")).toBe(true);
    const someone =
      all.items.find((u: { firstName: string }) => /[åäöÅÄÖ]/.test(u.firstName)) ?? all.items[0];
    const found = (
      await c.get(
        `/api/v1/customers/${customerId}/users?search=${encodeURIComponent(`${someone.firstName.toUpperCase()} ${someone.lastName}`)}`,
      )
    ).json();
    expect(found.items.map((u: { id: string }) => u.id)).toContain(someone.id);
    const byEmail = (
      await c.get(
        `/api/v1/customers/${customerId}/users?search=${encodeURIComponent(someone.email.toUpperCase())}`,
      )
    ).json();
    expect(byEmail.items.map((u: { id: string }) => u.id)).toEqual([someone.id]);
  });

  it("rejects an unknown package filter with a 400 naming it", async () => {
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const res = await client(ctx.app, ctx.sessions.customerAdmin).get(
      `/api/v1/customers/${customerId}/users?package=webex_gold`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("query.package");
  });

  it("keeps the partner's customer total right whoever adds or removes customers", async () => {
    const before = (await partner().get("/api/v1/customers?max=1")).json().total;
    const { prisma } = ctx.database.db;
    const partnerId = ctx.sessions.partnerFull.me.partnerId!;
    const added = await prisma.customer.create({
      data: {
        partnerId,
        name: "Trigger Test AB",
        nameLower: "trigger test ab",
        externalId: "NT-TRIGGER",
        domain: "t.example",
      },
    });
    expect((await partner().get("/api/v1/customers?max=1")).json().total).toBe(before + 1);
    await prisma.$executeRaw`DELETE FROM "Customer" WHERE "id" = ${added.id}::uuid`;
    expect((await partner().get("/api/v1/customers?max=1")).json().total).toBe(before);
  });
});
