import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { hashToken } from "../src/modules/auth/sessions.ts";
import { ACCOUNTS, PASSWORD, client, type Session } from "./setup/test-app.ts";
import { useTestApp } from "./setup/test-app.ts";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * Sessions end after 30 idle minutes and 12 hours in all (spec §14), whichever API process
 * answers. Two apps over one database stand for two processes; both read one clock the test
 * moves, as two processes read one wall clock.
 */
describe("sessions end when idle too long and when too old, in every process", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  let at = Date.parse("2026-03-02T08:00:00Z");
  const now = () => new Date(at);
  const advance = (ms: number) => (at += ms);
  let a: App;
  let b: App;
  beforeAll(async () => {
    a = await buildApp({ db: ctx.database.db, now, importWorker: false });
    b = await buildApp({ db: ctx.database.db, now, importWorker: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function signInOn(app: App): Promise<Session> {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: ACCOUNTS.partnerFull, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "ph_session")!;
    expect(cookie.maxAge).toBe(12 * 60 * 60);
    return { cookie: `ph_session=${cookie.value}`, csrf: res.json().csrfToken, me: res.json() };
  }
  // /customers uses the process's session cache (provesSession); /auth/me always looks it up.
  const status = async (app: App, s: Session, url: string) =>
    (await client(app, s).get(url)).statusCode;
  const both = async (s: Session) => [
    await status(a, s, "/api/v1/customers"),
    await status(b, s, "/api/v1/customers"),
    await status(a, s, "/api/v1/auth/me"),
    await status(b, s, "/api/v1/auth/me"),
  ];

  it("keeps a working session open and ends it after 30 idle minutes", async () => {
    const s = await signInOn(a);
    // Activity through either process keeps it open for the other.
    advance(20 * MINUTE);
    expect(await status(b, s, "/api/v1/customers")).toBe(200);
    expect(await status(b, s, "/api/v1/customers")).toBe(200); // from b's cache
    expect(b.sessionCache.has(hashToken(s.cookie.slice("ph_session=".length)))).toBe(true);
    advance(25 * MINUTE); // 45 minutes after sign-in, 25 after the last request
    expect(await status(a, s, "/api/v1/customers")).toBe(200);
    advance(29 * MINUTE);
    expect(await both(s)).toEqual([200, 200, 200, 200]);

    advance(31 * MINUTE);
    // b still has the session cached: its cache must not keep it alive.
    expect(await both(s)).toEqual([401, 401, 401, 401]);
    const res = await client(b, s).get("/api/v1/customers");
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().code).toBe("unauthenticated");
    // And it stays ended: a request does not revive it.
    advance(MINUTE);
    expect(await both(s)).toEqual([401, 401, 401, 401]);
  });

  it("refuses within the cache's minute a session another process found idle", async () => {
    const s = await signInOn(a);
    expect(await status(b, s, "/api/v1/customers")).toBe(200); // b caches it
    // Another process (or an operator) ends it: b's next cached read proves it in the database.
    await ctx.database.db.raw.query(
      `UPDATE "Session" SET "lastSeenAt" = $1 WHERE "tokenHash" = $2`,
      [new Date(at - 31 * MINUTE), hashToken(s.cookie.slice("ph_session=".length))],
    );
    expect(await status(b, s, "/api/v1/customers")).toBe(401);
  });

  it("ends even a busy session 12 hours after sign-in", async () => {
    const s = await signInOn(b);
    for (let elapsed = 0; elapsed < 12 * HOUR - 20 * MINUTE; elapsed += 20 * MINUTE) {
      advance(20 * MINUTE);
      expect(await status(elapsed % 2 ? a : b, s, "/api/v1/customers")).toBe(200);
    }
    advance(20 * MINUTE); // exactly 12 hours
    expect(await both(s)).toEqual([401, 401, 401, 401]);
  });

  it("writes 'last seen' at most once a minute", async () => {
    const s = await signInOn(a);
    const hash = hashToken(s.cookie.slice("ph_session=".length));
    const seen = async () =>
      new Date(
        (
          await ctx.database.db.raw.query<{ lastSeenAt: Date }>(
            `SELECT "lastSeenAt" FROM "Session" WHERE "tokenHash" = $1`,
            [hash],
          )
        )[0]!.lastSeenAt,
      ).getTime();
    const signedIn = await seen();
    advance(30 * 1000);
    expect(await status(a, s, "/api/v1/auth/me")).toBe(200);
    expect(await seen()).toBe(signedIn);
    advance(31 * 1000);
    expect(await status(b, s, "/api/v1/auth/me")).toBe(200);
    expect(await seen()).toBe(at);
  });
});

describe("session limits come from the configuration", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  let at = Date.parse("2026-03-02T08:00:00Z");
  let app: App;
  beforeAll(async () => {
    app = await buildApp({
      db: ctx.database.db,
      now: () => new Date(at),
      sessionIdleMinutes: 5,
      sessionMaxHours: 1,
      importWorker: false,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("ends sessions after SESSION_IDLE_MINUTES and SESSION_MAX_HOURS", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: ACCOUNTS.customerAdmin, password: PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === "ph_session")!;
    expect(cookie.maxAge).toBe(3600);
    const me = () =>
      app.inject({ url: "/api/v1/auth/me", headers: { cookie: `ph_session=${cookie.value}` } });
    at += 4 * MINUTE;
    expect((await me()).statusCode).toBe(200);
    at += 6 * MINUTE;
    expect((await me()).statusCode).toBe(401);
  });
});
