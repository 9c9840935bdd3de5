import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CustomerParamsSchema, ListUsersQuerySchema, UserParamsSchema, UserSchema, pageOf } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { getUser } from "./get-user.ts";
import { listUsers } from "./list-users.ts";

export const usersRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    "/customers/:customerId/users",
    {
      schema: {
        tags: ["users"],
        summary: "The customer's users",
        params: CustomerParamsSchema,
        querystring: ListUsersQuerySchema,
        response: { 200: pageOf(UserSchema) },
      },
    },
    async (request) => listUsers(prisma, requireIdentity(request).scope, request.params.customerId, request.query),
  );

  app.get(
    "/customers/:customerId/users/:userId",
    {
      schema: { tags: ["users"], summary: "One user", params: UserParamsSchema, response: { 200: UserSchema } },
    },
    async (request) =>
      getUser(prisma, requireIdentity(request).scope, request.params.customerId, request.params.userId),
  );
};
