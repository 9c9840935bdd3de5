import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AuditEventSchema,
  CustomerParamsSchema,
  ListAuditQuerySchema,
  pageOf,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { listAudit } from "./list-audit.ts";

export const auditRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (
  app,
  { prisma },
) => {
  app.get(
    "/customers/:customerId/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The customer's audit log, newest first",
        params: CustomerParamsSchema,
        querystring: ListAuditQuerySchema,
        response: { 200: pageOf(AuditEventSchema) },
      },
    },
    async (request) =>
      listAudit(prisma, requireIdentity(request).scope, request.params.customerId, request.query),
  );
};
