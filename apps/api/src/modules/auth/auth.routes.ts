import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { LoginInputSchema, MeSchema } from "@partner-hub/shared";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { identityOf, requireIdentity } from "./authenticate.ts";
import {
  deleteSession,
  findSession,
  hashToken,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from "./sessions.ts";
import { signIn } from "./sign-in.ts";

export const authRoutes: FastifyPluginAsyncZod<{
  prisma: PrismaClient;
  secureCookies: boolean;
}> = async (app, { prisma, secureCookies }) => {
  app.post(
    "/auth/login",
    {
      config: { public: true, problems: ["invalid_credentials", "rate_limited"] },
      schema: {
        tags: ["auth"],
        summary: "Sign in",
        body: LoginInputSchema,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      const { session } = await signIn(prisma, request.body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        maxAge: SESSION_TTL_MS / 1000,
      });
      const fresh = await findSession(prisma, session.token);
      return identityOf(fresh!).me;
    },
  );

  app.post(
    "/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out", response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        await deleteSession(prisma, token);
        request.server.sessionCache.delete(hashToken(token));
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/me",
    { schema: { tags: ["auth"], summary: "Who is signed in", response: { 200: MeSchema } } },
    async (request) => requireIdentity(request).me,
  );
};
