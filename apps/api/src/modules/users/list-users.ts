import type { ListUsersQuery, Page, User } from "@partner-hub/shared";
import {
  containsPattern,
  direction,
  isoSql,
  join,
  queryRows,
  sql,
  type Fragment,
  type SqlRunner,
} from "../../db/sql.ts";
import { notFound } from "../../http/app-error.ts";
import { customerScopeSql } from "../auth/scope-sql.ts";
import { isUuid, type Scope } from "../auth/scope.ts";

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

/**
 * One round trip: whether the customer is in scope, the count, and the page as JSON built by
 * PostgreSQL. Deferred join: the page's ids come from the sort index alone (a deep page of a
 * 20,000-user customer skips index entries, not rows), then only those rows are read whole.
 */
export async function listUsers(
  db: SqlRunner,
  scope: Scope,
  customerId: string,
  query: ListUsersQuery,
): Promise<Page<User>> {
  if (!isUuid(customerId)) throw notFound("customer");
  const conditions: Fragment[] = [sql`u."customerId" = ${customerId}::uuid`];
  if (query.package) conditions.push(sql`u."package" = ${query.package}`);
  if (query.status) conditions.push(sql`u."status" = ${query.status}::"UserStatus"`);
  if (query.search) conditions.push(searchSql(query.search));
  const where = join(conditions, " AND ");
  const order = orderFor(query);
  // Unfiltered, the total is the customer's user count, which every write transaction keeps
  // exact: a 20,000-user customer's pages need not count 20,000 rows each time.
  const filtered = Boolean(query.search || query.package || query.status);
  const total = filtered
    ? sql`SELECT count(*)::int FROM "User" u WHERE ${where}`
    : sql`SELECT "userCount" FROM "Customer" WHERE "id" = ${customerId}::uuid`;
  const [result] = await queryRows<Page<User> & { visible: boolean }>(
    db,
    sql`
    SELECT
      EXISTS (SELECT 1 FROM "Customer" c WHERE c."id" = ${customerId}::uuid AND ${customerScopeSql(scope)}) AS "visible",
      (${total}) AS "total",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', u."id", 'email', u."email", 'firstName', u."firstName", 'lastName', u."lastName",
          'displayName', u."displayName", 'package', u."package", 'phoneNumber', u."phoneNumber",
          'extension', u."extension", 'locationId', u."locationId", 'locationName', l."name",
          'preferredWebexSite', u."preferredWebexSite",
          'baseLicences', array_remove(ARRAY[
            CASE WHEN u."basicMessaging" THEN 'basic_messaging' END,
            CASE WHEN u."basicSpaceMeetings" THEN 'basic_space_meetings' END,
            CASE WHEN u."callOnWebex" THEN 'call_on_webex' END], NULL),
          'status', u."status", 'version', u."version",
          'createdAt', ${isoSql('u."createdAt"')}, 'updatedAt', ${isoSql('u."updatedAt"')}
        ) ORDER BY ${order})
        FROM (SELECT u."id" FROM "User" u WHERE ${where} ORDER BY ${order} LIMIT ${query.max} OFFSET ${query.offset}) page
        JOIN "User" u ON u."id" = page."id"
        LEFT JOIN "Location" l ON l."id" = u."locationId"
      ), '[]'::json) AS "items"`,
    { prepare: !query.search },
  );
  // Outside the scope: the same 404 as a customer that does not exist (the rows were not sent).
  if (!result?.visible) throw notFound("customer");
  return { total: result.total, items: result.items };
}
