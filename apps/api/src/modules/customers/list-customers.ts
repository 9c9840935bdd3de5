import { PACKAGE_IDS, type CustomerSummary, type ListCustomersQuery, type Page, type PackageId } from "@partner-hub/shared";
import { containsPattern, direction, ident, iso, join, queryRows, sql, type Fragment, type SqlRunner } from "../../db/sql.ts";
import { customerScopeSql } from "../auth/scope-sql.ts";
import type { Scope } from "../auth/scope.ts";

const ORDER_COLUMN = {
  name: 'c."nameLower"',
  externalId: 'c."externalId"',
  status: 'c."status"',
  userCount: 'c."userCount"',
  createdAt: 'c."createdAt"',
} as const;

interface CustomerRow {
  id: string;
  name: string;
  externalId: string;
  status: CustomerSummary["status"];
  userCount: number;
  createdAt: Date | string;
  packages: string[] | null;
}

const catalogueOrder = new Map<string, number>(PACKAGE_IDS.map((id, i) => [id, i]));

export async function listCustomers(db: SqlRunner, scope: Scope, query: ListCustomersQuery): Promise<Page<CustomerSummary>> {
  const conditions: Fragment[] = [customerScopeSql(scope)];
  if (query.status) conditions.push(sql`c."status" = ${query.status}::"CustomerStatus"`);
  if (query.search) {
    const pattern = containsPattern(query.search.toLowerCase());
    conditions.push(sql`(c."nameLower" LIKE ${pattern} OR lower(c."externalId") LIKE ${pattern})`);
  }
  const where = join(conditions, " AND ");
  const dir = direction(query.order);
  // Ties are broken by name, then id, so pages stay stable when many rows share a sort value.
  const orderBy =
    query.sort === "name"
      ? sql`c."nameLower" ${dir}, c."id" ${dir}`
      : sql`${ident(ORDER_COLUMN[query.sort])} ${dir}, c."nameLower" ASC, c."id" ASC`;
  const [rows, counted] = await Promise.all([
    // The page is cut first and only its rows look up their packages: a deep page must not
    // compute packages for the thousands of rows it skips.
    queryRows<CustomerRow>(db, sql`
      SELECT c."id", c."name", c."externalId", c."status"::text AS "status", c."userCount", c."createdAt",
        ARRAY(SELECT q."package" FROM "CustomerPackageQuota" q WHERE q."customerId" = c."id") AS "packages"
      FROM (
        SELECT c."id", c."name", c."nameLower", c."externalId", c."status", c."userCount", c."createdAt"
        FROM "Customer" c
        WHERE ${where}
        ORDER BY ${orderBy}
        LIMIT ${query.max} OFFSET ${query.offset}
      ) c
      ORDER BY ${orderBy}`),
    queryRows<{ total: number }>(db, sql`SELECT count(*)::int AS "total" FROM "Customer" c WHERE ${where}`),
  ]);
  return {
    total: Number(counted[0]?.total ?? 0),
    items: rows.map((c) => ({
      id: c.id,
      name: c.name,
      externalId: c.externalId,
      status: c.status,
      packages: [...(c.packages ?? [])].sort((a, b) => (catalogueOrder.get(a) ?? 99) - (catalogueOrder.get(b) ?? 99)) as PackageId[],
      userCount: Number(c.userCount),
      createdAt: iso(c.createdAt),
    })),
  };
}
