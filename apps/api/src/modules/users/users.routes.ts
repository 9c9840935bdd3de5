import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ChangePackageInputSchema,
  ChangePackageResultSchema,
  CreateUsersInputSchema,
  CreateUsersResultSchema,
  CustomerParamsSchema,
  ListUsersQuerySchema,
  UserParamsSchema,
  UserSchema,
  pageOf,
} from "@partner-hub/shared";
import { z } from "zod";
import { changePackage, parseIfMatch } from "./change-package.ts";
import { createUsers } from "./create-users.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Reader } from "../../db/sql.ts";
import { requireIdentity, withProvenSession } from "../auth/authenticate.ts";
import { getUser } from "./get-user.ts";
import { listUsers } from "./list-users.ts";
import { sendJsonText } from "../../http/json-text.ts";

export const usersRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; reader: Reader }> = async (
  app,
  { prisma, reader },
) => {
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
      config: { provesSession: true },
    },
    async (request, reply) =>
      sendJsonText(
        reply,
        await withProvenSession(request, reader, (scope, db) =>
          listUsers(db, scope, request.params.customerId, request.query),
        ),
      ),
  );

  app.get(
    "/customers/:customerId/users/:userId",
    {
      schema: {
        tags: ["users"],
        summary: "One user",
        params: UserParamsSchema,
        response: { 200: UserSchema },
      },
    },
    async (request, reply) => {
      const user = await getUser(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.userId,
      );
      reply.header("etag", `"${user.version}"`);
      return user;
    },
  );

  app.post(
    "/customers/:customerId/users",
    {
      schema: {
        tags: ["users"],
        summary: "Manually add up to 25 users, all or none",
        params: CustomerParamsSchema,
        body: CreateUsersInputSchema,
        response: { 201: CreateUsersResultSchema },
      },
    },
    async (request, reply) => {
      const result = await createUsers(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.body.users,
      );
      return reply.status(201).send(result);
    },
  );

  app.put(
    "/customers/:customerId/users/:userId/package",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user's package (If-Match: the user's version)",
        params: UserParamsSchema,
        headers: z.object({ "if-match": z.string().max(40).optional() }).passthrough(),
        body: ChangePackageInputSchema,
        response: { 200: ChangePackageResultSchema },
      },
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      const expected = parseIfMatch(request.headers["if-match"]) ?? version;
      const result = await changePackage(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.userId,
        input,
        expected,
      );
      reply.header("etag", `"${result.version}"`);
      return result;
    },
  );
};
