import { createHash, randomBytes } from "node:crypto";
import type { AdminRole } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { queryRows, sql, type SqlRunner } from "../../db/sql.ts";

export const SESSION_COOKIE = "ph_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export async function createSession(prisma: PrismaClient, adminId: string) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await prisma.session.create({
    data: { tokenHash: hashToken(token), adminId, csrfToken, expiresAt },
  });
  return { token, csrfToken, expiresAt };
}

export interface SessionWithAdmin {
  csrfToken: string;
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

/** Runs on every request, so it is one plain SQL statement (see db/sql.ts for why). */
export function findSession(db: SqlRunner, token: string): Promise<SessionWithAdmin | null> {
  return findSessionByHash(db, hashToken(token));
}

export async function findSessionByHash(
  db: SqlRunner,
  tokenHash: string,
): Promise<SessionWithAdmin | null> {
  const [row] = await queryRows<
    Omit<SessionWithAdmin["admin"], "partner"> & { csrfToken: string; partnerName: string | null }
  >(
    db,
    sql`
    SELECT s."csrfToken", a."id", a."email", a."name", a."role"::text AS "role", a."partnerId", a."customerId", p."name" AS "partnerName"
    FROM "Session" s JOIN "Admin" a ON a."id" = s."adminId" LEFT JOIN "Partner" p ON p."id" = a."partnerId"
    WHERE s."tokenHash" = ${tokenHash} AND s."expiresAt" > now() AND a."status" = 'active'`,
  );
  if (!row) return null;
  const { csrfToken, partnerName, ...admin } = row;
  return {
    csrfToken,
    admin: { ...admin, partner: partnerName === null ? null : { name: partnerName } },
  };
}

export async function deleteSession(prisma: PrismaClient, token: string) {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
