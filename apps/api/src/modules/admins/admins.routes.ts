import type { FastifyBaseLogger, FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AdminCustomerParamsSchema,
  AdminParamsSchema,
  AdminSchema,
  AssignedCustomerSchema,
  CustomerAdminParamsSchema,
  CustomerParamsSchema,
  InviteAdminInputSchema,
  InviteCustomerAdminInputSchema,
  InvitedAdminSchema,
  ListAdminsQuerySchema,
  ListAssignedCustomersQuerySchema,
  pageOf,
  UpdateAdminInputSchema,
  UpdateCustomerAdminInputSchema,
} from "@partner-hub/shared";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { requireCustomer, requireWrite } from "../auth/scope.ts";
import { baseUrlOf } from "../invitations/invitations.routes.ts";
import { sendLinkMail } from "../invitations/send-link-mail.ts";
import { adminJson } from "./admin-json.ts";
import {
  findCustomerAdmin,
  findPartnerAdmin,
  requireAdminsManager,
  requireAdminsReader,
} from "./admin-access.ts";
import { assignCustomer, listAdminCustomers, unassignCustomer } from "./admin-customers.ts";
import {
  removeCustomerAdmin,
  removePartnerAdmin,
  setCustomerAdminStatus,
  updatePartnerAdmin,
} from "./change-admin.ts";
import {
  inviteCustomerAdmin,
  invitePartnerAdmin,
  resendInvitation,
  type Invited,
} from "./invite-admin.ts";
import { listCustomerAdmins, listPartnerAdmins } from "./list-admins.ts";

export interface AdminsRoutesOptions {
  prisma: PrismaClient;
  mailer: Mailer | null;
  publicUrl: string | undefined;
}

const NoContent = z.null().describe("No content");
const TAGS = ["administrators"];

/** E-mails the link after the transaction committed; the inviter is shown it either way. */
function mailLink(mailer: Mailer | null, invited: Invited, log: FastifyBaseLogger) {
  if (!mailer) return;
  sendLinkMail(mailer, invited.recipient, {
    purpose: "invitation",
    url: invited.invitation.url,
    expiresAt: invited.invitation.expiresAt,
  }).catch((error: unknown) => log.warn({ err: error }, "invitation e-mail could not be sent"));
}

const noContent = (reply: FastifyReply) => reply.status(204).send(null);

/**
 * Partner Hub → Administrators (partner full administrators manage, read-only ones look) and
 * Control Hub → Administrators (anyone who may change the customer, customer admins included).
 * Outside the caller's tenant everything answers 404.
 */
