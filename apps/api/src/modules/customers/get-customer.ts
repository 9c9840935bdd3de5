import { PACKAGES, type Customer, type PackageId } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";

const catalogueOrder = new Map(PACKAGES.map((p, i) => [p.id as string, i]));

export async function getCustomer(db: Db, scope: Scope, customerId: string): Promise<Customer> {
  await requireCustomer(db, scope, customerId);
  const [c, assigned, locationCount] = await Promise.all([
    db.customer.findUniqueOrThrow({ where: { id: customerId }, include: { quotas: true } }),
    db.user.groupBy({ by: ["package"], where: { customerId }, _count: { _all: true } }),
    db.location.count({ where: { customerId } }),
  ]);
  const assignedBy = new Map(assigned.map((a) => [a.package, a._count._all]));
  const quotas = [...c.quotas]
    .sort((a, b) => (catalogueOrder.get(a.package) ?? 99) - (catalogueOrder.get(b.package) ?? 99))
    .map((q) => ({ package: q.package as PackageId, maxUsers: q.maxUsers, assignedUsers: assignedBy.get(q.package) ?? 0 }));
  return {
    id: c.id,
    name: c.name,
    externalId: c.externalId,
    status: c.status,
    packages: quotas.map((q) => q.package),
    userCount: c.userCount,
    createdAt: c.createdAt.toISOString(),
    domain: c.domain,
    address: { street: c.street, city: c.city, postalCode: c.postalCode, country: c.country },
    quotas,
    locationCount,
  };
}
