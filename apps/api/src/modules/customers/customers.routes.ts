import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CreateCustomerInputSchema,
  CreatedCustomerSchema,
  CustomerParamsSchema,
  CustomerSchema,
  CustomerSummarySchema,
  ListCustomersQuerySchema,
  LocationSchema,
  PaginationQuerySchema,
  SetQuotasInputSchema,
  UpdateCustomerInputSchema,
  pageOf,
} from "@partner-hub/shared";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { RawSql } from "../../db/connect.ts";
import type { Reader } from "../../db/sql.ts";
import { requireIdentity, withProvenSession } from "../auth/authenticate.ts";
import { getCustomer } from "./get-customer.ts";
import { listCustomers } from "./list-customers.ts";
import { listLocations } from "./list-locations.ts";
import { sendJsonText } from "../../http/json-text.ts";
import { expectedVersion } from "../../http/if-match.ts";
import { setQuotas } from "./set-quotas.ts";
import { deleteCustomer } from "./delete-customer.ts";
import { updateCustomer } from "./update-customer.ts";
import { createCustomer } from "./create-customer.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { baseUrlOf } from "../invitations/invitations.routes.ts";
import { sendLinkMail } from "../invitations/send-link-mail.ts";

const IfMatchHeadersSchema = z.object({ "if-match": z.string().max(40).optional() }).passthrough();

export const customersRoutes: FastifyPluginAsyncZod<{
  prisma: PrismaClient;
  reader: Reader;
  /** The driver, for the create's writes (decision 002). */
  raw: RawSql;
  mailer?: Mailer | null;
  publicUrl?: string | undefined;
  /** Start removing a deleted customer's data now rather than at the purge job's next poll. */
  kickPurger?: () => void;
}> = async (app, { prisma, reader, raw, mailer = null, publicUrl, kickPurger }) => {
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

  app.post(
    "/customers",
    {
      schema: {
        operationId: "createCustomer",
        tags: ["customers"],
        summary: "Create a customer with its quotas, first location and first administrator",
        description:
          "Partner full and partner administrators (a partner administrator is assigned the customer). Creates the customer `active`, its quotas, its location (required with a calling package: 400 naming `location`) and invites `adminEmail` as its first customer full administrator in `language` (e-mailed when SMTP is configured; answered here once as `invitationUrl`). An external ID another of the partner's customers has, ignoring case, answers 409 `external_id_taken` naming `externalId`; an email another administrator has, 409 `admin_email_taken` naming `adminEmail`.",
        body: CreateCustomerInputSchema,
        response: { 201: CreatedCustomerSchema },
      },
    },
    async (request, reply) => {
      const created = await createCustomer(
        raw,
        requireIdentity(request).scope,
        request.body,
        baseUrlOf(request, publicUrl),
      );
      // After the commit: a rolled-back customer's invitation must not arrive.
      if (mailer)
        sendLinkMail(mailer, created.recipient, {
          purpose: "invitation",
          url: created.invitation.url,
          expiresAt: created.invitation.expiresAt,
        }).catch((error: unknown) =>
          request.log.warn({ err: error }, "invitation e-mail could not be sent"),
        );
      reply.header("location", `/api/v1/customers/${created.customer.id}`);
      reply.header("etag", `"${created.customer.version}"`);
      return reply.status(201).send(created.customer);
    },
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
    async (request, reply) => {
      const customer = await getCustomer(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
      );
      reply.header("etag", `"${customer.version}"`);
      return customer;
    },
  );

  app.patch(
    "/customers/:customerId",
    {
      schema: {
        tags: ["customers"],
        summary:
          "Change a customer's settings or status (If-Match: the customer's version; external ID and status: partner writers only)",
        params: CustomerParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateCustomerInputSchema,
        response: { 200: CustomerSchema },
      },
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      const customer = await updateCustomer(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        input,
        expectedVersion(request.headers["if-match"], version, "customer"),
      );
      reply.header("etag", `"${customer.version}"`);
      return customer;
    },
  );

  app.put(
    "/customers/:customerId/quotas",
    {
      schema: {
        tags: ["customers"],
        summary:
          "Set the packages offered and their quotas: the complete list (partner writers only)",
        params: CustomerParamsSchema,
        headers: IfMatchHeadersSchema,
        body: SetQuotasInputSchema,
        response: { 200: CustomerSchema },
      },
    },
    async (request, reply) => {
      const customer = await setQuotas(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.body.quotas,
        expectedVersion(request.headers["if-match"], request.body.version, "customer"),
      );
      reply.header("etag", `"${customer.version}"`);
      return customer;
    },
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

  app.delete(
    "/customers/:customerId",
    {
      schema: {
        tags: ["customers"],
        summary: "Delete a customer (partner full administrators only)",
        description:
          "From this answer on the customer is 404 everywhere and out of every list, search and count; its administrators and their sessions are gone and a queued or running import is cancelled. Its users, locations and imports are removed in the background (decision 014); its audit events stay in the partner's log (`GET /audit`). If-Match (the customer's version) is honoured when sent: stale → 412 with `current`.",
        params: CustomerParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCustomer(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        expectedVersion(request.headers["if-match"], undefined, "customer"),
      );
      kickPurger?.();
      return reply.status(204).send(null);
    },
  );
};
