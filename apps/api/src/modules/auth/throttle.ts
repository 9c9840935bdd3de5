import { createHash } from "node:crypto";
import type {
  FastifyInstance,
  FastifyRequest,
  onSendAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from "fastify";
import fastifyRateLimit from "@fastify/rate-limit";
import type { RawSql } from "../../db/connect.ts";
import { AppError } from "../../http/app-error.ts";

/**
 * Limits on failed attempts at anything that takes a secret (sign-in, and later invitation and
 * password-reset tokens), counted in one window: per client address, and per address+subject
 * (the email tried, or the token). An attempt is counted before it runs (so a burst of parallel
 * guesses cannot slip past the count) and given back when it succeeds, so only failures use up
 * the limits and a busy office signing in correctly is never slowed. When one limit is reached
 * the address waits until its window ends. Nothing is locked per email, so guesses from one
 * address never stop the right person signing in from another (spec §14).
 */
export interface ThrottleOptions {
  windowMs: number;
  perAddress: number;
  perAddressAndSubject: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  windowMs: 15 * 60 * 1000,
  // An office behind one NAT address shares this one; it still stops a script's bulk guessing.
  perAddress: 60,
  perAddressAndSubject: 10,
};

declare module "fastify" {
  interface FastifyInstance {
    throttle: { options: ThrottleOptions; giveBack(key: string): Promise<void> };
  }
}

/** How often a process clears windows that have ended (one statement per this many attempts). */
const SWEEP_EVERY = 200;

/**
 * A store for @fastify/rate-limit kept in the database (decision 008): the count of a key in its
 * window is one atomic upsert, so every API process behind a load balancer shares the limits.
 * Keys are hashed so the table holds no addresses, emails or tokens.
 */
function databaseStore(raw: RawSql, now: () => Date) {
  let attempts = 0;
  return class DatabaseRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      const at = now();
      const resetIfNew = new Date(at.getTime() + timeWindow);
      const sweep =
        ++attempts % SWEEP_EVERY === 0
          ? raw.query(`DELETE FROM "RateLimit" WHERE "resetAt" <= $1`, [at])
          : Promise.resolve([]);
      sweep
        .then(() =>
          raw.query<{ count: number; resetAt: Date | string }>(
            `INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES ($1, 1, $3)
             ON CONFLICT ("key") DO UPDATE SET
               "count" = CASE WHEN "RateLimit"."resetAt" <= $2 THEN 1 ELSE "RateLimit"."count" + 1 END,
               "resetAt" = CASE WHEN "RateLimit"."resetAt" <= $2 THEN $3 ELSE "RateLimit"."resetAt" END
             RETURNING "count", "resetAt"`,
            [hashKey(key), at, resetIfNew],
          ),
        )
        .then(([row]) => {
          if (!row) throw new Error("The rate-limit upsert returned no row");
          const ttl = Math.max(0, new Date(row.resetAt).getTime() - at.getTime());
          callback(null, { current: row.count, ttl });
        })
        .catch((error: Error) => callback(error));
    }

    child() {
      return this;
    }
  };
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

/** Registers the rate-limit plugin on its database store; no route is limited until it opts in. */
export async function registerThrottle(
  app: FastifyInstance,
  raw: RawSql,
  options: ThrottleOptions,
  now: () => Date,
) {
  app.decorate("throttle", {
    options,
    giveBack: async (key: string) => {
      await raw.query(
        `UPDATE "RateLimit" SET "count" = greatest("count" - 1, 0) WHERE "key" = $1 AND "resetAt" > $2`,
        [hashKey(key), now()],
      );
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseStore(raw, now),
    timeWindow: options.windowMs,
  });
}

function emailOf(request: FastifyRequest): string | undefined {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === "string" ? body.email.trim().toLowerCase() : undefined;
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * The hooks that throttle a route, spread into its options: `...throttled(app)` on sign-in
 * (subject: the email in the body); a token route opts in with
 * `...throttled(app, (request) => (request.params as { token: string }).token)`.
 * The first limit exceeded refuses the attempt with 429 and Retry-After; an answer below 400
 * gives the attempt back. (@fastify/rate-limit's own route handler runs once per request, so two
 * of them cannot be stacked; its createRateLimit counters can.)
 */
export function throttled(
  app: FastifyInstance,
  subjectOf: (request: FastifyRequest) => string | undefined = emailOf,
): { preHandler: preHandlerAsyncHookHandler; onSend: onSendAsyncHookHandler } {
  const { perAddress, perAddressAndSubject, windowMs } = app.throttle.options;
  const route = (request: FastifyRequest) =>
    `${request.method} ${request.routeOptions.url ?? request.url}`;
  const limits = [
    {
      what: "from your network address",
      // One budget per address across every throttled route.
      key: (request: FastifyRequest) => `address|${request.ip}`,
      max: perAddress,
    },
    {
      what: "for this account from your network address",
      key: (request: FastifyRequest) =>
        `address+subject|${route(request)}|${request.ip}|${subjectOf(request) ?? ""}`,
      max: perAddressAndSubject,
    },
  ].map((limit) => ({
    ...limit,
    check: app.createRateLimit({ max: limit.max, timeWindow: windowMs, keyGenerator: limit.key }),
  }));
  const counted = new WeakSet<FastifyRequest>();
  return {
    preHandler: async (request, reply) => {
      counted.add(request);
      for (const { what, check } of limits) {
        const result = await check(request);
        if (result.isAllowed || !result.isExceeded) continue;
        const seconds = Math.max(1, result.ttlInSeconds);
        reply.header("retry-after", String(seconds));
        throw new AppError(
          "rate_limited",
          `Too many attempts ${what}. Wait ${waitText(seconds)} and try again.`,
          { extra: { retryAfterSeconds: seconds } },
        );
      }
    },
    onSend: async (request, reply, payload) => {
      if (counted.has(request) && reply.statusCode < 400)
        for (const { key } of limits) await app.throttle.giveBack(key(request));
      return payload;
    },
  };
}
