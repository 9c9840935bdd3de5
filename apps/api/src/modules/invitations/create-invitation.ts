import type { AdminTokenPurpose } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { linkUrl, newOneTimeToken, TOKEN_TTL_MS } from "./one-time-token.ts";

export interface IssueInvitationInput {
  adminId: string;
  purpose: AdminTokenPurpose;
  /** The administrator who asked for it; null for the command line and self-service resets. */
  createdBy: string | null;
  /** PUBLIC_URL, or the origin of the request that issued it. */
  baseUrl: string;
}

export interface IssuedInvitation {
  url: string;
  token: string;
  expiresAt: Date;
}

/**
 * Issues a one-time link for an administrator: an invitation (7 days) or a password reset
 * (1 hour). Any earlier unused link of the same purpose is revoked, so inviting again replaces
 * the old link. Takes a transaction so the caller's writes (the admin row, a customer) and the
 * link commit together; the token itself is returned only here, never stored.
 */
export async function issueInvitation(
  tx: Db,
  { adminId, purpose, createdBy, baseUrl }: IssueInvitationInput,
): Promise<IssuedInvitation> {
  const now = new Date();
  const { token, tokenHash } = newOneTimeToken();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[purpose]);
  await tx.adminToken.updateMany({
    where: { adminId, purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  await tx.adminToken.create({
    data: { adminId, purpose, tokenHash, expiresAt, createdById: createdBy },
  });
  return { url: linkUrl(baseUrl, purpose, token), token, expiresAt };
}
