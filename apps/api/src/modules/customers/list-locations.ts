import type { Location, Page, PaginationQuery } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { toLocationJson } from "../locations/location-json.ts";

export async function listLocations(
  db: Db,
  scope: Scope,
  customerId: string,
  page: PaginationQuery,
): Promise<Page<Location>> {
  await requireCustomer(db, scope, customerId);
  const where = { customerId };
  const [rows, total] = await Promise.all([
    db.location.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: page.offset,
      take: page.max,
      include: { _count: { select: { users: true } } },
    }),
    db.location.count({ where }),
  ]);
  return {
    total,
    items: rows.map((l) => toLocationJson(l, l._count.users)),
  };
}
