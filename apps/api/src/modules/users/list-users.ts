import type { ListUsersQuery, Page, User } from "@partner-hub/shared";
import { containsPattern, direction, join, queryRows, sql, type Fragment, type SqlRunner } from "../../db/sql.ts";
import { userJson, type UserColumns } from "./user-json.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";

type UserListRow = UserColumns & { locationName: string | null };

function orderFor(query: ListUsersQuery): Fragment {
  const dir = direction(query.order);
  switch (query.sort) {
    case "name":
      return sql`u."lastName" ${dir}, u."firstName" ${dir}, u."id" ${dir}`;
    case "email":
      return sql`u."emailLower" ${dir}, u."id" ${dir}`;
    case "package":
      return sql`u."package" ${dir}, u."lastName" ASC, u."firstName" ASC, u."id" ASC`;
    case "status":
      return sql`u."status" ${dir}, u."lastName" ASC, u."firstName" ASC, u."id" ASC`;
    case "createdAt":
      return sql`u."createdAt" ${dir}, u."id" ${dir}`;
  }
}

/**
 * Every word must appear somewhere in the user's search text (email, names, display name, phone
 * number, extension): "åsa öberg" finds Åsa Öberg-Ström, "+46 8 123" finds her number.
 */
function searchSql(search: string): Fragment {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return join(
    words.map((w) => sql`u."searchText" LIKE ${containsPattern(w)}`),
    " AND ",
  );
}

export async function listUsers(db: SqlRunner, scope: Scope, customerId: string, query: ListUsersQuery): Promise<Page<User>> {
  await requireCustomer(db, scope, customerId);
  const conditions: Fragment[] = [sql`u."customerId" = ${customerId}::uuid`];
  if (query.package) conditions.push(sql`u."package" = ${query.package}`);
  if (query.status) conditions.push(sql`u."status" = ${query.status}::"UserStatus"`);
  if (query.search) conditions.push(searchSql(query.search));
  const where = join(conditions, " AND ");
  const order = orderFor(query);
  const [rows, counted] = await Promise.all([
    // Deferred join: the page's ids come from the sort index alone (a deep page of a 20,000-user
    // customer skips index entries, not rows), then only those 50 rows are read whole.
    queryRows<UserListRow>(db, sql`
      SELECT u."id", u."email", u."firstName", u."lastName", u."displayName", u."package", u."phoneNumber",
        u."extension", u."locationId", l."name" AS "locationName", u."preferredWebexSite", u."basicMessaging",
        u."basicSpaceMeetings", u."callOnWebex", u."status"::text AS "status", u."version", u."createdAt", u."updatedAt"
      FROM (
        SELECT u."id" FROM "User" u WHERE ${where} ORDER BY ${order} LIMIT ${query.max} OFFSET ${query.offset}
      ) page
      JOIN "User" u ON u."id" = page."id"
      LEFT JOIN "Location" l ON l."id" = u."locationId"
      ORDER BY ${order}`),
    queryRows<{ total: number }>(db, sql`SELECT count(*)::int AS "total" FROM "User" u WHERE ${where}`),
  ]);
  return {
    total: Number(counted[0]?.total ?? 0),
    items: rows.map((u) => userJson(u, u.locationName)),
  };
}
