import type { FastifyInstance, FastifyRequest } from "fastify";
import { isPartnerRole, roleCanWrite, type Me } from "@partner-hub/shared";
import type { Reader } from "../../db/sql.ts";
import { AppError } from "../../http/app-error.ts";
import {
  createSessionCache,
  proofOf,
  usableCached,
  type SessionCache,
  type SessionProof,
} from "./session-cache.ts";
import {
  findSessionByHash,
  hashToken,
  SESSION_COOKIE,
  type SessionPolicy,
  type SessionWithAdmin,
} from "./sessions.ts";
import { provedReader, type ProvedReader } from "./proved-reader.ts";
import type { Scope } from "./scope.ts";

export interface Identity {
  scope: Scope;
  me: Me;
}

declare module "fastify" {
  interface FastifyRequest {
    identity: Identity | null;
    /**
     * Set when `identity` came from this process's session cache and was not looked up: the
     * route's query must prove it (withProvenSession). Null when the session was looked up.
     */
    sessionProof: SessionProof | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a session (sign-in, API docs). */
    public?: boolean;
    /** Reads that prove a cached session in their own query (see session-cache.ts). */
    provesSession?: boolean;
  }
  interface FastifyInstance {
    sessionCache: SessionCache;
    sessionPolicy: SessionPolicy;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_HEADER = "x-csrf-token";

export function identityOf(session: SessionWithAdmin): Identity {
  const { admin } = session;
  const me: Me = {
    id: admin.id,
    email: admin.email,
    name: admin.name,
    role: admin.role,
    partnerId: admin.partnerId,
    partnerName: admin.partner?.name ?? null,
    customerId: admin.customerId,
    canWrite: roleCanWrite(admin.role),
    csrfToken: session.csrfToken,
  };
  const scope: Scope =
    isPartnerRole(admin.role) && admin.partnerId
      ? {
          kind: "partner",
          adminId: admin.id,
          email: admin.email,
          role: admin.role,
          partnerId: admin.partnerId,
          assignedOnly: admin.role === "partner_admin",
        }
      : {
          kind: "customer",
          adminId: admin.id,
          email: admin.email,
          role: admin.role,
          customerId: admin.customerId ?? "",
        };
  return { scope, me };
}

/**
 * Whether a route refuses a request without a session: the /api/v1 routes not marked public.
 * The OpenAPI document derives each operation's security from the same answer.
 */
export function requiresSession(routeUrl: string, config: { public?: boolean }): boolean {
  return routeUrl.startsWith("/api/v1/") && !config.public;
}

/**
 * Resolves the session cookie on every /api request; refuses non-public routes without one,
 * and state-changing requests without the session's CSRF token (double submit via header).
 */
export function registerAuthentication(
  app: FastifyInstance,
  reader: Reader,
  policy: SessionPolicy,
) {
  const cache = createSessionCache();
  app.decorate("sessionCache", cache);
  app.decorate("sessionPolicy", policy);
  app.decorateRequest("identity", null);
  app.decorateRequest("sessionProof", null);
  app.addHook("preHandler", async (request: FastifyRequest) => {
    if (!request.url.startsWith("/api/v1/") || request.is404) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const tokenHash = hashToken(token);
      const cached = request.routeOptions.config.provesSession
        ? usableCached(cache, tokenHash, policy)
        : undefined;
      if (cached) {
        request.identity = identityOf(cached);
        request.sessionProof = proofOf(tokenHash, cached, policy);
      } else {
        const session = await findSessionByHash(reader, tokenHash, policy);
        if (session) {
          cache.set(tokenHash, session);
          request.identity = identityOf(session);
        }
      }
    }
    // A cached session takes the same checks as a looked-up one (CSRF included).
    if (!requiresSession(request.routeOptions.url ?? "", request.routeOptions.config)) return;
    if (!request.identity) throw new AppError("unauthenticated", "Sign in to continue.");
    if (!SAFE_METHODS.has(request.method)) checkCsrf(request, request.identity.me.csrfToken);
  });
}

/**
 * CSRF defence for cookie-authenticated writes, in layers (OWASP): the session cookie is
 * SameSite=Lax; a request that carries the `x-csrf-token` header must carry the session's token;
 * a request without it must show it is not a cross-site browser request — browsers always send
 * `Sec-Fetch-Site` or `Origin` with a cross-origin POST, and those must name this site. Clients
 * that are not browsers (scripts, integrators) send neither and need no token.
 */
function checkCsrf(request: FastifyRequest, expected: string): void {
  const token = request.headers[CSRF_HEADER];
  if (token !== undefined) {
    if (token !== expected)
      throw new AppError(
        "csrf_failed",
        `Wrong ${CSRF_HEADER} header: reload the page and try again.`,
      );
    return;
  }
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined) {
    if (site === "same-origin" || site === "none") return;
    throw new AppError(
      "csrf_failed",
      `Cross-site request refused: send the ${CSRF_HEADER} header.`,
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    // URL drops a default port (:80, :443) that a Host header may still carry.
    if (host && host === request.headers.host?.replace(/:(80|443)$/, "")) return;
    throw new AppError(
      "csrf_failed",
      `Cross-site request refused: send the ${CSRF_HEADER} header.`,
    );
  }
}

/**
 * Runs a read that proves a cached session itself (routes with `provesSession`): `run` reads
 * through a ProvedReader, which adds the proof to each statement and answers null when it fails —
 * the session was signed out elsewhere, expired, or its administrator changed since this process
 * cached it. The session is then looked up afresh and, if it is still valid, the read runs again
 * with the fresh scope. This is the only way such a route gets its scope (requireIdentity
 * refuses while a proof is pending), so a list cannot read with a cached session unproved.
 */
export async function withProvenSession<T>(
  request: FastifyRequest,
  reader: Reader,
  run: (scope: Scope, db: ProvedReader) => Promise<T | null>,
): Promise<T> {
  const proof = request.sessionProof;
  if (!request.identity) throw new AppError("unauthenticated", "Sign in to continue.");
  const first = await run(request.identity.scope, provedReader(reader, proof));
  if (first !== null) {
    request.sessionProof = null; // proved: the database authorised this identity
    return first;
  }
  if (!proof) throw new Error("A read without a session proof answered as if its proof failed");
  request.server.sessionCache.delete(proof.tokenHash);
  request.sessionProof = null;
  const session = await findSessionByHash(reader, proof.tokenHash, request.server.sessionPolicy);
  if (!session) {
    request.identity = null;
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
  request.identity = identityOf(session);
  request.server.sessionCache.set(proof.tokenHash, session);
  const again = await run(request.identity.scope, provedReader(reader, null));
  if (again === null) throw new Error("A read without a session proof answered null");
  return again;
}

export function requireIdentity(request: FastifyRequest): Identity {
  if (!request.identity) throw new AppError("unauthenticated", "Sign in to continue.");
  // An identity from the session cache is not yet authorised by the database: only reads through
  // withProvenSession prove it.
  if (request.sessionProof)
    throw new Error(`${request.routeOptions.url} must read through withProvenSession`);
  return request.identity;
}
