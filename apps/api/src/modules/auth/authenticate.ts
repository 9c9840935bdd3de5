import type { FastifyInstance, FastifyRequest } from "fastify";
import { isPartnerRole, roleCanWrite, type Me } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { findSession, SESSION_COOKIE, type SessionWithAdmin } from "./sessions.ts";
import type { Scope } from "./scope.ts";


export interface Identity {
  scope: Scope;
  me: Me;
}

declare module "fastify" {
  interface FastifyRequest {
    identity: Identity | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a session (sign-in, API docs). */
    public?: boolean;
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
      : { kind: "customer", adminId: admin.id, email: admin.email, role: admin.role, customerId: admin.customerId ?? "" };
  return { scope, me };
}

/**
 * Resolves the session cookie on every /api request; refuses non-public routes without one,
 * and state-changing requests without the session's CSRF token (double submit via header).
 */
export function registerAuthentication(app: FastifyInstance, prisma: PrismaClient) {
  app.decorateRequest("identity", null);
  app.addHook("preHandler", async (request: FastifyRequest) => {
    if (!request.url.startsWith("/api/v1/") || request.is404) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(prisma, token) : null;
    if (session) request.identity = identityOf(session);
    if (request.routeOptions.config.public) return;
    if (!request.identity) throw new AppError("unauthenticated", "Sign in to continue.");
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.identity.me.csrfToken) {
      throw new AppError("csrf_failed", `Missing or wrong ${CSRF_HEADER} header.`);
    }
  });
}

export function requireIdentity(request: FastifyRequest): Identity {
  if (!request.identity) throw new AppError("unauthenticated", "Sign in to continue.");
  return request.identity;
}
