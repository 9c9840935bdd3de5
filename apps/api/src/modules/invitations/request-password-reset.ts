import type { FastifyBaseLogger } from "fastify";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { issueInvitation } from "./create-invitation.ts";
import { sendLinkMail } from "./send-link-mail.ts";

/**
 * Forgot password: e-mails a one-hour reset link to an administrator who is not disabled. The
 * caller answers the same whatever happens here, and the mail is sent after the answer, so
 * neither the answer nor its timing tells whether the email belongs to anyone.
 */
export async function requestPasswordReset(
  prisma: PrismaClient,
  mailer: Mailer | null,
  { email, baseUrl, log }: { email: string; baseUrl: string; log: FastifyBaseLogger },
): Promise<void> {
  if (!mailer) return;
  const admin = await prisma.admin.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true,
      email: true,
      status: true,
      language: true,
      partner: { select: { name: true } },
      customer: { select: { name: true } },
    },
  });
  if (!admin || admin.status === "disabled") return;
  const link = await prisma.$transaction((tx) =>
    issueInvitation(tx, { adminId: admin.id, purpose: "password_reset", createdBy: null, baseUrl }),
  );
  sendLinkMail(mailer, admin, { purpose: "password_reset", ...link }).catch((error: unknown) => {
    log.warn({ err: error }, "password reset e-mail could not be sent");
  });
}
