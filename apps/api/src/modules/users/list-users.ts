import type { ListUsersQuery, Page, User } from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { toUserJson, userWithLocation } from "./user-json.ts";

function orderFor(query: ListUsersQuery): Prisma.UserOrderByWithRelationInput[] {
  const dir = query.order;
  switch (query.sort) {
    case "name":
      return [{ lastName: dir }, { firstName: dir }, { id: dir }];
    case "email":
      return [{ emailLower: dir }, { id: dir }];
    default:
      return [{ [query.sort]: dir }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }];
  }
}

export async function listUsers(db: Db, scope: Scope, customerId: string, query: ListUsersQuery): Promise<Page<User>> {
  await requireCustomer(db, scope, customerId);
  const filters: Prisma.UserWhereInput[] = [{ customerId }];
  if (query.package) filters.push({ package: query.package });
  if (query.status) filters.push({ status: query.status });
  if (query.search) {
    const s = query.search;
    const words = s.split(/\s+/).filter(Boolean);
    filters.push({
      OR: [
        { emailLower: { contains: s.toLowerCase() } },
        { displayName: { contains: s, mode: "insensitive" } },
        { phoneNumber: { contains: s.replace(/[\s-]/g, "") } },
        { extension: { startsWith: s } },
        // "Åsa Öberg" finds first name Åsa and last name Öberg.
        {
          AND: words.map((w) => ({
            OR: [
              { firstName: { contains: w, mode: "insensitive" as const } },
              { lastName: { contains: w, mode: "insensitive" as const } },
            ],
          })),
        },
      ],
    });
  }
  const where: Prisma.UserWhereInput = { AND: filters };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, orderBy: orderFor(query), skip: query.offset, take: query.max, include: userWithLocation }),
    db.user.count({ where }),
  ]);
  return { total, items: rows.map(toUserJson) };
}
