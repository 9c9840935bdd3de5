import type { Admin, ListAdminsQuery, Page } from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { ADMIN_SELECT, adminJson } from "./admin-json.ts";

const PARTNER_ROLES = ["partner_full_admin", "partner_admin", "partner_readonly_admin"] as const;

function searchOf(search: string | undefined): Prisma.AdminWhereInput {
  if (!search) return {};
  return {
    OR: [
      { name: { contains: search, mode: "insensitive" } },
      { email: { contains: search, mode: "insensitive" } },
    ],
  };
}

/** A partner has tens of administrators, not thousands: Prisma's paging is plenty here. */
async function page(
  db: Db,
  where: Prisma.AdminWhereInput,
  query: ListAdminsQuery,
): Promise<Page<Admin>> {
  const [rows, total] = await Promise.all([
    db.admin.findMany({
      where,
      select: ADMIN_SELECT,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      skip: query.offset,
      take: query.max,
    }),
    db.admin.count({ where }),
  ]);
  return { items: rows.map(adminJson), total };
}

export function listPartnerAdmins(db: Db, partnerId: string, query: ListAdminsQuery) {
  return page(
    db,
    { partnerId, role: { in: [...PARTNER_ROLES] }, ...searchOf(query.search) },
    query,
  );
}

export function listCustomerAdmins(db: Db, customerId: string, query: ListAdminsQuery) {
  return page(db, { customerId, role: "customer_full_admin", ...searchOf(query.search) }, query);
}
