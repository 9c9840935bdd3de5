import { describe, expect, it } from "vitest";
import { ACCOUNTS, PASSWORD, client, signIn, useTestApp } from "./setup/test-app.ts";

describe("sign-in and sessions", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 3, usersOfOthers: [1, 2] });

  it("signs in, names the role and, for a customer admin, the customer", async () => {
    const res = await client(ctx.app).post("/api/v1/auth/login", {
      email: "Admin@Customer.example ",
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.role).toBe("customer_full_admin");
    expect(me.customerId).toMatch(/[0-9a-f-]{36}/);
    const cookie = res.cookies.find((c) => c.name === "ph_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const again = await ctx.app.inject({
      url: "/api/v1/auth/me",
      headers: { cookie: `ph_session=${cookie.value}` },
    });
    expect(again.json()).toMatchObject({
      email: "admin@customer.example",
      role: "customer_full_admin",
    });
  });

  it("answers the same 401 for a wrong password and an unknown email", async () => {
    const wrong = await client(ctx.app).post("/api/v1/auth/login", {
      email: ACCOUNTS.partnerFull,
      password: "nope-nope",
    });
    const unknown = await client(ctx.app).post("/api/v1/auth/login", {
      email: "nobody@nowhere.example",
      password: "nope-nope",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers["content-type"]).toContain("application/problem+json");
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it.each([
    ["a wrong token", { "x-csrf-token": "forged" }],
    ["a cross-site browser request", { "sec-fetch-site": "cross-site" }],
    ["a request from another origin", { origin: "https://evil.example" }],
    ["an opaque origin", { origin: "null" }],
  ])("refuses a state-changing request with %s", async (_name, headers) => {
    const session = await signIn(ctx.app, ACCOUNTS.partnerFull);
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie, ...headers },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf_failed");
    // The session survived the refused request.
    expect((await client(ctx.app, session).get("/api/v1/auth/me")).statusCode).toBe(200);
  });

  it("accepts same-origin browser requests and non-browser clients without the token", async () => {
    const a = await signIn(ctx.app, ACCOUNTS.partnerFull);
    const sameOrigin = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: a.cookie, "sec-fetch-site": "same-origin", origin: "http://localhost:80" },
    });
    expect(sameOrigin.statusCode).toBe(204);
    const b = await signIn(ctx.app, ACCOUNTS.partnerFull);
    const script = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: b.cookie },
    });
    expect(script.statusCode).toBe(204);
  });

  it("signs out: the session no longer works", async () => {
    const session = await signIn(ctx.app, ACCOUNTS.partnerFull);
    expect((await client(ctx.app, session).post("/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await client(ctx.app, session).get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("answers 401 problem+json to a forged cookie", async () => {
    const res = await ctx.app.inject({
      url: "/api/v1/customers",
      headers: { cookie: "ph_session=forged" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, code: "unauthenticated" });
  });
});

describe("bad input never answers 500", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 3, usersOfOthers: [1, 2] });

  it("malformed JSON is a 400 problem", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"email": "a@b.c", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("a wrong content type is a 415 problem", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/xml" },
      payload: "<email>a</email>",
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe("unsupported_media_type");
  });

  it("missing and over-long fields are named", async () => {
    const res = await client(ctx.app).post("/api/v1/auth/login", {
      email: "x".repeat(400),
      password: "",
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it.each([
    ["offset=-1", "query.offset"],
    ["max=101", "query.max"],
    ["max=0", "query.max"],
    ["max=abc", "query.max"],
    ["status=sleeping", "query.status"],
    ["sort=password", "query.sort"],
    ["order=sideways", "query.order"],
    ["bogus=1", "query"],
    [`search=${"a".repeat(201)}`, "query.search"],
  ])("customers?%s is a 400 naming %s", async (query, field) => {
    const session = ctx.sessions.partnerFull;
    const res = await client(ctx.app, session).get(`/api/v1/customers?${query}`);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.some((e: { field: string }) => e.field === field || e.field.startsWith(field)),
    ).toBe(true);
  });

  it("unknown routes are 404 problems, not HTML", async () => {
    const res = await ctx.app.inject({ url: "/api/v1/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("serves the OpenAPI document generated from the zod schemas", async () => {
    const res = await ctx.app.inject({ url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/customers",
        "/api/v1/customers/{customerId}/users",
        "/api/v1/customers/{customerId}/quotas",
        "/api/v1/customers/{customerId}/locations/{locationId}",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/customers/{customerId}"])).toEqual(
      expect.arrayContaining(["get", "patch"]),
    );
  });
});
