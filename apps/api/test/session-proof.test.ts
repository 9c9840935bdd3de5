import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_HEADERS } from "@partner-hub/shared";
import { buildApp, type App } from "../src/app.ts";
import { hashToken } from "../src/modules/auth/sessions.ts";
import { upload } from "./setup/imports.ts";
import { appRoutes, isListRoute } from "./setup/routes.ts";
import { sampleUrl } from "./setup/sample-requests.ts";
import { ACCOUNTS, client, signIn, useTestApp, type Session } from "./setup/test-app.ts";
import { loadTenants } from "./setup/tenants.ts";

/** Every list page behind a session (a GET whose query takes `offset`; not the public catalogue). */
const LIST_ROUTES = (await appRoutes()).filter((r) => isListRoute(r) && !r.route.config?.public);
const tokenHashOf = (s: Session) => hashToken(s.cookie.split("ph_session=")[1]!.split(";")[0]!);

/**
 * The lists skip the session lookup for sessions their process has cached and prove the session
 * in their own query instead (auth/session-cache.ts). Two apps on one database stand for two API
 * processes: whatever happens to a session through one, the other's lists must see at once.
 */
describe("cached sessions are proved by the database on every list request", () => {
  const ctx = useTestApp({ customers: 6, usersOfFirstTwo: 5, usersOfOthers: [1, 2] });
  let other: App;
  beforeAll(async () => {
    other = await buildApp({ db: ctx.database.db });
  });
  afterAll(async () => {
    await other?.close();
  });

  /** Two list requests through the other process: the second one uses its cache. */
  const warm = async (s: Session, url: string) => {
    expect((await client(other, s).get(url)).statusCode).toBe(200);
    expect(other.sessionCache.has(tokenHashOf(s))).toBe(true);
    expect((await client(other, s).get(url)).statusCode).toBe(200);
  };

  it("refuses a session signed out through another process", async () => {
    const s = await signIn(ctx.app, ACCOUNTS.partnerFull);
    await warm(s, "/api/v1/customers");
    const customerId = (await client(other, s).get("/api/v1/customers")).json().items[0].id;
    await warm(s, `/api/v1/customers/${customerId}/users`);
    expect((await client(ctx.app, s).post("/api/v1/auth/logout")).statusCode).toBe(204);
    for (const url of ["/api/v1/customers", `/api/v1/customers/${customerId}/users`]) {
      const res = await client(other, s).get(url);
      expect(res.statusCode).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    expect(other.sessionCache.has(tokenHashOf(s))).toBe(false);
  });

  it("refuses an expired session", async () => {
    const s = await signIn(ctx.app, ACCOUNTS.partnerFull);
    await warm(s, "/api/v1/customers");
    await ctx.database.db.raw.exec(
      `UPDATE "Session" SET "expiresAt" = now() - interval '1 second' WHERE "tokenHash" = '${tokenHashOf(s)}'`,
    );
    expect((await client(other, s).get("/api/v1/customers")).statusCode).toBe(401);
  });

  it("answers with the administrator's new scope as soon as it changes", async () => {
    const s = await signIn(ctx.app, ACCOUNTS.partnerFull);
    await warm(s, "/api/v1/customers");
    const all = (await client(other, s).get("/api/v1/customers")).json().total;
    const [{ n: assigned }] = (await ctx.database.db.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AdminCustomerAssignment" WHERE "adminId" = '${s.me.id}'`,
    )) as [{ n: number }];
    await ctx.database.db.raw.exec(
      `UPDATE "Admin" SET "role" = 'partner_admin' WHERE "id" = '${s.me.id}'`,
    );
    try {
      // A partner administrator sees only assigned customers (none were assigned to this one).
      expect((await client(other, s).get("/api/v1/customers")).json().total).toBe(assigned);
      expect(assigned).toBeLessThan(all);
    } finally {
      await ctx.database.db.raw.exec(
        `UPDATE "Admin" SET "role" = 'partner_full_admin' WHERE "id" = '${s.me.id}'`,
      );
    }
    expect((await client(other, s).get("/api/v1/customers")).json().total).toBe(all);
  });

  it("stops showing a customer admin their old customer when moved to another", async () => {
    const s = await signIn(ctx.app, ACCOUNTS.customerAdmin);
    const own = s.me.customerId!;
    await warm(s, `/api/v1/customers/${own}/users`);
    const [{ id: elsewhere }] = (await ctx.database.db.raw.query<{ id: string }>(
      `SELECT "id" FROM "Customer" WHERE "id" <> '${own}' AND "partnerId" =
         (SELECT "partnerId" FROM "Customer" WHERE "id" = '${own}') LIMIT 1`,
    )) as [{ id: string }];
    await ctx.database.db.raw.exec(
      `UPDATE "Admin" SET "customerId" = '${elsewhere}' WHERE "id" = '${s.me.id}'`,
    );
    try {
      expect((await client(other, s).get(`/api/v1/customers/${own}/users`)).statusCode).toBe(404);
      expect((await client(other, s).get(`/api/v1/customers/${elsewhere}/users`)).statusCode).toBe(
        200,
      );
    } finally {
      await ctx.database.db.raw.exec(
        `UPDATE "Admin" SET "customerId" = '${own}' WHERE "id" = '${s.me.id}'`,
      );
    }
  });
});

/**
 * Whether a list proves a cached session or looks it up, a session signed out between two of its
 * requests is refused on the second, through any process: every list route the app registers,
 * so a list added later is covered. The lists that prove sessions can only read through a
 * ProvedReader (auth/proved-reader.ts), which adds the proof to each of their statements.
 */
describe("every list refuses a session signed out between two of its requests", () => {
  const ctx = useTestApp({ customers: 6, usersOfFirstTwo: 3, usersOfOthers: [1, 1] });
  let other: App;
  let tenants: Awaited<ReturnType<typeof loadTenants>>;
  let importId: string;
  beforeAll(async () => {
    other = await buildApp({ db: ctx.database.db });
    tenants = await loadTenants(ctx.database.db);
    const csv = `"${CSV_HEADERS[0]}",Webex Meetings\r\nrevoked@example.org,TRUE\r\n`;
    const res = await upload(ctx.app, ctx.sessions.partnerFull, tenants.home.customer, csv);
    expect(res.statusCode, res.body).toBe(201);
    importId = res.json().id;
  });
  afterAll(async () => {
    await other?.close();
  });

  it("finds the list routes", () => {
    expect(LIST_ROUTES.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        "GET /api/v1/customers",
        "GET /api/v1/customers/:customerId/users",
        "GET /api/v1/customers/:customerId/imports/:importId/rows",
      ]),
    );
  });

  for (const route of LIST_ROUTES) {
    it(route.key, async () => {
      const s = await signIn(ctx.app, ACCOUNTS.partnerFull);
      // A partner administrator for the lists under one (their customers).
      const adminId = ctx.sessions.partnerAdmin.me.id;
      const url = sampleUrl(route, tenants.home, { importId, adminId });
      for (let i = 0; i < 2; i++) {
        const res = await client(other, s).get(url);
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      }
      // The other process now knows the session (every lookup is cached).
      expect(other.sessionCache.has(tokenHashOf(s))).toBe(true);
      expect((await client(ctx.app, s).post("/api/v1/auth/logout")).statusCode).toBe(204);
      const res = await client(other, s).get(url);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    });
  }
});
