import type { CreateUsersResult, NewUser } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { auditSnapshot, recordAudit } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { checkNewUsers } from "./check-new-users.ts";
import { toUserJson, userWithLocation } from "./user-json.ts";

/**
 * Manual add (spec §5): validates every row against the rules module and the customer's current
 * state, then creates all users in one transaction — all or none. Errors name the row and field.
 */
export async function createUsers(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  users: NewUser[],
): Promise<CreateUsersResult> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  return prisma.$transaction(
    async (tx) => {
      await lockWritableCustomer(tx, customerId);
      const { rows, warnings } = await checkNewUsers(tx, customerId, users);

      const created = await tx.user.createManyAndReturn({
        data: rows.map((r) => ({
          customerId,
          email: r.email,
          emailLower: r.emailLower,
          firstName: r.firstName,
          lastName: r.lastName,
          displayName: r.displayName ?? `${r.firstName} ${r.lastName}`,
          package: r.package,
          phoneNumber: r.phoneNumber,
          extension: r.extension,
          locationId: r.locationId,
          preferredWebexSite: r.preferredWebexSite,
          status: "pending" as const,
        })),
        include: userWithLocation,
      });
      await tx.customer.update({
        where: { id: customerId },
        data: { userCount: { increment: created.length } },
      });
      await recordAudit(
        tx,
        scope,
        customerId,
        "manual_add",
        created.map((u) => ({
          userId: u.id,
          userEmail: u.email,
          action: "user.created",
          before: null,
          after: auditSnapshot(u, u.location?.name ?? null),
        })),
      );
      const byEmail = new Map(created.map((u) => [u.emailLower, u]));
      return {
        items: rows.map((r) => toUserJson(byEmail.get(r.emailLower)!)),
        warnings,
      };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
