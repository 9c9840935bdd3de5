import {
  packageById,
  type Customer,
  type PackageId,
  type ProblemError,
  type QuotaInput,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { quotaSnapshot } from "./customer-audit.ts";
import { lockWritableCustomer } from "./customer-writable.ts";
import { loadCustomerJson } from "./get-customer.ts";

/**
 * Spec §11 Packages and quotas: the complete list of offered packages and their quotas. A quota
 * never goes below the users holding the package, and a package is not withdrawn while anyone
 * holds it (409 naming the package and how many hold it). Quotas are the partner's: a customer
 * administrator gets 403. If-Match is optional here: the usage check under the customer's lock
 * keeps the rules whatever the caller saw; when given, a stale version gets 412.
 */
export async function setQuotas(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  quotas: QuotaInput[],
  expected: number | undefined,
): Promise<Customer> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  if (scope.kind !== "partner")
    throw new AppError(
      "forbidden",
      "A customer administrator cannot change quotas: they are the partner's.",
      {
        errors: [
          {
            code: "partner_only_field",
            field: "quotas",
            message: "Only the partner can change quotas.",
            params: { field: "quotas" },
          },
        ],
      },
    );
  return prisma.$transaction(
    async (tx) => {
      await lockWritableCustomer(tx, customerId);
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
      if (expected !== undefined && customer.version !== expected)
        throw new AppError(
          "version_conflict",
          `${customer.name} was changed by someone else since you loaded it (version ${expected}, now ${customer.version}). Review the current quotas and try again.`,
          { extra: { current: await loadCustomerJson(tx, customerId) } },
        );
      const [current, held] = await Promise.all([
        tx.customerPackageQuota.findMany({ where: { customerId } }),
        tx.user.groupBy({ by: ["package"], where: { customerId }, _count: { _all: true } }),
      ]);
      const holders = new Map(held.map((h) => [h.package as PackageId, h._count._all]));
      const errors: ProblemError[] = [];
      quotas.forEach((q, index) => {
        const count = holders.get(q.package) ?? 0;
        if (q.maxUsers < count)
          errors.push({
            code: "quota_below_holders",
            field: `quotas.${index}.maxUsers`,
            message: `${packageById(q.package).displayName} is held by ${count} users: its quota cannot be lower than ${count}.`,
            params: { package: q.package, assignedUsers: count, maxUsers: q.maxUsers },
          });
      });
      const wanted = new Set<string>(quotas.map((q) => q.package));
      for (const [pkg, count] of holders) {
        if (count > 0 && !wanted.has(pkg))
          errors.push({
            code: "package_still_held",
            field: "quotas",
            message: `${packageById(pkg).displayName} is held by ${count} users: move them to another package before withdrawing it.`,
            params: { package: pkg, assignedUsers: count },
          });
      }
      if (errors.length) {
        const first = errors[0]!;
        const assignedUsers = Number(first.params?.assignedUsers ?? 0);
        throw new AppError(
          first.code === "package_still_held" ? "package_in_use" : "quota_below_usage",
          errors.map((e) => e.message).join(" "),
          {
            errors,
            params: {
              package: packageById(String(first.params?.package) as PackageId).displayName,
              assignedUsers,
            },
            // Spec §11: the refusal gives the count and a link to those users.
            extra: {
              userCount: assignedUsers,
              usersUrl: `/api/v1/customers/${customerId}/users?package=${String(first.params?.package)}`,
            },
          },
        );
      }

      const before = new Map(current.map((q) => [q.package, q.maxUsers]));
      const removed = current.filter((q) => !wanted.has(q.package)).map((q) => q.package);
      const changed = quotas.filter((q) => before.get(q.package) !== q.maxUsers);
      if (!removed.length && !changed.length) return loadCustomerJson(tx, customerId);
      if (removed.length)
        await tx.customerPackageQuota.deleteMany({
          where: { customerId, package: { in: removed } },
        });
      for (const q of changed)
        await tx.customerPackageQuota.upsert({
          where: { customerId_package: { customerId, package: q.package } },
          create: { customerId, package: q.package, maxUsers: q.maxUsers },
          update: { maxUsers: q.maxUsers },
        });
      await tx.customer.update({
        where: { id: customerId },
        data: { version: { increment: 1 } },
      });
      await recordAudit(tx, scope, customerId, "customer_settings", [
        {
          userId: null,
          userEmail: "",
          action: "customer.quotas_changed",
          before: quotaSnapshot(current),
          after: quotaSnapshot(quotas),
        },
      ]);
      return loadCustomerJson(tx, customerId);
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
