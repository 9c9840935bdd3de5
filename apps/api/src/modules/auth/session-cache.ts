import type { AdminRole } from "@partner-hub/shared";
import { LRUCache } from "lru-cache";
import { sql, type Fragment } from "../../db/sql.ts";
import {
  idleCutoff,
  LAST_SEEN_RESOLUTION_MS,
  type SessionPolicy,
  type SessionWithAdmin,
} from "./sessions.ts";

/**
 * Sessions this process has looked up before, by token hash. It is never trusted on its own:
 * a route that uses it (config `provesSession`, the two hot lists) skips the session lookup's
 * round trip and proves the session inside its own query instead (sessionOkSql), against the
 * database as it is then. A session signed out through another API process, expired, or whose
 * administrator changed fails that proof and is looked up afresh (withProvenSession), so every
 * request is still authorised by the database, in the same statement that reads the data.
 * The lookup it saves was a quarter of a list request's cost (docs/performance.md).
 */
export type SessionCache = LRUCache<string, SessionWithAdmin>;

export function createSessionCache(): SessionCache {
  return new LRUCache<string, SessionWithAdmin>({ max: 10_000, ttl: 10 * 60 * 1000 });
}

/**
 * A cached session this request may use without a lookup: only one whose "last seen" mark is
 * fresh. An older one is looked up (and marked seen) instead, so the cache never stands in for
 * the write that keeps a session alive, nor keeps one alive past its idle limit.
 */
export function usableCached(
  cache: SessionCache,
  tokenHash: string,
  policy: SessionPolicy,
): SessionWithAdmin | undefined {
  const cached = cache.get(tokenHash);
  if (!cached) return undefined;
  if (policy.now().getTime() - cached.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    cache.delete(tokenHash);
    return undefined;
  }
  return cached;
}

/** What a cached session claims; the query checks every part of it. */
export interface SessionProof {
  tokenHash: string;
  /** The request's time and the idle cutoff at that time (the session policy's clock). */
  at: Date;
  seenAfter: Date;
  adminId: string;
  role: AdminRole;
  partnerId: string | null;
  customerId: string | null;
}

export function proofOf(
  tokenHash: string,
  session: SessionWithAdmin,
  policy: SessionPolicy,
): SessionProof {
  const { id, role, partnerId, customerId } = session.admin;
  const at = policy.now();
  return {
    tokenHash,
    at,
    seenAfter: idleCutoff(policy, at),
    adminId: id,
    role,
    partnerId,
    customerId,
  };
}

/**
 * A column that is true when the session still exists, has neither expired nor been idle too long
 * (as another process may have found it to be), and its administrator is still active and
 * unchanged; simply `true` when there is no proof to give (the session was looked up for this
 * request).
 */
export function sessionOkSql(p: SessionProof | null): Fragment {
  if (!p) return sql`true`;
  return sql`EXISTS (
    SELECT 1 FROM "Session" s JOIN "Admin" a ON a."id" = s."adminId"
    WHERE s."tokenHash" = ${p.tokenHash} AND s."expiresAt" > ${p.at}::timestamptz
      AND s."lastSeenAt" > ${p.seenAfter}::timestamptz AND a."id" = ${p.adminId}::uuid
      AND a."status" = 'active'
      AND a."role"::text = ${p.role}
      AND a."partnerId" IS NOT DISTINCT FROM ${p.partnerId}::uuid
      AND a."customerId" IS NOT DISTINCT FROM ${p.customerId}::uuid)`;
}
