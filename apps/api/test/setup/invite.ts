import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { DUMMY_HASH } from "../../src/modules/auth/password.ts";
import { issueInvitation } from "../../src/modules/invitations/create-invitation.ts";

export const BASE_URL = "http://hub.test";

/**
 * An invited administrator and their link, as the Administrators pages will create them
 * (spec §12): status invited, no usable password.
 */
export async function inviteAdmin(
  prisma: PrismaClient,
  {
    email,
    role = "partner_admin",
    partnerId = null,
    customerId = null,
    language = "en",
  }: {
    email: string;
    role?:
      "partner_full_admin" | "partner_admin" | "partner_readonly_admin" | "customer_full_admin";
    partnerId?: string | null;
    customerId?: string | null;
    language?: "en" | "sv";
  },
) {
  return prisma.$transaction(async (tx) => {
    const admin = await tx.admin.create({
      data: {
        email,
        name: email.split("@")[0]!,
        role,
        partnerId,
        customerId,
        language,
        status: "invited",
        passwordHash: DUMMY_HASH,
      },
    });
    const link = await issueInvitation(tx, {
      adminId: admin.id,
      purpose: "invitation",
      createdBy: null,
      baseUrl: BASE_URL,
    });
    return { admin, ...link };
  });
}

export function reinvite(prisma: PrismaClient, adminId: string) {
  return prisma.$transaction((tx) =>
    issueInvitation(tx, { adminId, purpose: "invitation", createdBy: null, baseUrl: BASE_URL }),
  );
}

export const GOOD_PASSWORD = "Brave-Otter-Lamp-42";
