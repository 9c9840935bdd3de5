import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { client, useTestApp } from "./setup/test-app.ts";

/** Spec §14: security headers on every response, no-store on the API, HSTS behind HTTPS. */
describe("security headers", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "ph-dist-"));
  let plain: App;
  let https: App;
  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Partner Hub</title>");
    plain = await buildApp({ db: ctx.database.db, webDistDir: dist, importWorker: false });
    https = await buildApp({
      db: ctx.database.db,
      webDistDir: dist,
      importWorker: false,
      secureCookies: true,
    });
  });
  afterAll(async () => {
    await plain?.close();
    await https?.close();
  });

  const everywhere = [
    "/",
    "/customers/abc/users",
    "/api/v1/auth/me",
    "/api/v1/packages",
    "/api/v1/nothing-here",
    "/healthz",
    "/readyz",
    "/api/docs",
  ];

  it("forbids framing and sniffing and keeps referrers to the origin on every response", async () => {
    for (const url of everywhere) {
      const res = await plain.inject({ url });
      const h = res.headers;
      expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(h["content-security-policy"], url).toContain("script-src 'self'");
      expect(h["content-security-policy"], url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(h["x-frame-options"], url).toBe("DENY");
      expect(h["x-content-type-options"], url).toBe("nosniff");
      expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      expect(h["strict-transport-security"], url).toBeUndefined();
    }
  });

  it("allows the SPA no inline script or style", async () => {
    const csp = (await plain.inject({ url: "/" })).headers["content-security-policy"] as string;
    const directive = (name: string) =>
      csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive("default-src")).toBe("default-src 'self'");
    expect(directive("script-src")).toBe("script-src 'self'");
    expect(directive("style-src")).toBe("style-src 'self'");
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("sends HSTS behind HTTPS (SECURE_COOKIES=true)", async () => {
    for (const url of ["/", "/api/v1/auth/me"]) {
      const res = await https.inject({ url });
      expect(res.headers["strict-transport-security"], url).toMatch(/max-age=\d{7,}/);
      expect(res.headers["content-security-policy"], url).toContain("upgrade-insecure-requests");
    }
  });

  it("answers API requests with Cache-Control: no-store, signed in or not", async () => {
    const signedIn = client(ctx.app, ctx.sessions.partnerFull);
    const answers = {
      list: await signedIn.get("/api/v1/customers"),
      me: await signedIn.get("/api/v1/auth/me"),
      unauthenticated: await ctx.app.inject({ url: "/api/v1/auth/me" }),
      invalid: await ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: {} }),
      health: await ctx.app.inject({ url: "/healthz" }),
    };
    for (const [name, res] of Object.entries(answers))
      expect(res.headers["cache-control"], name).toBe("no-store");
  });

  it("keeps Swagger UI working under its own policy", async () => {
    const page = await plain.inject({ url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    const csp = page.headers["content-security-policy"] as string;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Every script it loads is a file of this origin.
    for (const src of page.body.matchAll(/<script[^>]*src="([^"]+)"/g)) {
      const res = await plain.inject({ url: new URL(src[1]!, "http://x/api/docs/").pathname });
      expect(res.statusCode, src[1]).toBe(200);
    }
    expect(page.body).not.toMatch(/<script(?![^>]*src=)[^>]*>\s*\S/);
  });
});

describe("health endpoints for load balancers", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });

  it("answers /healthz and /readyz without a session and without data", async () => {
    for (const url of ["/healthz", "/readyz"]) {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toEqual({ status: "ok" });
      expect(res.cookies, url).toEqual([]);
    }
  });

  it("is not ready while a migration is missing, and says so as problem+json", async () => {
    const raw = ctx.database.db.raw;
    const [last] = await raw.query<{ name: string }>(
      `SELECT name FROM "_app_migrations" ORDER BY name DESC LIMIT 1`,
    );
    await raw.query(`DELETE FROM "_app_migrations" WHERE name = $1`, [last!.name]);
    try {
      const res = await ctx.app.inject({ url: "/readyz" });
      expect(res.statusCode).toBe(503);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ code: "not_ready", status: 503 });
      expect((await ctx.app.inject({ url: "/healthz" })).statusCode).toBe(200);
    } finally {
      await raw.query(`INSERT INTO "_app_migrations"(name) VALUES ($1)`, [last!.name]);
    }
    expect((await ctx.app.inject({ url: "/readyz" })).statusCode).toBe(200);
  });
});
