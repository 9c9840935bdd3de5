import { createHash, randomBytes } from "node:crypto";
import type { AdminRole } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { execute, queryRows, sql, type SqlRunner } from "../../db/sql.ts";

export const SESSION_COOKIE = "ph_session";

/**
 * How long a session lives (spec §14): it ends after `idleMs` without a request and `maxMs`
 * after sign-in, whichever comes first. `now` is the clock every session decision reads, so
 * tests can move time instead of waiting; the database's own now() is never used for them.
 */
export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
  now: () => Date;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60 * 1000,
  maxMs: 12 * 60 * 60 * 1000,
  now: () => new Date(),
};

/**
 * "Last seen" is written only when it is older than this, so a busy session costs one write a
 * minute rather than one per request; the idle timeout is therefore honoured to within a minute.
 */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export async function createSession(prisma: PrismaClient, adminId: string, policy: SessionPolicy) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = policy.now();
  const expiresAt = new Date(now.getTime() + policy.maxMs);
  // Sessions past their absolute end are of no use to anyone: each sign-in clears them (by the
  // expiresAt index), so the table holds at most SESSION_MAX_HOURS of sign-ins.
  await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      adminId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    },
  });
  return { token, csrfToken, expiresAt };
}

export interface SessionWithAdmin {
  csrfToken: string;
  /** When the session was last seen as this process read it (for the once-a-minute write). */
  lastSeenAt: Date;
  admin: {
    id: string;
    email: string;
    name: string;
    role: AdminRole;
    partnerId: string | null;
    customerId: string | null;
    partner: { name: string } | null;
  };
}

/** The earliest "last seen" a session may have at `now` and still be in use. */
export function idleCutoff(policy: SessionPolicy, now: Date): Date {
  return new Date(now.getTime() - policy.idleMs);
}

/** Runs on every request, so it is one plain SQL statement (see db/sql.ts for why). */
export function findSession(
  db: SqlRunner,
  token: string,
  policy: SessionPolicy,
): Promise<SessionWithAdmin | null> {
  return findSessionByHash(db, hashToken(token), policy);
}

/**
 * The live session with this token hash: not past its absolute end, not idle too long. A session
 * found is marked seen (when its mark is older than LAST_SEEN_RESOLUTION_MS), which is what keeps
 * a person who is working signed in.
 */
export async function findSessionByHash(
  db: SqlRunner,
  tokenHash: string,
  policy: SessionPolicy,
): Promise<SessionWithAdmin | null> {
  const now = policy.now();
  const [row] = await queryRows<
    Omit<SessionWithAdmin["admin"], "partner"> & {
      csrfToken: string;
      partnerName: string | null;
      lastSeenAt: Date | string;
    }
  >(
    db,
    sql`
    SELECT s."csrfToken", s."lastSeenAt", a."id", a."email", a."name", a."role"::text AS "role", a."partnerId", a."customerId", p."name" AS "partnerName"
    FROM "Session" s JOIN "Admin" a ON a."id" = s."adminId" LEFT JOIN "Partner" p ON p."id" = a."partnerId"
    WHERE s."tokenHash" = ${tokenHash} AND s."expiresAt" > ${now}::timestamptz
      AND s."lastSeenAt" > ${idleCutoff(policy, now)}::timestamptz AND a."status" = 'active'`,
  );
  if (!row) return null;
  const { csrfToken, partnerName, lastSeenAt: seen, ...admin } = row;
  let lastSeenAt = new Date(seen);
  if (now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // GREATEST: another process may have marked it later meanwhile.
    await execute(
      db,
      sql`UPDATE "Session" SET "lastSeenAt" = GREATEST("lastSeenAt", ${now}::timestamptz) WHERE "tokenHash" = ${tokenHash}`,
    );
    lastSeenAt = now;
  }
  return {
    csrfToken,
    lastSeenAt,
    admin: { ...admin, partner: partnerName === null ? null : { name: partnerName } },
  };
}

export async function deleteSession(prisma: PrismaClient, token: string) {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
