import { PACKAGE_IDS, type CustomerSummary, type ListCustomersQuery, type Page, type PackageId } from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { customerWhere, type Scope } from "../auth/scope.ts";

const ORDER_COLUMN = {
  name: "nameLower",
  externalId: "externalId",
  status: "status",
  userCount: "userCount",
  createdAt: "createdAt",
} as const;

export async function listCustomers(db: Db, scope: Scope, query: ListCustomersQuery): Promise<Page<CustomerSummary>> {
  const filters: Prisma.CustomerWhereInput[] = [customerWhere(scope)];
  if (query.status) filters.push({ status: query.status });
  if (query.search) {
    const text = query.search.toLowerCase();
    filters.push({ OR: [{ nameLower: { contains: text } }, { externalId: { contains: query.search, mode: "insensitive" } }] });
  }
  const where: Prisma.CustomerWhereInput = { AND: filters };
  const column = ORDER_COLUMN[query.sort];
  // The id tie-breaker keeps pages stable when many rows share a sort value.
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [{ [column]: query.order }, { id: query.order }];
  if (column !== "nameLower") orderBy.splice(1, 0, { nameLower: "asc" });
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where,
      orderBy,
      skip: query.offset,
      take: query.max,
      select: {
        id: true,
        name: true,
        externalId: true,
        status: true,
        userCount: true,
        createdAt: true,
        quotas: { select: { package: true } },
      },
    }),
    db.customer.count({ where }),
  ]);
  return {
    total,
    items: rows.map((c) => ({
      id: c.id,
      name: c.name,
      externalId: c.externalId,
      status: c.status,
      packages: PACKAGE_IDS.filter((id) => c.quotas.some((q) => q.package === id)) as PackageId[],
      userCount: c.userCount,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}
