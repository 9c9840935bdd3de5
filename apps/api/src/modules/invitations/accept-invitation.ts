import type { Invitation } from "@partner-hub/shared";
import type { AdminTokenPurpose, PrismaClient } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { AppError } from "../../http/app-error.ts";
import { assertAcceptablePassword } from "../account/check-new-password.ts";
import { hashPassword } from "../auth/password.ts";
import { recordAdminAudit } from "../audit/record-admin-audit.ts";
import {
  hashOneTimeToken,
  isWellFormedToken,
  tokenState,
  type TokenState,
} from "./one-time-token.ts";

const REFUSALS: Record<Exclude<TokenState, "valid">, () => AppError> = {
  used: () =>
    new AppError(
      "invitation_used",
      "This link has already been used. Sign in, or ask for a new link.",
    ),
  revoked: () =>
    new AppError(
      "invitation_revoked",
      "This link was replaced by a newer one or withdrawn. Use the newest link you were sent, or ask for a new one.",
    ),
  expired: () => new AppError("invitation_expired", "This link has expired. Ask for a new one."),
};
const notFound = () =>
  new AppError("invitation_not_found", "This link is not valid. Check that it was copied whole.");

async function findLink(db: Db, token: string, purpose: AdminTokenPurpose) {
  // A malformed token is never looked up, and answers exactly what an unknown one does.
  if (!isWellFormedToken(token)) throw notFound();
  const link = await db.adminToken.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    include: {
      admin: {
        select: {
          id: true,
          email: true,
          status: true,
          partnerId: true,
          customerId: true,
          partner: { select: { name: true } },
          customer: { select: { name: true } },
        },
      },
    },
  });
  // A reset link opened as an invitation (or the reverse) is not found either.
  if (!link || link.purpose !== purpose) throw notFound();
  const state = link.admin.status === "disabled" ? "revoked" : tokenState(link);
  if (state !== "valid") throw REFUSALS[state]();
  return link;
}

/** What a valid link shows: whose it is and for which organisation. Refusals reveal neither. */
export async function readInvitation(
  db: Db,
  token: string,
  purpose: AdminTokenPurpose,
): Promise<Invitation> {
  const link = await findLink(db, token, purpose);
  return {
    email: link.admin.email,
    organisation: link.admin.customer?.name ?? link.admin.partner?.name ?? "",
    expiresAt: link.expiresAt.toISOString(),
  };
}

/**
 * Uses a link: sets the password the policy accepts, activates the administrator, ends their
 * other sessions and voids their other open links — all or nothing. The link is claimed with a
 * conditional update, so two tabs accepting at once cannot both succeed. Returns the admin's id
 * for the caller to sign them in.
 */
export async function acceptInvitation(
  prisma: PrismaClient,
  token: string,
  purpose: AdminTokenPurpose,
  password: string,
): Promise<{ adminId: string }> {
  const link = await findLink(prisma, token, purpose);
  assertAcceptablePassword(password, link.admin.email, "password");
  // scrypt takes ~100 ms and 32 MiB: done before the transaction so it holds no locks meanwhile.
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.adminToken.updateMany({
      where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      await findLink(tx, token, purpose); // throws why the link no longer works
      throw notFound();
    }
    await tx.admin.update({
      where: { id: link.admin.id },
      data: { passwordHash, status: "active", lastSignInAt: now },
    });
    await tx.adminToken.updateMany({
      where: { adminId: link.admin.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.session.deleteMany({ where: { adminId: link.admin.id } });
    await recordAdminAudit(tx, {
      actor: { id: link.admin.id, email: link.admin.email },
      admin: link.admin,
      action: purpose === "invitation" ? "admin.accepted" : "admin.password_reset",
    });
    return { adminId: link.admin.id };
  });
}
