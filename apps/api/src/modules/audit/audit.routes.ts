import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AuditExportQuerySchema,
  AuditEventSchema,
  CustomerParamsSchema,
  ListAuditQuerySchema,
  ListPartnerAuditQuerySchema,
  PartnerAuditExportQuerySchema,
  pageOf,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { attachment } from "../../http/attachment.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { exportCustomerAudit, exportPartnerAudit } from "./export-audit.ts";
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
        description:
          "Filters: source; from and to (a day, YYYY-MM-DD in UTC, or an instant with its offset; to includes its whole day); actor (part of the acting administrator's email) and user (part of the email of the user it was done to), any case; userId.",
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

  app.get(
    "/customers/:customerId/audit.csv",
    {
      schema: {
        tags: ["audit"],
        summary: "The customer's audit log as CSV (streamed), filtered as the list is",
        params: CustomerParamsSchema,
        querystring: AuditExportQuerySchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportCustomerAudit(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.query,
      );
      return attachment(reply, fileName).send(stream);
    },
  );

  app.get(
    "/audit.csv",
    {
      config: { problems: ["not_found"] },
      schema: {
        tags: ["audit"],
        summary:
          "The partner-level audit log as CSV (streamed), filtered and scoped as the list is",
        querystring: PartnerAuditExportQuerySchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportPartnerAudit(
        prisma,
        requireIdentity(request).scope,
        request.query,
      );
      return attachment(reply, fileName).send(stream);
    },
  );
};
