import { lockWritableCustomer } from "../customers/customer-writable.ts";
import {
  UuidParamSchema,
  type InviteAdminInput,
  type InviteCustomerAdminInput,
  type InvitedAdmin,
  type ProblemError,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { AppError } from "../../http/app-error.ts";
import { DUMMY_HASH } from "../auth/password.ts";
import type { Scope } from "../auth/scope.ts";
import { recordAdminAudit } from "../audit/record-admin-audit.ts";
import { issueInvitation, type IssuedInvitation } from "../invitations/create-invitation.ts";
import { ADMIN_SELECT, adminJson, type AdminRow } from "./admin-json.ts";
import { actorOf, lockPartner } from "./admin-access.ts";

export interface Invited {
  admin: InvitedAdmin;
  /** For the e-mail sent after the transaction commits. */
  recipient: {
    email: string;
    language: string;
    partner: { name: string } | null;
    customer: { name: string } | null;
  };
  invitation: IssuedInvitation;
}

export function emailTaken(email: string, field = "email"): AppError {
  const message = `${email} is already an administrator's email.`;
  return new AppError("admin_email_taken", message, {
    params: { email },
    errors: [{ code: "email_used_by_admin", field, message, params: { email } }],
  });
}

export function invitedJson(admin: AdminRow, invitation: IssuedInvitation): InvitedAdmin {
  return {
    ...adminJson(admin),
    invitationUrl: invitation.url,
    invitationExpiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * Creates the invited administrator and their link; refuses a taken email by field (`email`, or
 * the caller's name for it). Without a `language`, the invitee is written to in their inviter's
 * until they choose their own.
 */
export async function createInvited(
  tx: Db,
  scope: Scope,
  {
    language,
    emailField = "email",
    ...data
  }: {
    email: string;
    name: string;
    role: AdminRow["role"];
    partnerId: string | null;
    customerId: string | null;
    language?: string;
    emailField?: string;
  },
  baseUrl: string,
) {
  if (await tx.admin.findUnique({ where: { email: data.email }, select: { id: true } }))
    throw emailTaken(data.email, emailField);
  const inviter = language
    ? null
    : await tx.admin.findUnique({ where: { id: scope.adminId }, select: { language: true } });
  const admin = await tx.admin.create({
    data: {
      ...data,
      status: "invited",
      language: language ?? inviter?.language ?? "en",
      // Nobody's password matches it; the invitation sets the real one.
      passwordHash: DUMMY_HASH,
    },
    select: { ...ADMIN_SELECT, language: true },
  });
  const invitation = await issueInvitation(tx, {
    adminId: admin.id,
    purpose: "invitation",
    createdBy: scope.adminId,
    baseUrl,
  });
  return { admin, invitation };
}

/**
 * Partner Hub → Invite administrator: the administrator, their customers (a partner
 * administrator only; every id must be one of this partner's customers, else 404 by field),
 * the link and the audit record, in one transaction.
 */
export async function invitePartnerAdmin(
  prisma: PrismaClient,
  scope: Extract<Scope, { kind: "partner" }>,
  input: InviteAdminInput,
  baseUrl: string,
): Promise<Invited> {
  const customerIds = [...new Set(input.customerIds ?? [])];
  if (customerIds.length && input.role !== "partner_admin") {
    const message =
      "Only a partner administrator is assigned customers; the other roles see every customer.";
    throw new AppError("validation_failed", message, {
      errors: [{ code: "customers_not_for_role", field: "customerIds", message }],
    });
  }
  return prisma.$transaction(async (tx) => {
    await lockPartner(tx, scope.partnerId);
    // An id that is not a UUID names no customer (and must not reach the uuid column).
    const valid = customerIds.filter((id) => UuidParamSchema.safeParse(id).success);
    const found = new Set(
      (
        await tx.customer.findMany({
          where: { id: { in: valid }, partnerId: scope.partnerId, deletedAt: null },
          select: { id: true },
        })
      ).map((c) => c.id),
    );
    const missing: ProblemError[] = customerIds.flatMap((id) =>
      found.has(id)
        ? []
        : [
            {
              code: "customer_not_found",
              field: `customerIds.${(input.customerIds ?? []).indexOf(id)}`,
              message: "The customer does not exist.",
              params: { customerId: id },
            },
          ],
    );
    if (missing.length)
      throw new AppError("not_found", "The customer does not exist.", { errors: missing });

    const { admin, invitation } = await createInvited(
      tx,
      scope,
      {
        email: input.email,
        name: input.name,
        role: input.role,
        partnerId: scope.partnerId,
        customerId: null,
      },
      baseUrl,
    );
    if (customerIds.length)
      await tx.adminCustomerAssignment.createMany({
        data: customerIds.map((customerId) => ({ adminId: admin.id, customerId })),
      });
    await recordAdminAudit(tx, {
      actor: actorOf(scope),
      admin,
      action: "admin.invited",
      after: { name: admin.name, role: admin.role, customerCount: customerIds.length },
    });
    const partner = await tx.partner.findUniqueOrThrow({
      where: { id: scope.partnerId },
      select: { name: true },
    });
    // The trigger counted the assignments: read the row as it now is.
    const fresh = await tx.admin.findUniqueOrThrow({
      where: { id: admin.id },
      select: ADMIN_SELECT,
    });
    return {
      admin: invitedJson(fresh, invitation),
      recipient: { email: admin.email, language: admin.language, partner, customer: null },
      invitation,
    };
  });
}

/** Control Hub → Invite administrator: a customer full administrator of this customer. */
export async function inviteCustomerAdmin(
  prisma: PrismaClient,
  scope: Scope,
  customer: { id: string; name: string },
  input: InviteCustomerAdminInput,
  baseUrl: string,
): Promise<Invited> {
  return prisma.$transaction(async (tx) => {
    // Spec §11: a suspended customer changes nothing until reactivated (409 customer_suspended),
    // its administrators included; the lock orders this invitation against a suspension.
    await lockWritableCustomer(tx, customer.id);
    const { admin, invitation } = await createInvited(
      tx,
      scope,
      {
        email: input.email,
        name: input.name,
        role: "customer_full_admin",
        partnerId: null,
        customerId: customer.id,
      },
      baseUrl,
    );
    await recordAdminAudit(tx, {
      actor: actorOf(scope),
      admin,
      action: "admin.invited",
      after: { name: admin.name, role: admin.role },
    });
    return {
      admin: invitedJson(admin, invitation),
      recipient: {
        email: admin.email,
        language: admin.language,
        partner: null,
        customer: { name: customer.name },
      },
      invitation,
    };
  });
}

/** Invites again an administrator who has not accepted yet: the old link stops working. */
export async function resendInvitation(
  prisma: PrismaClient,
  scope: Scope,
  target: AdminRow,
  baseUrl: string,
  /** A customer administrator's customer: refused, as a new invitation, while it is not active. */
  customerId?: string,
): Promise<Invited> {
  if (target.status !== "invited")
    throw new AppError(
      "admin_not_invited",
      target.status === "disabled"
        ? "This administrator is disabled: enable them first."
        : "This administrator has already accepted; they can reset their password themselves.",
    );
  return prisma.$transaction(async (tx) => {
    if (customerId) await lockWritableCustomer(tx, customerId);
    const invitation = await issueInvitation(tx, {
      adminId: target.id,
      purpose: "invitation",
      createdBy: scope.adminId,
      baseUrl,
    });
    await recordAdminAudit(tx, {
      actor: actorOf(scope),
      admin: target,
      action: "admin.invitation_resent",
    });
    const row = await tx.admin.findUniqueOrThrow({
      where: { id: target.id },
      select: {
        language: true,
        partner: { select: { name: true } },
        customer: { select: { name: true } },
      },
    });
    return {
      admin: invitedJson(target, invitation),
      recipient: { email: target.email, ...row },
      invitation,
    };
  });
}
