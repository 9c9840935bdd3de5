import type { ListUsersQuery, Page, User } from "@partner-hub/shared";
import {
  containsPattern,
  pageDirections,
  isoSql,
  join,
  jsonText,
  sql,
  type Fragment,
  type JsonText,
} from "../../db/sql.ts";
import { DEEP_PAGE_OFFSET, pageWindow } from "../../db/page-window.ts";
import { notFound } from "../../http/app-error.ts";
import { customerScopeSql } from "../auth/scope-sql.ts";
import type { ProvedReader } from "../auth/proved-reader.ts";
import type { Scope } from "../auth/scope.ts";
import { userJson, type UserColumns } from "./user-json.ts";

/** The page order; `reversed` flips every direction (pageWindow reads deep pages from the end). */
function orderFor(query: ListUsersQuery, reversed = false): Fragment {
  const { dir, asc } = pageDirections(query.order, reversed);
  switch (query.sort) {
    case "name":
      return sql`u."lastName" ${dir}, u."firstName" ${dir}, u."id" ${dir}`;
    case "email":
      return sql`u."emailLower" ${dir}, u."id" ${dir}`;
    case "package":
      return sql`u."package" ${dir}, u."lastName" ${asc}, u."firstName" ${asc}, u."id" ${asc}`;
    case "status":
      return sql`u."status" ${dir}, u."lastName" ${asc}, u."firstName" ${asc}, u."id" ${asc}`;
    case "createdAt":
      return sql`u."createdAt" ${dir}, u."id" ${dir}`;
  }
}

/**
 * Every word must appear somewhere in the user's search text (email, names, display name, phone
 * number, extension): "åsa öberg" finds Åsa Öberg-Ström, "+46 8 123" finds her number.
 */
