import { Prisma } from "../generated/prisma/client.ts";
import type { RawSql } from "./connect.ts";
import type { Db } from "./types.ts";

/**
 * SQL fragments for the hot read paths. The list endpoints and the session lookup run as plain
 * SQL through `$queryRaw` because Prisma 6's JS query engine costs several milliseconds of CPU
 * per query here, which a list under 20 concurrent clients cannot afford (docs/performance.md).
 * Values are always bound parameters; `ident` only takes names from fixed maps in code.
 */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;
/** A fixed SQL text from code (never from input). */
export const raw = Prisma.raw;

export function ident(name: string) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_"][A-Za-z0-9_"]*)?$/.test(name))
    throw new Error(`Bad identifier ${name}`);
  return Prisma.raw(name);
}

export function direction(order: "asc" | "desc") {
  return Prisma.raw(order === "desc" ? "DESC" : "ASC");
}

/**
 * A page's ORDER BY directions: `dir` for the chosen sort, `asc` for the tie-breakers. A deep page
 * read from the end of the list (pageWindow) flips both.
 */
export function pageDirections(order: "asc" | "desc", reversed: boolean) {
  const flipped = order === "desc" ? "asc" : "desc";
  return {
    dir: direction(reversed ? flipped : order),
    asc: direction(reversed ? "desc" : "asc"),
  };
}

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A timestamptz as the ISO-8601 UTC text `Date.toISOString()` gives, built by PostgreSQL. */
export function isoSql(column: string) {
  return Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** ISO-8601 UTC text; text that already is (from `isoSql`) is kept, not parsed again. */
export function iso(value: Date | string): string {
  if (typeof value === "string" && ISO_UTC.test(value)) return value;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export type Fragment = Prisma.Sql;

/**
 * Runs SQL on the database driver directly (pg or PGlite), skipping Prisma entirely: even
 * `$queryRaw` costs ~1.5 ms of client CPU per query here, against ~0.4 ms for the driver.
 */
export interface Reader {
  /**
   * `prepare: false` for statements whose best plan depends on the values (a LIKE search): a
   * prepared statement's generic plan made a 20,000-user search several times slower.
   * `prepare: "generic"` for statements whose plan does not (see RawSql.queryGenericPlan).
   */
  query<T>(statement: Fragment, options?: QueryOptions): Promise<T[]>;
}

export interface QueryOptions {
  prepare?: boolean | "generic";
}

export function readerFor(raw: RawSql): Reader {
  return {
    query: <T>(statement: Fragment, options: QueryOptions = {}) =>
      options.prepare === false
        ? raw.query<T>(statement.text, statement.values)
        : options.prepare === "generic"
          ? raw.queryGenericPlan<T>(statement.text, statement.values)
          : raw.queryPrepared<T>(statement.text, statement.values),
  };
}

/** Where the hot read functions may run: the driver (request path) or Prisma (inside a transaction). */
export type SqlRunner = Db | Reader;

export function queryRows<T>(
  db: SqlRunner,
  statement: Fragment,
  options?: QueryOptions,
): Promise<T[]> {
  return "query" in db && typeof db.query === "function"
    ? db.query<T>(statement, options)
    : (db as Db).$queryRaw<T[]>(statement);
}

/** A statement whose rows nobody reads (INSERT, UPDATE, DELETE without RETURNING). */
export async function execute(
  db: SqlRunner,
  statement: Fragment,
  options?: QueryOptions,
): Promise<void> {
  await queryRows(db, statement, options);
}

/**
 * A response body already serialised, typed by the value it encodes. The hot lists build it with
 * JSON.stringify and send it as is (http/json-text.ts), skipping the zod serializer's parse of
 * every row; the integration tests validate these bodies against the response schemas, which
 * still describe them in the OpenAPI document.
 */
export type JsonText<T> = string & { readonly __encodes?: T };

export function jsonText<T>(value: T): JsonText<T> {
  return JSON.stringify(value);
}
