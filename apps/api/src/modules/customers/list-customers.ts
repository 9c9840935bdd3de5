import {
  PACKAGE_IDS,
  type CustomerSummary,
  type ListCustomersQuery,
  type Page,
} from "@partner-hub/shared";
import {
  containsPattern,
  pageDirections,
  ident,
  isoSql,
  join,
  jsonText,
  sql,
  type Fragment,
  type JsonText,
} from "../../db/sql.ts";
import { DEEP_PAGE_OFFSET, pageWindow } from "../../db/page-window.ts";
import { customerListScopeSql } from "../auth/scope-sql.ts";
import type { ProvedReader } from "../auth/proved-reader.ts";
import type { Scope } from "../auth/scope.ts";

const ORDER_COLUMN = {
  name: 'c."nameLower"',
  externalId: 'c."externalId"',
  status: 'c."status"',
  userCount: 'c."userCount"',
  createdAt: 'c."createdAt"',
} as const;

const CATALOGUE_POSITION = new Map<string, number>(PACKAGE_IDS.map((id, i) => [id, i]));
const byCatalogue = (a: string, b: string) =>
  (CATALOGUE_POSITION.get(a) ?? 99) - (CATALOGUE_POSITION.get(b) ?? 99);

// Six packages make at most 64 different lists, so each is split and sorted once per process.
const packageLists = new Map<string, CustomerSummary["packages"]>();

/** "webex_suite,webex_calling" (kept in id order, migration 0007) in the catalogue's order. */
function packagesOf(text: string): CustomerSummary["packages"] {
  let list = packageLists.get(text);
  if (!list) {
    list = (text === "" ? [] : text.split(",")).sort(byCatalogue) as CustomerSummary["packages"];
    packageLists.set(text, list);
  }
  return list;
}

/** `packages` comes comma-separated: node-postgres's array parser cost more than the rest of a row. */
type CustomerRow = Omit<CustomerSummary, "packages"> & { packages: string };

function summary(c: CustomerRow): CustomerSummary {
  return {
    id: c.id,
    name: c.name,
    externalId: c.externalId,
    status: c.status,
    packages: packagesOf(c.packages),
    userCount: c.userCount,
    createdAt: c.createdAt,
  };
}

/**
 * The total without counting where a trigger keeps it (migrations 0006, 0007): a partner's
 * customers, per status, and a partner administrator's assignments. A search still counts.
 */
function totalSql(scope: Scope, query: ListCustomersQuery, where: Fragment): Fragment {
  if (scope.kind === "partner" && !query.search) {
    if (!scope.assignedOnly) {
      return query.status
        ? sql`SELECT COALESCE((SELECT "count" FROM "CustomerStatusCount"
            WHERE "partnerId" = ${scope.partnerId}::uuid AND "status" = ${query.status}::"CustomerStatus"), 0)`
        : sql`SELECT "customerCount" FROM "Partner" WHERE "id" = ${scope.partnerId}::uuid`;
    }
    if (!query.status)
      return sql`SELECT "assignedCustomerCount" FROM "Admin" WHERE "id" = ${scope.adminId}::uuid`;
  }
  return sql`SELECT count(*)::int FROM "Customer" c WHERE ${where}`;
}

const CUSTOMER_COLUMNS = sql`c."id", c."name", c."externalId", c."status", c."userCount",
  ${isoSql('c."createdAt"')} AS "createdAt",
  array_to_string(c."packages", ',') AS "packages"`;

/**
 * One round trip for shallow pages: the total on every row (one row of nulls when the page is
 * empty), then the page's rows as plain columns (see
 * list-users.ts for why not JSON built by PostgreSQL), read straight from the sort index. Deep
 * pages (DEEP_PAGE_OFFSET) take the total first and read from the nearer end, ids first from the
 * sort index alone (a deferred join: the rows skipped are not read). `db` proves the session in
 * the same statements (null: it no longer holds).
 */
