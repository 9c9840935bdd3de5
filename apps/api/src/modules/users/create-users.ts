import {
  MAX_MANUAL_USERS,
  checkPackageFields,
  findDuplicateEmails,
  findNumberConflicts,
  findRowsOverQuota,
  userKeyOf,
  type CreateUsersResult,
  type NewUser,
  type ProblemError,
  type RowIssue,
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
      const locations = await tx.location.findMany({
        where: { customerId },
        select: { id: true, name: true },
      });
      const issues: RowIssue[] = [];

      const rows = users.map((u, index) => {
        const checked = checkPackageFields(
          {
            package: u.package,
            phoneNumber: u.phoneNumber,
            extension: u.extension,
            locationId: u.locationId,
            preferredWebexSite: u.preferredWebexSite,
          },
          { locations },
        );
        issues.push(...checked.issues.map((i) => ({ ...i, index })));
        return { ...u, ...checked.value, emailLower: userKeyOf(u.email), index };
      });

      issues.push(...findDuplicateEmails(rows.map((r) => ({ index: r.index, email: r.email }))));

      const taken = await tx.user.findMany({
        where: { customerId, emailLower: { in: rows.map((r) => r.emailLower) } },
        select: { emailLower: true },
      });
      const takenSet = new Set(taken.map((t) => t.emailLower));
      for (const r of rows) {
        if (takenSet.has(r.emailLower)) {
          issues.push({
            index: r.index,
            field: "email",
            code: "email_exists",
            severity: "error",
            message: `${r.email} already belongs to a user of this customer.`,
            params: { value: r.email },
          });
        }
      }

      const phones = rows.flatMap((r) => (r.phoneNumber ? [r.phoneNumber] : []));
      const extensions = rows.flatMap((r) => (r.extension ? [r.extension] : []));
      const holders =
        phones.length || extensions.length
          ? await tx.user.findMany({
              where: {
                customerId,
                OR: [{ phoneNumber: { in: phones } }, { extension: { in: extensions } }],
              },
              select: {
                emailLower: true,
                email: true,
                phoneNumber: true,
                extension: true,
                locationId: true,
              },
            })
          : [];
      issues.push(
        ...findNumberConflicts(
          rows.map((r) => ({
            index: r.index,
            userKey: r.emailLower,
            phoneNumber: r.phoneNumber,
            extension: r.extension,
            locationId: r.locationId,
          })),
          holders.map((h) => ({
            userKey: h.emailLower,
            phoneNumber: h.phoneNumber,
            extension: h.extension,
            locationId: h.locationId,
          })),
          { locations },
        ),
      );

      const quotas = await loadQuotaState(tx, customerId);
      const failing = new Set(issues.filter((i) => i.severity === "error").map((i) => i.index));
      issues.push(
        ...findRowsOverQuota(
          rows
            .filter((r) => !failing.has(r.index))
            .map((r) => ({ index: r.index, package: r.package, previousPackage: null })),
          quotas,
        ),
      );

      const problems: ProblemError[] = issues
        .sort((a, b) => a.index - b.index)
        .map(rowIssueToProblem);
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
