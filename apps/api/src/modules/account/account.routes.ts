import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ChangePasswordInputSchema } from "@partner-hub/shared";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { SESSION_COOKIE } from "../auth/sessions.ts";
import { throttled } from "../auth/throttle.ts";
import { changePassword } from "./change-password.ts";

/** The signed-in person's own account. */
export const accountRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (
  app,
  { prisma },
) => {
  app.post(
    "/auth/password",
    {
      config: { problems: ["validation_failed", "rate_limited"] },
      // Guessing the current password from a stolen session is slowed like sign-in.
      ...throttled(app),
      schema: {
        tags: ["auth"],
        operationId: "changePassword",
        summary: "Change my password (ends my other sessions)",
        description:
          "400 validation_failed with current_password_wrong on currentPassword when it is wrong, or with the policy's reasons on newPassword when it is refused.",
        body: ChangePasswordInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(prisma, {
        adminId: requireIdentity(request).me.id,
        sessionToken: request.cookies[SESSION_COOKIE] ?? "",
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );
};
