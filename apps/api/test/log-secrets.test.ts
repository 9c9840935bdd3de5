import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { ACCOUNTS, PASSWORD, useTestApp } from "./setup/test-app.ts";

/**
 * Logs without secrets (spec §14): the account journeys run with logging at `trace`, and none of
 * the secrets that crossed the wire — passwords tried, session cookies, CSRF tokens, invitation
 * and reset tokens — appears in what was logged.
 */
describe("logs at trace level hold no secrets", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  const lines: string[] = [];
  let app: App;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    app = await buildApp({
      db: ctx.database.db,
      logger: { level: "trace", stream },
      importWorker: false,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A journey step sends requests and names the secrets it sent or received. */
  type Step = (app: App, state: Record<string, string>) => Promise<string[]>;

  const wrongPassword: Step = async (app) => {
    const tried = "not-the-password-7731";
    await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: ACCOUNTS.partnerFull, password: tried },
    });
    return [tried];
  };
  const signIn: Step = async (app, state) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-forwarded-for": "198.51.100.9" },
      payload: { email: ACCOUNTS.partnerFull, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "ph_session")!.value;
    const csrf: string = res.json().csrfToken;
    Object.assign(state, { cookie, csrf });
    return [PASSWORD, cookie, csrf];
  };
  const useSession: Step = async (app, state) => {
    const headers = {
      cookie: `ph_session=${state.cookie}`,
      "x-csrf-token": state.csrf!,
      authorization: "Bearer not-a-real-bearer-secret",
    };
    for (const url of ["/api/v1/auth/me", "/api/v1/customers", "/api/v1/nothing-here"])
      await app.inject({ url, headers });
    // A refused write still must not log the token it carried.
    await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { ...headers, "x-csrf-token": `${state.csrf}-forged` },
    });
    return [state.cookie!, state.csrf!, "not-a-real-bearer-secret"];
  };
  const signOut: Step = async (app, state) => {
    await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: `ph_session=${state.cookie}`, "x-csrf-token": state.csrf! },
    });
    return [state.cookie!, state.csrf!];
  };
  const tokenInUrl: Step = async (app) => {
    const token = "invitation-token-secret-5521";
    await app.inject({ url: `/api/v1/invitations/${token}` });
    await app.inject({ method: "POST", url: `/api/v1/invitations/${token}/accept`, payload: {} });
    return [token];
  };

  // The journeys of §12 join here as one line each once they exist (accept an invitation,
  // change a password, ask for a reset).
  const journey: Step[] = [wrongPassword, signIn, useSession, signOut, tokenInUrl];

  it("runs sign-in, a wrong password, a session's requests and sign-out without logging a secret", async () => {
    const state: Record<string, string> = {};
    const secrets: string[] = [];
    for (const step of journey) secrets.push(...(await step(app, state)));
    const log = lines.join("");
    // The log really was written at trace level, request by request.
    expect(log).toContain('"msg":"incoming request"');
    expect(log).toContain("/api/v1/auth/login");
    for (const secret of secrets) expect(log, `a secret was logged`).not.toContain(secret);
    expect(log).toContain("/api/v1/invitations/[redacted]");
  });
});
