import { sql, type Fragment, type QueryOptions, type Reader } from "../../db/sql.ts";
import { sessionOkSql, type SessionProof } from "./session-cache.ts";

/**
 * What a list service reads through (routes with `provesSession`, see withProvenSession). It
 * never sees the session proof, so it cannot forget it: every statement it runs is wrapped here
 * in one that proves the cached session in the same round trip (sessionOkSql), and answers null
 * — none of the statement's rows — when the session no longer holds. Before, each list service
 * took the proof and had to put sessionOkSql into its own statement and check the column; one
 * that forgot would have served a signed-out session from this process's cache.
 */
export interface ProvedReader {
  /** The statement's rows, or null when the session no longer holds. */
  query<T>(statement: Fragment, options?: QueryOptions): Promise<T[] | null>;
}

/**
 * `proof` null: the session was looked up for this request, so the statement runs as it is.
 * Otherwise it runs as a LATERAL subquery under the one-row proof, which PostgreSQL evaluates
 * once (an InitPlan; `OFFSET 0` keeps the subquery from being pulled up, which copied the EXISTS
 * into the join filter and ran it twice); `proofRow` tells a statement with no rows from one row
 * of nulls.
 */
export function provedReader(reader: Reader, proof: SessionProof | null): ProvedReader {
  if (!proof) return { query: (statement, options) => reader.query(statement, options) };
  return {
    async query<T>(statement: Fragment, options?: QueryOptions) {
      const rows = await reader.query<T & { sessionOk: boolean; proofRow: boolean | null }>(
        sql`SELECT p."sessionOk", s.*
          FROM (SELECT ${sessionOkSql(proof)} AS "sessionOk" OFFSET 0) p
          LEFT JOIN LATERAL (SELECT true AS "proofRow", q.* FROM (${statement}) q) s
            ON p."sessionOk"`,
        options,
      );
      const first = rows[0];
      if (!first?.sessionOk) return null;
      return first.proofRow === null ? [] : rows;
    },
  };
}
