import { describe, expect, it } from "vitest";
import {
  hashOneTimeToken,
  isWellFormedToken,
  linkUrl,
  newOneTimeToken,
  TOKEN_TTL_MS,
  tokenState,
} from "./one-time-token.ts";

describe("one-time tokens", () => {
  it("issues 32 random bytes as 43 base64url characters, stored only as their SHA-256", () => {
    const a = newOneTimeToken();
    const b = newOneTimeToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashOneTimeToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).not.toContain(a.token);
  });

  it("tells well-formed tokens from wrong lengths and alphabets", () => {
    expect(isWellFormedToken(newOneTimeToken().token)).toBe(true);
    for (const bad of [
      "",
      "A".repeat(42),
      "A".repeat(44),
      `${"A".repeat(42)}=`,
      `${"A".repeat(42)}+`,
      `${"A".repeat(42)}/`,
      `${"A".repeat(42)}é`,
    ])
      expect(isWellFormedToken(bad), bad).toBe(false);
  });

  it("says why a token no longer works: used, then revoked, then expired", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const later = new Date(now.getTime() + TOKEN_TTL_MS.invitation);
    const earlier = new Date(now.getTime() - 1);
    expect(tokenState({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("valid");
    expect(tokenState({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenState({ usedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe(
      "revoked",
    );
    expect(tokenState({ usedAt: earlier, revokedAt: earlier, expiresAt: earlier }, now)).toBe(
      "used",
    );
  });

  it("lasts 7 days as an invitation and 1 hour as a password reset", () => {
    expect(TOKEN_TTL_MS.invitation).toBe(7 * 24 * 3600 * 1000);
    expect(TOKEN_TTL_MS.password_reset).toBe(3600 * 1000);
  });

  it("builds links to the web app's pages", () => {
    expect(linkUrl("https://hub.example/", "invitation", "T")).toBe(
      "https://hub.example/invitations/T",
    );
    expect(linkUrl("https://hub.example", "password_reset", "T")).toBe(
      "https://hub.example/password-resets/T",
    );
  });
});
