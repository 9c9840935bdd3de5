import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CustomerParamsSchema,
  CustomerSchema,
  CustomerSummarySchema,
  ListCustomersQuerySchema,
  LocationSchema,
  PaginationQuerySchema,
  pageOf,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Reader } from "../../db/sql.ts";
import { requireIdentity, withProvenSession } from "../auth/authenticate.ts";
import { getCustomer } from "./get-customer.ts";
import { listCustomers } from "./list-customers.ts";
import { listLocations } from "./list-locations.ts";
import { sendJsonText } from "../../http/json-text.ts";

export const customersRoutes: FastifyPluginAsyncZod<{
  prisma: PrismaClient;
  reader: Reader;
}> = async (app, { prisma, reader }) => {
  app.get(
    "/customers",
    {
      schema: {
        tags: ["customers"],
        summary: "Customers the caller may see",
        querystring: ListCustomersQuerySchema,
        response: { 200: pageOf(CustomerSummarySchema) },
      },
      config: { provesSession: true },
    },
    async (request, reply) =>
      sendJsonText(
        reply,
        await withProvenSession(request, reader, (scope, db) =>
          listCustomers(db, scope, request.query),
        ),
      ),
  );

  app.get(
    "/customers/:customerId",
    {
      schema: {
        tags: ["customers"],
        summary: "One customer with quotas and address",
        params: CustomerParamsSchema,
        response: { 200: CustomerSchema },
      },
    },
    async (request) =>
      getCustomer(prisma, requireIdentity(request).scope, request.params.customerId),
  );

  app.get(
    "/customers/:customerId/locations",
    {
      schema: {
        tags: ["customers"],
        summary: "The customer's locations",
        params: CustomerParamsSchema,
        querystring: PaginationQuerySchema.strict(),
        response: { 200: pageOf(LocationSchema) },
      },
    },
    async (request) =>
      listLocations(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.query,
      ),
  );
};
