import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { ACCOUNTS, PASSWORD, useTestApp } from "./setup/test-app.ts";

/** A clock the test moves; both apps read it, as two API processes read one wall clock. */
function testClock(start = Date.parse("2026-03-02T09:00:00Z")) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

const WINDOW_MS = 10 * 60 * 1000;

describe("sign-in throttle: per client address and per address+email, never per email alone", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  const clock = testClock();
  let a: App;
  let b: App;
  beforeAll(async () => {
    const options = {
      db: ctx.database.db,
      trustProxy: true,
      now: clock.now,
      throttle: { windowMs: WINDOW_MS, perAddress: 8, perAddressAndSubject: 3 },
    };
    // Two apps over one database stand for two API processes behind a load balancer.
    a = await buildApp(options);
    b = await buildApp(options);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const login = (app: App, from: string, email: string, password: string) =>
    app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-forwarded-for": from },
      payload: { email, password },
    });

  it("slows guesses from one address without stopping the right person elsewhere", async () => {
    const email = ACCOUNTS.otherCustomerAdmin;
    // Guesses alternate between the two processes: the count is shared.
    for (let i = 0; i < 3; i++) {
      const res = await login(i % 2 ? b : a, "203.0.113.7", email, `wrong-${i}`);
      expect(res.statusCode).toBe(401);
      expect(res.headers["retry-after"]).toBeUndefined();
    }
    const refused = await login(b, "203.0.113.7", email, PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    const retryAfter = Number(refused.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(refused.json()).toMatchObject({
      status: 429,
      code: "rate_limited",
      retryAfterSeconds: retryAfter,
    });
    expect(refused.json().detail).toMatch(/Wait \d+ (seconds|minutes) and try again/);

    // The right person from another address signs in at once, on either process.
    expect((await login(a, "198.51.100.20", email, PASSWORD)).statusCode).toBe(200);
    expect((await login(b, "198.51.100.21", ` ${email.toUpperCase()}`, PASSWORD)).statusCode).toBe(
      200,
    );

    // When the window has passed the first address may try again.
    clock.advance(WINDOW_MS + 1000);
    expect((await login(a, "203.0.113.7", email, PASSWORD)).statusCode).toBe(200);
  });

  it("limits one address however many emails it tries", async () => {
    const from = "203.0.113.50";
    for (let i = 0; i < 8; i++) {
      const res = await login(i % 2 ? a : b, from, `nobody-${i}@nowhere.example`, "wrong-pass");
      expect(res.statusCode).toBe(401);
    }
    const refused = await login(a, from, ACCOUNTS.partnerReadonly, PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/from your network address/);
    expect((await login(a, "203.0.113.51", ACCOUNTS.partnerReadonly, PASSWORD)).statusCode).toBe(
      200,
    );
    clock.advance(WINDOW_MS);
  });

  it("never slows people who sign in correctly, however many share an address", async () => {
    const from = "203.0.113.90";
    for (let i = 0; i < 12; i++) {
      const email = i % 2 ? ACCOUNTS.partnerAdmin : ACCOUNTS.customerAdmin;
      expect((await login(i % 2 ? a : b, from, email, PASSWORD)).statusCode).toBe(200);
    }
    // A mistake among them counts; it is the failures that use up the limits.
    for (let i = 0; i < 3; i++)
      expect((await login(a, from, ACCOUNTS.partnerAdmin, "typo-pass")).statusCode).toBe(401);
    expect((await login(a, from, ACCOUNTS.partnerAdmin, PASSWORD)).statusCode).toBe(429);
    expect((await login(a, from, ACCOUNTS.customerAdmin, PASSWORD)).statusCode).toBe(200);
    clock.advance(WINDOW_MS);
  });

  it("stores no address, email or token in the clear", async () => {
    const rows = await ctx.database.db.raw.query<{ key: string }>(`SELECT "key" FROM "RateLimit"`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("the client address comes from X-Forwarded-For only when TRUST_PROXY says so", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  let app: App;
  beforeAll(async () => {
    app = await buildApp({
      db: ctx.database.db,
      throttle: { windowMs: WINDOW_MS, perAddress: 100, perAddressAndSubject: 2 },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("ignores a forged X-Forwarded-For without TRUST_PROXY", async () => {
    const email = "ghost@nowhere.example";
    const statuses: number[] = [];
    for (const forged of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "x-forwarded-for": forged },
        payload: { email, password: "wrong-pass" },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429]);
    // A really different address (the socket's) is not affected: it gets the plain answer.
    const other = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "10.1.2.3",
      payload: { email, password: PASSWORD },
    });
    expect(other.statusCode).toBe(401);
  });
});

describe("one-time links: guessing tokens is throttled like guessing passwords", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  let app: App;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.database.db }); // the production limits
  });
  afterAll(async () => {
    await app?.close();
  });

  it("20 accept attempts with random tokens from one address end in 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const token = randomBytes(32).toString("base64url");
      const res = await app.inject({
        method: "POST",
        url: `/api/v1/invitations/${token}/accept`,
        payload: { password: "Fjord-Lantern-Cobalt-93" },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
  });
});
