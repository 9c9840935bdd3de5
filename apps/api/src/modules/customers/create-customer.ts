import {
  defaultWebexSite,
  type CreateCustomerValues,
  type CreatedCustomer,
} from "@partner-hub/shared";
import type {
  Customer as CustomerRow,
  Location as LocationRow,
} from "../../generated/prisma/client.ts";
import type { RawSql } from "../../db/connect.ts";
import { execute, queryRows, readerFor, sql } from "../../db/sql.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { AppError } from "../../http/app-error.ts";
import { adminAuditRow } from "../audit/record-admin-audit.ts";
import { auditRows, insertAuditRows } from "../audit/record-audit.ts";
import { DUMMY_HASH } from "../auth/password.ts";
import { requireWrite, type Scope } from "../auth/scope.ts";
import { actorOf } from "../admins/admin-access.ts";
import { emailTaken } from "../admins/invite-admin.ts";
import type { IssuedInvitation } from "../invitations/create-invitation.ts";
import { linkUrl, newOneTimeToken, TOKEN_TTL_MS } from "../invitations/one-time-token.ts";
import type { LinkRecipient } from "../invitations/send-link-mail.ts";
import { locationSnapshot } from "../locations/location-json.ts";
import { customerSnapshot, quotaSnapshot } from "./customer-audit.ts";
import { customerJson } from "./get-customer.ts";
import { quotaState } from "./quota-state.ts";
import { externalIdTaken } from "./update-customer.ts";

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
 *
 * One INSERT per table on the driver, as the benchmark's floor writes them (decision 002): through
 * Prisma the same writes cost ~1 ms of client CPU each, more than PostgreSQL took to run them
 * (docs/performance.md). Nothing is read before the writes — the unique indexes answer a taken
 * external ID or email, also against a concurrent create — or after them: the 201 is built from
 * the rows as written.
 */
export async function createCustomer(
  raw: RawSql,
  scope: Scope,
  input: CreateCustomerValues,
  baseUrl: string,
): Promise<CreatedCustomerResult> {
  if (scope.kind !== "partner")
    throw new AppError("forbidden", "Only the partner's administrators can create customers.");
  requireWrite(scope);
  return raw.transaction(async (driver) => {
    const tx = readerFor(driver);
    const { street, city, postalCode, country } = input.address;
    // The organisation's mail domain, as its first administrator's address has it.
    const domain = input.adminEmail.slice(input.adminEmail.lastIndexOf("@") + 1);
    // Its own meeting site to start with (spec §3); more are added in its settings.
    const webexSites = [defaultWebexSite(input.name)];
    const [customer] = await queryRows<CustomerRow>(
      tx,
      sql`INSERT INTO "Customer" ("partnerId", "name", "nameLower", "externalId", "status", "domain",
          "language", "street", "city", "postalCode", "country", "webexSites")
        VALUES (${scope.partnerId}::uuid, ${input.name}, ${input.name.toLowerCase()},
          ${input.externalId}, 'active', ${domain}, ${input.language}, ${street}, ${city},
          ${postalCode}, ${country}, ${webexSites}::text[])
        RETURNING *`,
    ).catch((error: unknown) => {
      // The customer's only unique indexes are its id and its external ID within the partner,
      // exactly and ignoring case (migrations 0014, 0017).
      throw isUniqueViolation(error) ? externalIdTaken(input.externalId) : error;
    });
    const customerId = customer!.id;
    await execute(
      tx,
      sql`INSERT INTO "CustomerPackageQuota" ("customerId", "package", "maxUsers")
        SELECT ${customerId}::uuid, q."package", q."maxUsers"
        FROM jsonb_to_recordset(${JSON.stringify(input.quotas)}::jsonb) AS q("package" text, "maxUsers" int)`,
    );
    const location = input.location
      ? (
          await queryRows<LocationRow>(
            tx,
            sql`INSERT INTO "Location" ("customerId", "name", "street", "city", "postalCode", "country", "timeZone")
              VALUES (${customerId}::uuid, ${input.location.name}, ${input.location.address.street},
                ${input.location.address.city}, ${input.location.address.postalCode},
                ${input.location.address.country}, ${input.location.timeZone})
              RETURNING *`,
          )
        )[0]!
      : null;
    // Spec §1: a partner administrator sees only their customers, so they are assigned the ones
    // they create (else the customer would vanish from their list as it is made).
    if (scope.assignedOnly)
      await execute(
        tx,
        sql`INSERT INTO "AdminCustomerAssignment" ("adminId", "customerId")
          VALUES (${scope.adminId}::uuid, ${customerId}::uuid)`,
      );

    // Its first customer full administrator, invited in the customer's language; the invitee has
    // only an address so far and is named by it until renamed. Nobody's password matches
    // DUMMY_HASH: the invitation sets the real one.
    const [admin] = await queryRows<{ id: string; email: string; name: string; language: string }>(
      tx,
      sql`INSERT INTO "Admin" ("email", "name", "passwordHash", "role", "customerId", "status", "language")
        VALUES (${input.adminEmail}, ${input.adminEmail.slice(0, input.adminEmail.lastIndexOf("@"))},
          ${DUMMY_HASH}, 'customer_full_admin', ${customerId}::uuid, 'invited', ${input.language})
        RETURNING "id", "email", "name", "language"`,
    ).catch((error: unknown) => {
      // The email is an administrator's only unique column besides the id.
      throw isUniqueViolation(error) ? emailTaken(input.adminEmail, "adminEmail") : error;
    });
    // A new administrator has no earlier link to revoke (issueInvitation's first step).
    const { token, tokenHash } = newOneTimeToken();
    const expiresAt = new Date(Date.now() + TOKEN_TTL_MS.invitation);
    await execute(
      tx,
      sql`INSERT INTO "AdminToken" ("adminId", "purpose", "tokenHash", "expiresAt", "createdById")
        VALUES (${admin!.id}::uuid, 'invitation', ${tokenHash}, ${expiresAt}, ${scope.adminId}::uuid)`,
    );
    const invitation: IssuedInvitation = {
      url: linkUrl(baseUrl, "invitation", token),
      token,
      expiresAt,
    };

    // The customer's events and the invitation's, in the order they happened, in one INSERT.
    await insertAuditRows(tx, [
      ...auditRows(scope, customerId, "customer_settings", [
        {
          userId: null,
          userEmail: "",
          action: "customer.created",
          before: null,
          after: {
            ...customerSnapshot(customer!),
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
        admin: { ...admin!, partnerId: null, customerId },
        action: "admin.invited",
        after: { name: admin!.name, role: "customer_full_admin" },
      }),
    ]);

    // As GET would read it back: nobody holds a package yet, and the row's trigger-kept columns
    // are only counts of those users.
    const json = customerJson(
      customer!,
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
        email: admin!.email,
        language: admin!.language,
        partner: null,
        customer: { name: customer!.name },
      },
      invitation,
    };
  });
}
