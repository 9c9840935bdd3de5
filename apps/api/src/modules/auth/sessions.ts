import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.ts";

export const SESSION_COOKIE = "ph_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export async function createSession(prisma: PrismaClient, adminId: string) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await prisma.session.create({ data: { tokenHash: hashToken(token), adminId, csrfToken, expiresAt } });
  return { token, csrfToken, expiresAt };
}

export async function findSession(prisma: PrismaClient, token: string) {
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { admin: { include: { partner: { select: { name: true } } } } },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return session;
}

export async function deleteSession(prisma: PrismaClient, token: string) {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
