import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { LoginInputSchema, MeSchema } from "@partner-hub/shared";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { requireIdentity } from "./authenticate.ts";
import { meOfSession, setSessionCookie } from "./session-cookie.ts";
import { deleteSession, hashToken, SESSION_COOKIE } from "./sessions.ts";
import { signIn } from "./sign-in.ts";
import { throttled } from "./throttle.ts";

export const authRoutes: FastifyPluginAsyncZod<{
  prisma: PrismaClient;
  secureCookies: boolean;
}> = async (app, { prisma, secureCookies }) => {
  const policy = app.sessionPolicy;
  app.post(
    "/auth/login",
    {
      config: { public: true, problems: ["invalid_credentials", "rate_limited"] },
      ...throttled(app),
      schema: {
        tags: ["auth"],
        summary: "Sign in",
        body: LoginInputSchema,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      const { session } = await signIn(prisma, request.body, policy);
      setSessionCookie(reply, session.token, secureCookies, policy);
      return meOfSession(prisma, session.token, policy);
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