export const adminsRoutes: FastifyPluginAsyncZod<AdminsRoutesOptions> = async (
  app,
  { prisma, mailer, publicUrl },
) => {
  app.get(
    "/admins",
    {
      config: { problems: ["forbidden", "not_found"] },
      schema: {
        tags: TAGS,
        summary: "The partner's administrators (partner full and read-only administrators)",
        description:
          "Searches name and email. A partner administrator gets 403, a customer administrator 404.",
        querystring: ListAdminsQuerySchema,
        response: { 200: pageOf(AdminSchema) },
      },
    },
    async (request) => {
      const scope = requireAdminsReader(requireIdentity(request).scope);
      return listPartnerAdmins(prisma, scope.partnerId, request.query);
    },
  );

  app.post(
    "/admins",
    {
      config: { problems: ["not_found"] },
      schema: {
        operationId: "inviteAdmin",
        tags: TAGS,
        summary: "Invite a partner administrator",
        description:
          "Creates the administrator as `invited` with a one-time link valid 7 days (e-mailed when SMTP is configured; answered here once as `invitationUrl`). `customerIds` only for role `partner_admin`; an id that is not one of this partner's customers answers 404 naming `customerIds.N`. An email another administrator has answers 409 `admin_email_taken` naming `email`.",
        body: InviteAdminInputSchema,
        response: { 201: InvitedAdminSchema },
      },
    },
    async (request, reply) => {
      const scope = requireAdminsManager(requireIdentity(request).scope);
      const invited = await invitePartnerAdmin(
        prisma,
        scope,
        request.body,
        baseUrlOf(request, publicUrl),
      );
      mailLink(mailer, invited, request.log);
      reply.header("location", `/api/v1/admins/${invited.admin.id}`);
      return reply.status(201).send(invited.admin);
    },
  );

  app.get(
    "/admins/:adminId",
    {
      config: { problems: ["forbidden"] },
      schema: {
        tags: TAGS,
        summary: "One of the partner's administrators",
        params: AdminParamsSchema,
        response: { 200: AdminSchema },
      },
    },
    async (request) => {
      const scope = requireAdminsReader(requireIdentity(request).scope);
      return adminJson(await findPartnerAdmin(prisma, scope.partnerId, request.params.adminId));
    },
  );

  app.patch(
    "/admins/:adminId",
    {
      schema: {
        tags: TAGS,
        summary: "Change a partner administrator's role or status",
        description:
          "`status` `disabled` ends their sessions at once; `active` re-enables them (back to `invited` if they never accepted). A role change applies to their next request. Nobody changes their own account (409 `own_account`), and the partner keeps an active full administrator (409 `last_full_admin`). Leaving the `partner_admin` role drops their customer assignments.",
        params: AdminParamsSchema,
        body: UpdateAdminInputSchema,
        response: { 200: AdminSchema },
      },
    },
    async (request) => {
      const scope = requireAdminsManager(requireIdentity(request).scope);
      return updatePartnerAdmin(prisma, scope, request.params.adminId, request.body);
    },
  );

  app.delete(
    "/admins/:adminId",
    {
      schema: {
        tags: TAGS,
        summary: "Remove a partner administrator",
        description:
          "Their sessions and links end with them. Not oneself, not the last full administrator (409).",
        params: AdminParamsSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const scope = requireAdminsManager(requireIdentity(request).scope);
      await removePartnerAdmin(prisma, scope, request.params.adminId);
      return noContent(reply);
    },
  );

  app.post(
    "/admins/:adminId/invitation",
    {
      schema: {
        operationId: "resendAdminInvitation",
        tags: TAGS,
        summary: "Invite again (resend the invitation)",
        description:
          "For an administrator still `invited`: a new 7-day link replaces the old one, which stops working. Answers the administrator with the new `invitationUrl`; 409 `admin_not_invited` for one who accepted or is disabled.",
        params: AdminParamsSchema,
        response: { 200: InvitedAdminSchema },
      },
    },
    async (request) => {
      const scope = requireAdminsManager(requireIdentity(request).scope);
      const target = await findPartnerAdmin(prisma, scope.partnerId, request.params.adminId);
      const invited = await resendInvitation(prisma, scope, target, baseUrlOf(request, publicUrl));
      mailLink(mailer, invited, request.log);
      return invited.admin;
    },
  );

  app.get(
    "/admins/:adminId/customers",
    {
      config: { problems: ["forbidden"] },
      schema: {
        tags: TAGS,
        summary: "The customers a partner administrator manages",
        params: AdminParamsSchema,
        querystring: ListAssignedCustomersQuerySchema,
        response: { 200: pageOf(AssignedCustomerSchema) },
      },
    },
    async (request) => {
      const scope = requireAdminsReader(requireIdentity(request).scope);
      return listAdminCustomers(prisma, scope, request.params.adminId, request.query);
    },
  );

  app.put(
    "/admins/:adminId/customers/:customerId",
    {
      schema: {
        operationId: "assignAdminCustomer",
        tags: TAGS,
        summary: "Assign a customer to a partner administrator",
        description:
          "Idempotent. 404 for a customer of another partner; 409 `admin_not_assignable` for an administrator whose role sees every customer.",
        params: AdminCustomerParamsSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const scope = requireAdminsManager(requireIdentity(request).scope);
      await assignCustomer(prisma, scope, request.params.adminId, request.params.customerId);
      return noContent(reply);
    },
  );

  app.delete(
    "/admins/:adminId/customers/:customerId",
    {
      schema: {
        operationId: "unassignAdminCustomer",
        tags: TAGS,
        summary: "Unassign a customer from a partner administrator",
        description: "Idempotent. Their next request no longer sees the customer.",
        params: AdminCustomerParamsSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const scope = requireAdminsManager(requireIdentity(request).scope);
      await unassignCustomer(prisma, scope, request.params.adminId, request.params.customerId);
      return noContent(reply);
    },
  );

  // Control Hub → Administrators: whoever may see the customer reads; whoever may change it
  // (partner full and partner administrators, the customer's own administrators) invites,
  // disables and removes. Another tenant's customer answers 404.
  app.get(
    "/customers/:customerId/admins",
    {
      schema: {
        tags: TAGS,
        summary: "The customer's administrators",
        params: CustomerParamsSchema,
        querystring: ListAdminsQuerySchema,
        response: { 200: pageOf(AdminSchema) },
      },
    },
    async (request) => {
      const { scope } = requireIdentity(request);
      const customer = await requireCustomer(prisma, scope, request.params.customerId);
      return listCustomerAdmins(prisma, customer.id, request.query);
    },
  );

  app.post(
    "/customers/:customerId/admins",
    {
      schema: {
        operationId: "inviteCustomerAdmin",
        tags: TAGS,
        summary: "Invite a customer full administrator of this customer",
        description:
          "Only `email` and `name`: the role is always `customer_full_admin` of this customer (any other member, such as `role`, answers 400). 409 `admin_email_taken` naming `email`.",
        params: CustomerParamsSchema,
        body: InviteCustomerAdminInputSchema,
        response: { 201: InvitedAdminSchema },
      },
    },
    async (request, reply) => {
      const { scope } = requireIdentity(request);
      const customer = await requireCustomer(prisma, scope, request.params.customerId);
      requireWrite(scope);
      const invited = await inviteCustomerAdmin(
        prisma,
        scope,
        customer,
        request.body,
        baseUrlOf(request, publicUrl),
      );
      mailLink(mailer, invited, request.log);
      reply.header("location", `/api/v1/customers/${customer.id}/admins/${invited.admin.id}`);
      return reply.status(201).send(invited.admin);
    },
  );

  app.get(
    "/customers/:customerId/admins/:adminId",
    {
      schema: {
        tags: TAGS,
        summary: "One of the customer's administrators",
        params: CustomerAdminParamsSchema,
        response: { 200: AdminSchema },
      },
    },
    async (request) => {
      const { scope } = requireIdentity(request);
      const customer = await requireCustomer(prisma, scope, request.params.customerId);
      return adminJson(await findCustomerAdmin(prisma, customer.id, request.params.adminId));
    },
  );

  app.patch(
    "/customers/:customerId/admins/:adminId",
    {
      schema: {
        tags: TAGS,
        summary: "Disable or re-enable a customer administrator",
        description:
          "`disabled` ends their sessions at once; `active` re-enables them. Not one's own account (409 `own_account`).",
        params: CustomerAdminParamsSchema,
        body: UpdateCustomerAdminInputSchema,
        response: { 200: AdminSchema },
      },
    },
    async (request) => {
      const { scope } = requireIdentity(request);
      const customer = await requireCustomer(prisma, scope, request.params.customerId);
      requireWrite(scope);
      return setCustomerAdminStatus(
        prisma,
        scope,
        customer.id,
        request.params.adminId,
        request.body.status,
      );
    },
  );

  app.delete(
    "/customers/:customerId/admins/:adminId",
    {
      schema: {
        tags: TAGS,
        summary: "Remove a customer administrator",
        description: "Their sessions and links end with them. Not one's own account (409).",
        params: CustomerAdminParamsSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { scope } = requireIdentity(request);
      const customer = await requireCustomer(prisma, scope, request.params.customerId);
      requireWrite(scope);
      await removeCustomerAdmin(prisma, scope, customer.id, request.params.adminId);
      return noContent(reply);
    },
  );

  app.post(
    "/customers/:customerId/admins/:adminId/invitation",
    {
      schema: {
        operationId: "resendCustomerAdminInvitation",
        tags: TAGS,
        summary: "Invite a customer administrator again (resend the invitation)",
        description: "As POST /admins/{adminId}/invitation, for a customer administrator.",
        params: CustomerAdminParamsSchema,
        response: { 200: InvitedAdminSchema },
      },
    },
    async (request) => {
      const { scope } = requireIdentity(request);
      const customer = await requireCustomer(prisma, scope, request.params.customerId);
      requireWrite(scope);
      const target = await findCustomerAdmin(prisma, customer.id, request.params.adminId);
      const invited = await resendInvitation(
        prisma,
        scope,
        target,
        baseUrlOf(request, publicUrl),
        customer.id,
      );
      mailLink(mailer, invited, request.log);
      return invited.admin;
    },
  );
};
