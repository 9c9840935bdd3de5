import { createHash, randomBytes } from "node:crypto";
import { TOKEN_PATTERN } from "@partner-hub/shared";
import type { AdminTokenPurpose } from "../../generated/prisma/client.ts";

export const TOKEN_TTL_MS: Record<AdminTokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
};

/** Where each kind of link opens in the web app. */
export const LINK_PATH: Record<AdminTokenPurpose, string> = {
  invitation: "/invitations",
  password_reset: "/password-resets",
};

/** 32 random bytes as base64url (43 characters); only its SHA-256 is stored. */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token that cannot be one of ours: looked up like any other, never found. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export type TokenState = "valid" | "used" | "revoked" | "expired";

/** Why a stored token no longer works, in the order a person would find most telling. */
export function tokenState(
  t: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): TokenState {
  if (t.usedAt) return "used";
  if (t.revokedAt) return "revoked";
  if (t.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

export function linkUrl(baseUrl: string, purpose: AdminTokenPurpose, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${LINK_PATH[purpose]}/${token}`;
}