export async function listCustomers(
  db: ProvedReader,
  scope: Scope,
  query: ListCustomersQuery,
): Promise<JsonText<Page<CustomerSummary>> | null> {
  const conditions: Fragment[] = [customerListScopeSql(scope)];
  if (query.status) conditions.push(sql`c."status" = ${query.status}::"CustomerStatus"`);
  if (query.search) {
    const pattern = containsPattern(query.search.toLowerCase());
    // Name and external ID in one stored column with a trigram index (migration 0010).
    conditions.push(sql`c."searchText" LIKE ${pattern}`);
  }
  const where = join(conditions, " AND ");
  // Ties are broken by name, then id, so pages stay stable when many rows share a sort value.
  const orderBy = (reversed: boolean) => {
    const { dir, asc } = pageDirections(query.order, reversed);
    return query.sort === "name"
      ? sql`c."nameLower" ${dir}, c."id" ${dir}`
      : sql`${ident(ORDER_COLUMN[query.sort])} ${dir}, c."nameLower" ${asc}, c."id" ${asc}`;
  };
  // A partner administrator's customers by name come from their assignments, which keep each
  // customer's name in an index in that order (migration 0009): the page is read, not searched
  // for among the partner's customers. Same order as below: (nameLower, id) either way. The
  // partner check is a scalar subquery so that it stays one primary-key lookup per assignment
  // read (as EXISTS, PostgreSQL hashed all of the partner's customers first).
  const assignedOnly = scope.kind === "partner" && scope.assignedOnly ? scope : null;
  const fromAssignments =
    assignedOnly && query.sort === "name" && !query.search && !query.status ? assignedOnly : null;
  const pageIds = (limit: number, offset: number, reversed: boolean) => {
    if (fromAssignments) {
      const { dir } = pageDirections(query.order, reversed);
      return sql`SELECT a."customerId" AS "id" FROM "AdminCustomerAssignment" a
        WHERE a."adminId" = ${fromAssignments.adminId}::uuid
          AND (SELECT c."partnerId" FROM "Customer" c WHERE c."id" = a."customerId" AND c."deletedAt" IS NULL) = ${fromAssignments.partnerId}::uuid
        ORDER BY a."customerNameLower" ${dir}, a."customerId" ${dir}
        LIMIT ${limit} OFFSET ${offset}`;
    }
    return sql`SELECT c."id" FROM "Customer" c WHERE ${where} ORDER BY ${orderBy(reversed)}
      LIMIT ${limit} OFFSET ${offset}`;
  };
  const pageRows = (limit: number, offset: number, reversed: boolean) => sql`
    SELECT ${CUSTOMER_COLUMNS}
    FROM (${pageIds(limit, offset, reversed)}) page
    CROSS JOIN LATERAL (SELECT * FROM "Customer" c WHERE c."id" = page."id" OFFSET 0) c
    ORDER BY ${orderBy(reversed)}`;
  // A search's best plan depends on its pattern (1 hit or 1,000); a page's does not, and is
  // kept across requests (see RawSql.queryGenericPlan).
  const prepare = query.search ? false : "generic";
  const head = sql`SELECT (${totalSql(scope, query, where)}) AS "total"`;

  if (query.offset >= DEEP_PAGE_OFFSET) {
    const heads = await db.query<{ total: number }>(head, { prepare });
    if (!heads) return null;
    const { total } = heads[0]!;
    const w = pageWindow(query.offset, query.max, total);
    if (w.limit === 0) return jsonText({ items: [], total });
    const rows = await db.query<CustomerRow>(pageRows(w.limit, w.offset, w.reversed), {
      prepare,
    });
    if (!rows) return null;
    if (w.reversed) rows.reverse();
    return jsonText({ items: rows.map(summary), total });
  }

  const rows = await db.query<Omit<CustomerRow, "id"> & { id: string | null; total: number }>(
    sql`
    SELECT t."total", r.*
    FROM (${head}) t
    LEFT JOIN LATERAL (${
      assignedOnly
        ? // A partner administrator's customers: their ids first (from the assignments by name,
          // else by scanning the partner's sort index), then only the 50 kept read in full.
          pageRows(query.max, query.offset, false)
        : sql`SELECT ${CUSTOMER_COLUMNS} FROM "Customer" c WHERE ${where}
            ORDER BY ${orderBy(false)} LIMIT ${query.max} OFFSET ${query.offset}`
    }) r ON true`,
    { prepare },
  );
  if (!rows) return null;
  const first = rows[0]!;
  const items = first.id === null ? [] : (rows as CustomerRow[]).map(summary);
  return jsonText({ items, total: first.total });
}
