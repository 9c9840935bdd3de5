import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BulkUsersInputSchema,
  BulkUsersResultSchema,
  ChangePackageInputSchema,
  ChangePackageResultSchema,
  CreateUsersInputSchema,
  CreateUsersResultSchema,
  CustomerParamsSchema,
  ListUsersQuerySchema,
  UpdateUserInputSchema,
  UpdateUserResultSchema,
  UserParamsSchema,
  UserSchema,
  ValidateUsersResultSchema,
  pageOf,
  withoutBlankNewUserRows,
} from "@partner-hub/shared";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { changePackage } from "./change-package.ts";
import { bulkUsers, type BulkRequest } from "./bulk-users.ts";
import { createUsers } from "./create-users.ts";
import { removeUser } from "./remove-user.ts";
import { updateUser } from "./update-user.ts";
import { echoedUserMembers, takeEchoedUserMembers } from "./echoed-user-members.ts";
import { validateUsers } from "./validate-users.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Reader } from "../../db/sql.ts";
import { requireIdentity, withProvenSession } from "../auth/authenticate.ts";
import { getUser } from "./get-user.ts";
import { listUsers } from "./list-users.ts";
import { sendJsonText } from "../../http/json-text.ts";
import { expectedVersion } from "../../http/if-match.ts";

/** Spec §5: a manual add's wholly empty rows are ignored, not errors (before the body's schema). */
async function dropBlankRows(request: FastifyRequest): Promise<void> {
  request.body = withoutBlankNewUserRows(request.body);
}

const IfMatchHeadersSchema = z.object({ "if-match": z.string().max(40).optional() }).passthrough();

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
        description:
          "Rows where nothing was typed (no email, names, package or numbers) are left out. Preferred Webex Site must be one of the customer's Webex sites.",
        params: CustomerParamsSchema,
        body: CreateUsersInputSchema,
        response: { 201: CreateUsersResultSchema },
      },
      preValidation: dropBlankRows,
    },
    async (request, reply) => {
      const result = await createUsers(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.body.users,
      );
      // Spec §9: a create names what it created. One user is a resource of its own; several are
      // found in the customer's user list.
      const usersUrl = `/api/v1/customers/${request.params.customerId}/users`;
      const [only, ...more] = result.items;
      reply.header("location", only && !more.length ? `${usersUrl}/${only.id}` : usersUrl);
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/customers/:customerId/users/validate",
    {
      schema: {
        tags: ["users"],
        summary: "Check a manual add without creating anyone",
        description:
          "The same checks as POST /customers/{customerId}/users (emails the customer has, numbers taken, quotas, Webex sites): 200 with the count and warnings when the add would succeed, else the same problem it would answer. Creates nothing.",
        params: CustomerParamsSchema,
        body: CreateUsersInputSchema,
        response: { 200: ValidateUsersResultSchema },
      },
      preValidation: dropBlankRows,
    },
    async (request) =>
      validateUsers(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.body.users,
      ),
  );

  app.put(
    "/customers/:customerId/users/:userId/package",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user's package (If-Match: the user's version)",
        params: UserParamsSchema,
        headers: IfMatchHeadersSchema,
        body: ChangePackageInputSchema,
        response: { 200: ChangePackageResultSchema },
      },
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      const expected = expectedVersion(request.headers["if-match"], version, "user");
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

  app.patch(
    "/customers/:customerId/users/:userId",
    {
      schema: {
        tags: ["users"],
        summary: "Edit a user's details (If-Match: the user's version)",
        params: UserParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateUserInputSchema,
        response: { 200: UpdateUserResultSchema },
      },
      preValidation: takeEchoedUserMembers,
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      const result = await updateUser(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.userId,
        input,
        expectedVersion(request.headers["if-match"], version, "user"),
        echoedUserMembers(request),
      );
      reply.header("etag", `"${result.version}"`);
      return result;
    },
  );

  app.delete(
    "/customers/:customerId/users/:userId",
    {
      schema: {
        tags: ["users"],
        summary: "Remove a user (If-Match: the user's version)",
        params: UserParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 204: z.null().describe("Removed") },
      },
    },
    async (request, reply) => {
      await removeUser(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.userId,
        expectedVersion(request.headers["if-match"], undefined, "user"),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/customers/:customerId/users/bulk",
    {
      schema: {
        tags: ["users"],
        summary: "Change the package of, or remove, up to 1,000 users: all or none",
        params: CustomerParamsSchema,
        body: BulkUsersInputSchema,
        response: { 200: BulkUsersResultSchema },
      },
      config: { problems: ["bulk_conflict", "bulk_not_applicable"] },
    },
    async (request) =>
      bulkUsers(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.body as BulkRequest,
        (timing) =>
          request.log.info(
            {
              bulkAction: request.body.action,
              users: timing.users,
              ms: Math.round(timing.totalMs),
            },
            "bulk user action",
          ),
      ),
  );
};
