import {
  MAX_MANUAL_USERS,
  numbersToLookUp,
  userKeyOf,
  validateManualAdd,
  type CreateUsersResult,
  type NewUser,
  type ProblemError,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { auditSnapshot, recordAudit } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { loadQuotaState } from "../customers/quota-state.ts";
import { rowIssueToProblem } from "./issues-to-problems.ts";
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
  if (users.length > MAX_MANUAL_USERS) {
    throw new AppError(
      "too_many_users",
      `At most ${MAX_MANUAL_USERS} users can be added at a time.`,
    );
  }
  return prisma.$transaction(
    async (tx) => {
      await lockWritableCustomer(tx, customerId);
      const keys = users.map((u) => userKeyOf(u.email));
      const { phoneNumbers, extensions } = numbersToLookUp(users);
      const [locations, taken, holders, quotas] = await Promise.all([
        tx.location.findMany({ where: { customerId }, select: { id: true, name: true } }),
        tx.user.findMany({
          where: { customerId, emailLower: { in: keys } },
          select: { emailLower: true },
        }),
        phoneNumbers.length || extensions.length
          ? tx.user.findMany({
              where: {
                customerId,
                OR: [{ phoneNumber: { in: phoneNumbers } }, { extension: { in: extensions } }],
              },
              select: { emailLower: true, phoneNumber: true, extension: true, locationId: true },
            })
          : [],
        loadQuotaState(tx, customerId),
      ]);
      // The same composition the wizard runs, here with the database's truth.
      const { issues, values } = validateManualAdd(users, {
        locations,
        quotas,
        existingUserKeys: new Set(taken.map((t) => t.emailLower)),
        numberHolders: holders.map((h) => ({
          userKey: h.emailLower,
          phoneNumber: h.phoneNumber,
          extension: h.extension,
          locationId: h.locationId,
        })),
      });
      const rows = users.map((u, index) => ({
        ...u,
        ...values[index],
        emailLower: keys[index] ?? userKeyOf(u.email),
        index,
      }));

      const problems: ProblemError[] = issues.map(rowIssueToProblem);
      const errors = problems.filter((p) => p.severity !== "warning");
      if (errors.length) {
        const badRows = new Set(errors.map((e) => e.row)).size;
        throw new AppError(
          "validation_failed",
          `${badRows} of ${users.length} ${users.length === 1 ? "user has" : "users have"} errors; nothing was added.`,
          { errors: problems },
        );
      }

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
        warnings: problems.filter((p) => p.severity === "warning"),
      };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
