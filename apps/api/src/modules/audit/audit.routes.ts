import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AuditEventSchema,
  CustomerParamsSchema,
  ListAuditQuerySchema,
  ListPartnerAuditQuerySchema,
  pageOf,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { listAudit } from "./list-audit.ts";
import { listPartnerAudit } from "./list-partner-audit.ts";

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

  app.get(
    "/audit",
    {
      config: { problems: ["not_found"] },
      schema: {
        tags: ["audit"],
        summary: "The partner-level audit log, newest first",
        description:
          "The partner's own events (administrators invited, accepted, their roles, customers, status, removal, passwords) and every customer's events, each naming who did what to whom. Full and read-only partner administrators see all of it; a partner administrator only the customers assigned to them; a customer administrator gets 404 (their log is GET /customers/{customerId}/audit).",
        querystring: ListPartnerAuditQuerySchema,
        response: { 200: pageOf(AuditEventSchema) },
      },
    },
    async (request) => listPartnerAudit(prisma, requireIdentity(request).scope, request.query),
  );
};
