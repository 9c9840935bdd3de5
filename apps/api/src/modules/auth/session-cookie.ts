import type { FastifyReply } from "fastify";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { identityOf } from "./authenticate.ts";
import { createSession, findSession, SESSION_COOKIE, SESSION_TTL_MS } from "./sessions.ts";

/** Opens a session for an administrator and sets its cookie; answers them as /auth/me does. */
export async function signInAs(
  prisma: PrismaClient,
  reply: FastifyReply,
  adminId: string,
  secureCookies: boolean,
) {
  const session = await createSession(prisma, adminId);
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    maxAge: SESSION_TTL_MS / 1000,
  });
  const fresh = await findSession(prisma, session.token);
  if (!fresh) throw new Error("A session just created was not found");
  return identityOf(fresh).me;
}
