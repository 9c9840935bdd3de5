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
  jsonText,
  queryRows,
  raw,
  sql,
  type Fragment,
  type JsonText,
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
): Promise<JsonText<Page<CustomerSummary>>> {
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
  const totalSql =
    scope.kind === "partner" && !scope.assignedOnly && !query.status && !query.search
      ? sql`SELECT "customerCount" FROM "Partner" WHERE "id" = ${scope.partnerId}::uuid`
      : sql`SELECT count(*)::int FROM "Customer" c WHERE ${where}`;
  const dir = direction(query.order);
  // Ties are broken by name, then id, so pages stay stable when many rows share a sort value.
  const orderBy =
    query.sort === "name"
      ? sql`c."nameLower" ${dir}, c."id" ${dir}`
      : sql`${ident(ORDER_COLUMN[query.sort])} ${dir}, c."nameLower" ASC, c."id" ASC`;
  // One round trip: the total on every row (one row of nulls when the page is empty), then the
  // page's rows as plain columns (see list-users.ts for why not JSON built by PostgreSQL).
  // Deferred join: the page's ids come from the sort index alone, so a deep page neither reads
  // nor looks up packages for the rows it skips.
  const rows = await queryRows<Omit<CustomerSummary, "id"> & { id: string | null; total: number }>(
    db,
    sql`
    SELECT t."total", r.*
    FROM (SELECT (${totalSql}) AS "total") t
    LEFT JOIN LATERAL (
      SELECT c."id", c."name", c."externalId", c."status", c."userCount",
        ${isoSql('c."createdAt"')} AS "createdAt",
        ARRAY(
          SELECT q."package" FROM "CustomerPackageQuota" q WHERE q."customerId" = c."id"
          ORDER BY array_position(${CATALOGUE_ORDER}, q."package")) AS "packages"
      FROM (
        SELECT c."id" FROM "Customer" c WHERE ${where} ORDER BY ${orderBy}
        LIMIT ${query.max} OFFSET ${query.offset}
      ) page
      JOIN "Customer" c ON c."id" = page."id"
      ORDER BY ${orderBy}
    ) r ON true`,
    { prepare: !query.search },
  );
  const total = rows[0]!.total;
  const items = rows[0]!.id === null ? [] : (rows as CustomerSummary[]);
  return jsonText({
    items: items.map(({ id, name, externalId, status, packages, userCount, createdAt }) => ({
      id,
      name,
      externalId,
      status,
      packages,
      userCount,
      createdAt,
    })),
    total,
  });
}
