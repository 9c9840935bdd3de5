import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { hashToken } from "../auth/sessions.ts";
import { recordAdminAudit } from "../audit/record-admin-audit.ts";
import { assertAcceptablePassword } from "./check-new-password.ts";

/**
 * A signed-in person changes their own password: the current one is required, the new one must
 * pass the policy, and every other session of theirs ends (the one they are using stays).
 */
export async function changePassword(
  prisma: PrismaClient,
  {
    adminId,
    sessionToken,
    currentPassword,
    newPassword,
  }: { adminId: string; sessionToken: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const admin = await prisma.admin.findUniqueOrThrow({
    where: { id: adminId },
    select: { id: true, email: true, passwordHash: true, partnerId: true, customerId: true },
  });
  if (!(await verifyPassword(currentPassword, admin.passwordHash)))
    throw new AppError("validation_failed", "The current password is wrong.", {
      errors: [
        {
          code: "current_password_wrong",
          field: "currentPassword",
          message: "The current password is wrong.",
        },
      ],
    });
  assertAcceptablePassword(newPassword, admin.email, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.admin.update({ where: { id: adminId }, data: { passwordHash } });
    await tx.session.deleteMany({
      where: { adminId, tokenHash: { not: hashToken(sessionToken) } },
    });
    // An outstanding reset link would otherwise undo the change the person just made.
    await tx.adminToken.updateMany({
      where: { adminId, purpose: "password_reset", usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAdminAudit(tx, {
      actor: { id: admin.id, email: admin.email },
      admin,
      action: "admin.password_changed",
    });
  });
}
