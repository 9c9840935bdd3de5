import { PACKAGES, type PackageId, type PackageQuota } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";

const catalogueOrder = new Map(PACKAGES.map((p, i) => [p.id as string, i]));

/** Each offered package's quota and how many users hold it now, in catalogue order. */
export async function loadQuotaState(db: Db, customerId: string): Promise<PackageQuota[]> {
  const [quotas, assigned] = await Promise.all([
    db.customerPackageQuota.findMany({ where: { customerId } }),
    db.user.groupBy({ by: ["package"], where: { customerId }, _count: { _all: true } }),
  ]);
  const assignedBy = new Map(assigned.map((a) => [a.package, a._count._all]));
  return quotaState(quotas, (pkg) => assignedBy.get(pkg) ?? 0);
}

/** Quotas as the customer's JSON lists them: in catalogue order, with how many hold each. */
export function quotaState(
  quotas: readonly { package: string; maxUsers: number }[],
  assignedUsers: (pkg: string) => number,
): PackageQuota[] {
  return [...quotas]
    .sort((a, b) => (catalogueOrder.get(a.package) ?? 99) - (catalogueOrder.get(b.package) ?? 99))
    .map((q) => ({
      package: q.package as PackageId,
      maxUsers: q.maxUsers,
      assignedUsers: assignedUsers(q.package),
    }));
}