function searchWords(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

function searchSql(words: string[]): Fragment {
  return join(
    words.map((w) => sql`u."searchText" LIKE ${containsPattern(w)}`),
    " AND ",
  );
}

/**
 * Plain columns, not JSON built by PostgreSQL: json_agg costs PostgreSQL 15 ~10 µs a row (it
 * looks up every column's type again for each row), while node-postgres reads these columns and
 * JSON.stringify writes them in a fraction of that.
 */
const USER_COLUMNS = sql`
  u."id", u."email", u."firstName", u."lastName", u."displayName", u."package",
  u."phoneNumber", u."extension", u."locationId", l."name" AS "locationName",
  u."preferredWebexSite", u."basicMessaging", u."basicSpaceMeetings", u."callOnWebex",
  u."status", u."version",
  ${isoSql('u."createdAt"')} AS "createdAt", ${isoSql('u."updatedAt"')} AS "updatedAt"`;

/** `id` is null in the one row of a customer with no matching users. */
type ListRow = Omit<UserColumns, "id"> & {
  id: string | null;
  locationName: string | null;
  visible: boolean;
  total: number;
};

/**
 * One round trip for the pages people mostly look at: whether the customer is in scope, the
 * total, and the page's rows (each row carries the first two; no matching users gives one row of
 * nulls); `db` proves the session in the same statement (null: it no longer holds). Deep pages (DEEP_PAGE_OFFSET) take two: the
 * total, then the rows read from whichever end is nearer, ids first from the sort index alone (a
 * deferred join: skipping index entries is cheap, reading the rows skipped is not).
 */
export async function listUsers(
  db: ProvedReader,
  scope: Scope,
  customerId: string,
  query: ListUsersQuery,
): Promise<JsonText<Page<User>> | null> {
  const conditions: Fragment[] = [sql`u."customerId" = ${customerId}::uuid`];
  if (query.package) conditions.push(sql`u."package" = ${query.package}`);
  if (query.status) conditions.push(sql`u."status" = ${query.status}::"UserStatus"`);
  if (query.location) conditions.push(sql`u."locationId" = ${query.location}::uuid`);
  const words = query.search ? searchWords(query.search) : [];
  if (words.length > 0) conditions.push(searchSql(words));
  const where = join(conditions, " AND ");
  // Unfiltered, the total is the customer's user count, which every write transaction keeps
  // exact: a 20,000-user customer's pages need not count 20,000 rows each time.
  const filtered = Boolean(query.search || query.package || query.status || query.location);
  const total = filtered
    ? sql`SELECT count(*)::int FROM "User" u WHERE ${where}`
    : sql`SELECT "userCount" FROM "Customer" WHERE "id" = ${customerId}::uuid`;
  const headWith = (totalSql: Fragment) => sql`SELECT
    EXISTS (SELECT 1 FROM "Customer" c WHERE c."id" = ${customerId}::uuid AND ${customerScopeSql(scope)}) AS "visible",
    (${totalSql}) AS "total"`;
  const head = headWith(total);
  // A page's plan does not depend on its values and is kept across requests (see
  // RawSql.queryGenericPlan). A search's generic plan cannot see the pattern: for words of three
  // characters or more it is the trigram index anyway (migration 0008), so PostgreSQL is left to
  // choose; a shorter word has no trigrams, and only a plan made for it picks the covering index.
  const prepare = !query.search ? "generic" : words.every((w) => w.length >= 3);

  if (query.offset >= DEEP_PAGE_OFFSET) {
    const heads = await db.query<{ visible: boolean; total: number }>(head, { prepare });
    if (!heads) return null;
    const found = heads[0]!;
    // Outside the scope: the same 404 as a customer that does not exist.
    if (!found.visible) throw notFound("customer");
    const w = pageWindow(query.offset, query.max, found.total);
    if (w.limit === 0) return jsonText({ items: [], total: found.total });
    const order = orderFor(query, w.reversed);
    const rows = await db.query<UserColumns & { locationName: string | null }>(
      sql`SELECT ${USER_COLUMNS}
        FROM (SELECT u."id" FROM "User" u WHERE ${where} ORDER BY ${order}
              LIMIT ${w.limit} OFFSET ${w.offset}) page
        -- One primary-key lookup per id, whatever a generic plan guesses LIMIT to be.
        CROSS JOIN LATERAL (SELECT * FROM "User" u WHERE u."id" = page."id" OFFSET 0) u
        LEFT JOIN "Location" l ON l."id" = u."locationId"
        ORDER BY ${order}`,
      { prepare },
    );
    if (!rows) return null;
    if (w.reversed) rows.reverse();
    return jsonText({ items: rows.map((u) => userJson(u, u.locationName)), total: found.total });
  }

  const result = await db.query<ListRow>(
    query.search
      ? // A search finds its matches once (the trigram index of migration 0008, then a recheck of
        // each candidate row), counts them and sorts them, instead of testing the customer's
        // users once for the count and again for the page.
        sql`
        WITH m AS MATERIALIZED (
          SELECT u."id", u."lastName", u."firstName", u."emailLower", u."package", u."status", u."createdAt"
          FROM "User" u WHERE ${where})
        SELECT v."visible", v."total", r.*
        FROM (${headWith(sql`SELECT count(*)::int FROM m`)}) v
        LEFT JOIN LATERAL (
          SELECT ${USER_COLUMNS}
          FROM (SELECT u."id" FROM m u ORDER BY ${orderFor(query)}
                LIMIT ${query.max} OFFSET ${query.offset}) page
          JOIN "User" u ON u."id" = page."id"
          LEFT JOIN "Location" l ON l."id" = u."locationId"
          ORDER BY ${orderFor(query)}
        ) r ON v."visible"`
      : sql`
        SELECT v."visible", v."total", r.*
        FROM (${head}) v
        LEFT JOIN LATERAL (
          SELECT ${USER_COLUMNS}
          FROM "User" u LEFT JOIN "Location" l ON l."id" = u."locationId"
          WHERE ${where} ORDER BY ${orderFor(query)} LIMIT ${query.max} OFFSET ${query.offset}
        ) r ON v."visible"`,
    { prepare },
  );
  if (!result) return null;
  // Outside the scope: the same 404 as a customer that does not exist (the rows were not sent).
  const first = result[0]!;
  if (!first.visible) throw notFound("customer");
  const items =
    first.id === null ? [] : result.map((u) => userJson(u as UserColumns, u.locationName));
  return jsonText({ items, total: first.total });
}
