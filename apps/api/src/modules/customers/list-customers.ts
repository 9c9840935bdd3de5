import {
  PACKAGE_IDS,
  type CustomerSummary,
  type ListCustomersQuery,
  type Page,
} from "@partner-hub/shared";
import {
  containsPattern,
  direction,
  ident,
  isoSql,
  join,
  queryRows,
  raw,
  sql,
  type Fragment,
  type SqlRunner,
} from "../../db/sql.ts";
import { customerScopeSql } from "../auth/scope-sql.ts";
import type { Scope } from "../auth/scope.ts";

const ORDER_COLUMN = {
  name: 'c."nameLower"',
  externalId: 'c."externalId"',
  status: 'c."status"',
  userCount: 'c."userCount"',
  createdAt: 'c."createdAt"',
} as const;

// The catalogue's order, as an SQL array literal of its fixed ids (code, never input).
const CATALOGUE_ORDER = raw(`ARRAY[${PACKAGE_IDS.map((id) => `'${id}'`).join(",")}]::text[]`);

export async function listCustomers(
  db: SqlRunner,
  scope: Scope,
  query: ListCustomersQuery,
): Promise<Page<CustomerSummary>> {
  const conditions: Fragment[] = [customerScopeSql(scope)];
  if (query.status) conditions.push(sql`c."status" = ${query.status}::"CustomerStatus"`);
  if (query.search) {
    const pattern = containsPattern(query.search.toLowerCase());
    // The same expression as the trigram index of migration 0005, so the index serves it.
    conditions.push(sql`(c."nameLower" || ' ' || lower(c."externalId")) LIKE ${pattern}`);
  }
  const where = join(conditions, " AND ");
  // A partner's whole list: the total is the count a trigger keeps on the partner (migration
  // 0006), not a count of 10,000 rows on every page.
  const total =
    scope.kind === "partner" && !scope.assignedOnly && !query.status && !query.search
      ? sql`SELECT "customerCount" FROM "Partner" WHERE "id" = ${scope.partnerId}::uuid`
      : sql`SELECT count(*)::int FROM "Customer" c WHERE ${where}`;
  const dir = direction(query.order);
  // Ties are broken by name, then id, so pages stay stable when many rows share a sort value.
  const orderBy =
    query.sort === "name"
      ? sql`c."nameLower" ${dir}, c."id" ${dir}`
      : sql`${ident(ORDER_COLUMN[query.sort])} ${dir}, c."nameLower" ASC, c."id" ASC`;
  // One round trip: PostgreSQL counts, cuts the page and builds its JSON (Node parses one value
  // instead of converting 50 rows column by column). Deferred join: the page's ids come from the
  // sort index alone, so a deep page neither reads nor looks up packages for the rows it skips.
  const [result] = await queryRows<Page<CustomerSummary>>(
    db,
    sql`
    SELECT
      (${total}) AS "total",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', c."id", 'name', c."name", 'externalId', c."externalId", 'status', c."status",
          'userCount', c."userCount", 'createdAt', ${isoSql('c."createdAt"')},
          'packages', ARRAY(
            SELECT q."package" FROM "CustomerPackageQuota" q WHERE q."customerId" = c."id"
            ORDER BY array_position(${CATALOGUE_ORDER}, q."package"))
        ) ORDER BY ${orderBy})
        FROM (
          SELECT c."id" FROM "Customer" c WHERE ${where} ORDER BY ${orderBy}
          LIMIT ${query.max} OFFSET ${query.offset}
        ) page
        JOIN "Customer" c ON c."id" = page."id"
      ), '[]'::json) AS "items"`,
    { prepare: !query.search },
  );
  return result!;
}
