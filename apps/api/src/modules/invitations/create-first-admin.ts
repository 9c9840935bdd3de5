import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { DUMMY_HASH } from "../auth/password.ts";
import { issueInvitation, type IssuedInvitation } from "./create-invitation.ts";

/** Why `admin:create` did nothing; its message is printed as it is. */
export class FirstAdminRefused extends Error {}

export interface FirstAdminInput {
  partnerName: string;
  email: string;
  name?: string;
  language?: "en" | "sv";
  baseUrl: string;
}

export interface FirstAdmin {
  partnerId: string;
  partnerCreated: boolean;
  adminId: string;
  invitation: IssuedInvitation;
}

/**
 * Creates a partner (or takes the one of that name that has no full administrator yet), its
 * first partner full administrator (invited, with no usable password) and their invitation, in
 * one transaction. Refuses when that partner already has a full administrator or the email is
 * taken: the first administrator is created once, everyone else is invited in the app.
 */
export async function createFirstAdmin(
  prisma: PrismaClient,
  input: FirstAdminInput,
): Promise<FirstAdmin> {
  const partnerName = input.partnerName.trim();
  if (!partnerName) throw new FirstAdminRefused('Name the partner: --partner "<partner name>".');
  const email = input.email.trim().toLowerCase();
  if (!z.email().safeParse(email).success)
    throw new FirstAdminRefused(`"${input.email}" is not an email address.`);
  const name = input.name?.trim() || email.slice(0, email.indexOf("@"));

  return prisma.$transaction(async (tx) => {
    const existing = await tx.partner.findFirst({
      where: { name: { equals: partnerName, mode: "insensitive" } },
      include: {
        admins: { where: { role: "partner_full_admin" }, select: { email: true }, take: 1 },
      },
    });
    const [fullAdmin] = existing?.admins ?? [];
    if (existing && fullAdmin)
      throw new FirstAdminRefused(
        `Partner "${existing.name}" already has a full administrator (${fullAdmin.email}). Nothing was changed: ask them to invite further administrators in Partner Hub.`,
      );
    if (await tx.admin.findUnique({ where: { email }, select: { id: true } }))
      throw new FirstAdminRefused(
        `${email} is already an administrator. Nothing was changed: choose another email.`,
      );
    const partner = existing ?? (await tx.partner.create({ data: { name: partnerName } }));
    const admin = await tx.admin.create({
      data: {
        email,
        name,
        role: "partner_full_admin",
        partnerId: partner.id,
        status: "invited",
        language: input.language ?? "en",
        // Nobody's password matches it; the invitation sets the real one.
        passwordHash: DUMMY_HASH,
      },
    });
    const invitation = await issueInvitation(tx, {
      adminId: admin.id,
      purpose: "invitation",
      createdBy: null,
      baseUrl: input.baseUrl,
    });
    return { partnerId: partner.id, partnerCreated: !existing, adminId: admin.id, invitation };
  });
}
