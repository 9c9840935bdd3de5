import type { InjectOptions } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp, type App } from "../../src/app.ts";
import { seedDemo } from "../../src/db/seed-demo.ts";
import {
  assertNoContractViolations,
  checkResponsesAgainstOpenapi,
  type ContractChecker,
} from "./openapi-contract.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export const PASSWORD = "test-password-1";

export const ACCOUNTS = {
  partnerFull: "full.admin@partner.example",
  partnerAdmin: "admin@partner.example",
  partnerReadonly: "readonly@partner.example",
  customerAdmin: "admin@customer.example",
  otherCustomerAdmin: "admin@norrsken.example",
  foreignPartner: "full.admin@baltic.example",
} as const;
export type AccountKey = keyof typeof ACCOUNTS;

export interface Session {
  cookie: string;
  csrf: string;
  me: { id: string; role: string; customerId: string | null; partnerId: string | null };
}

/** A signed-in client for app.inject: cookie + CSRF header on every request. */
export function client(app: App, session?: Session) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
    ...extra,
  });
  return {
    get: (url: string) => app.inject({ method: "GET", url, headers: headers() }),
    post: (url: string, payload?: unknown, extra?: Record<string, string>) =>
      app.inject({ method: "POST", url, payload: payload as object, headers: headers(extra) }),
    put: (url: string, payload?: unknown, extra?: Record<string, string>) =>
      app.inject({ method: "PUT", url, payload: payload as object, headers: headers(extra) }),
    raw: (opts: InjectOptions) =>
      app.inject({ ...opts, headers: headers((opts.headers as Record<string, string>) ?? {}) }),
  };
}

export async function signIn(app: App, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const me = res.json();
  return { cookie, csrf: me.csrfToken, me };
}

/**
 * One app per test file on its own database, seeded with a small demo of the real shape:
 * 8 customers of "Nordic Telecom AB" (the first two with customer admins) and 3 of a foreign
 * partner, and every demo sign-in. Every response the app sends is checked against its OpenAPI
 * document (openapi-contract.ts); the file fails at the end if one does not match.
 */
export function useTestApp(
  size = { customers: 8, usersOfFirstTwo: 30, usersOfOthers: [3, 6] as [number, number] },
) {
  const ctx = {} as {
    app: App;
    database: TestDatabase;
    sessions: Record<AccountKey, Session>;
    contract: ContractChecker;
  };
  beforeAll(async () => {
    ctx.database = await createTestDatabase();
    await seedDemo(ctx.database.db, PASSWORD, size);
    ctx.app = await buildApp({ db: ctx.database.db });
    ctx.contract = checkResponsesAgainstOpenapi(ctx.app);
    const entries = await Promise.all(
      (Object.keys(ACCOUNTS) as AccountKey[]).map(
        async (k) => [k, await signIn(ctx.app, ACCOUNTS[k])] as const,
      ),
    );
    ctx.sessions = Object.fromEntries(entries) as Record<AccountKey, Session>;
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.drop();
    // Every response of the file's tests was one the OpenAPI document describes.
    if (ctx.contract) assertNoContractViolations(ctx.contract);
  });
  return ctx;
}
