import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ChangePasswordInputSchema } from "@partner-hub/shared";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { SESSION_COOKIE } from "../auth/sessions.ts";
import { changePassword } from "./change-password.ts";

/** The signed-in person's own account. */
export const accountRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (
  app,
  { prisma },
) => {
  app.post(
    "/auth/password",
    {
      config: {
        problems: [
          "current_password_wrong",
          "password_too_short",
          "password_contains_email",
          "password_too_common",
          "password_too_weak",
        ],
      },
      schema: {
        tags: ["auth"],
        operationId: "changePassword",
        summary: "Change my password (ends my other sessions)",
        description:
          "400 current_password_wrong when currentPassword is wrong; 400 with the policy's reasons in errors[] when newPassword is refused.",
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
