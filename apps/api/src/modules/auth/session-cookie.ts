import type { FastifyReply } from "fastify";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { identityOf } from "./authenticate.ts";
import { createSession, findSession, SESSION_COOKIE, type SessionPolicy } from "./sessions.ts";

/** Sets the session cookie; it lasts as long as the session may (its absolute end). */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secureCookies: boolean,
  policy: SessionPolicy,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    maxAge: Math.floor(policy.maxMs / 1000),
  });
}

/** Answers a session just opened as /auth/me does. */
export async function meOfSession(prisma: PrismaClient, token: string, policy: SessionPolicy) {
  const fresh = await findSession(prisma, token, policy);
  if (!fresh) throw new Error("A session just created was not found");
  return identityOf(fresh).me;
}

/** Opens a session for an administrator and sets its cookie; answers them as /auth/me does. */
export async function signInAs(
  prisma: PrismaClient,
  reply: FastifyReply,
  adminId: string,
  secureCookies: boolean,
) {
  const policy = reply.server.sessionPolicy;
  const session = await createSession(prisma, adminId, policy);
  setSessionCookie(reply, session.token, secureCookies, policy);
  return meOfSession(prisma, session.token, policy);
}
