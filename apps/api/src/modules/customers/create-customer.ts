import {
  defaultWebexSite,
  type CreateCustomerValues,
  type CreatedCustomer,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { AppError } from "../../http/app-error.ts";
import { adminAuditRow } from "../audit/record-admin-audit.ts";
import { auditRows } from "../audit/record-audit.ts";
import { requireWrite, type Scope } from "../auth/scope.ts";
import { actorOf } from "../admins/admin-access.ts";
import { createInvited } from "../admins/invite-admin.ts";
import type { IssuedInvitation } from "../invitations/create-invitation.ts";
import type { LinkRecipient } from "../invitations/send-link-mail.ts";
import { locationSnapshot } from "../locations/location-json.ts";
import { customerSnapshot, quotaSnapshot } from "./customer-audit.ts";
import { customerJson } from "./get-customer.ts";
import { quotaState } from "./quota-state.ts";
import { refuseTakenExternalId } from "./update-customer.ts";

export interface CreatedCustomerResult {
  customer: CreatedCustomer;
  /** For the invitation e-mail, sent after the transaction commits. */
  recipient: LinkRecipient;
  invitation: IssuedInvitation;
}

/**
 * Spec §11 Create customer: the customer (active), its quotas, its first location, its first
 * customer administrator's invitation, the partner administrator's assignment to it and the
 * audit events, in one transaction: a refusal anywhere leaves nothing behind. The customers
 * list's totals, package lists and search text follow by trigger (migrations 0006, 0007, 0010).
 * Creating customers is the partner's: a customer administrator gets 403, a read-only one too.
 */
export async function createCustomer(
  prisma: PrismaClient,
  scope: Scope,
  input: CreateCustomerValues,
  baseUrl: string,
): Promise<CreatedCustomerResult> {
  if (scope.kind !== "partner")
    throw new AppError("forbidden", "Only the partner's administrators can create customers.");
  requireWrite(scope);
  try {
    return await prisma.$transaction(
      async (tx) => {
        // No read before the writes: the unique indexes answer a taken external ID (migration
        // 0017) and a taken administrator email, below and in createInvited.
        const { street, city, postalCode, country } = input.address;
        const customer = await tx.customer.create({
          data: {
            partnerId: scope.partnerId,
            name: input.name,
            nameLower: input.name.toLowerCase(),
            externalId: input.externalId,
            status: "active",
            // The organisation's mail domain, as its first administrator's address has it.
            domain: input.adminEmail.slice(input.adminEmail.lastIndexOf("@") + 1),
            language: input.language,
            street,
            city,
            postalCode,
            country,
            // Its own meeting site to start with (spec §3); more are added in its settings.
            webexSites: [defaultWebexSite(input.name)],
          },
        });
        await tx.customerPackageQuota.createMany({
          data: input.quotas.map((q) => ({
            customerId: customer.id,
            package: q.package,
            maxUsers: q.maxUsers,
          })),
        });
        const location = input.location
          ? await tx.location.create({
              data: {
                customerId: customer.id,
                name: input.location.name,
                ...input.location.address,
                timeZone: input.location.timeZone,
              },
            })
          : null;
        // Spec §1: a partner administrator sees only their customers, so they are assigned the
        // ones they create (else the customer would vanish from their list as it is made).
        if (scope.assignedOnly)
          await tx.adminCustomerAssignment.create({
            data: { adminId: scope.adminId, customerId: customer.id },
          });
        const { admin, invitation } = await createInvited(
          tx,
          scope,
          {
            email: input.adminEmail,
            // The invitee has only an address so far; they are named by it until renamed.
            name: input.adminEmail.slice(0, input.adminEmail.lastIndexOf("@")),
            role: "customer_full_admin",
            partnerId: null,
            customerId: customer.id,
            language: input.language,
            emailField: "adminEmail",
          },
          baseUrl,
        );
        // The customer's events and the invitation's, in the order they happened, in one INSERT.
        await tx.auditEvent.createMany({
          data: [
            ...auditRows(scope, customer.id, "customer_settings", [
              {
                userId: null,
                userEmail: "",
                action: "customer.created",
                before: null,
                after: {
                  ...customerSnapshot(customer),
                  ...quotaSnapshot(input.quotas),
                  ...(location ? { location: location.name } : {}),
                },
              },
              ...(location
                ? [
                    {
                      userId: null,
                      userEmail: "",
                      action: "location.created" as const,
                      before: null,
                      after: locationSnapshot(location),
                    },
                  ]
                : []),
            ]),
            adminAuditRow({
              actor: actorOf(scope),
              admin,
              action: "admin.invited",
              after: { name: admin.name, role: admin.role },
            }),
          ],
        });
        // Answered from what was just written, as GET would read it back: nobody holds a
        // package yet, and the row's trigger-kept columns are only counts of those users.
        const json = customerJson(
          customer,
          quotaState(input.quotas, () => 0),
          location ? 1 : 0,
        );
        return {
          customer: {
            ...json,
            invitationUrl: invitation.url,
            invitationExpiresAt: invitation.expiresAt.toISOString(),
          },
          recipient: {
            email: admin.email,
            language: admin.language,
            partner: null,
            customer: { name: customer.name },
          },
          invitation,
        };
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  } catch (error) {
    // A unique index refused the external ID (also when two creates with one external ID run at
    // once): answered by field, as a taken external ID. The email's is answered in createInvited.
    if (isUniqueViolation(error))
      await refuseTakenExternalId(prisma, scope.partnerId, input.externalId, null);
    throw error;
  }
}
