import type { Mailer } from "../../mail/mailer.ts";
import { linkMail, type LinkPurpose } from "../../mail/templates.ts";

export interface LinkRecipient {
  email: string;
  language: string;
  partner: { name: string } | null;
  customer: { name: string } | null;
}

/**
 * E-mails an invitation or reset link in the recipient's language. Callers send it after their
 * transaction commits (a rolled-back invitation must not arrive), and still show the link to
 * the inviter once, for when no mail is configured or it does not arrive.
 */
export async function sendLinkMail(
  mailer: Mailer,
  to: LinkRecipient,
  link: { purpose: LinkPurpose; url: string; expiresAt: Date },
): Promise<void> {
  await mailer.send(
    linkMail({
      to: to.email,
      language: to.language === "sv" ? "sv" : "en",
      purpose: link.purpose,
      url: link.url,
      organisation: to.customer?.name ?? to.partner?.name ?? "",
      expiresAt: link.expiresAt,
    }),
  );
}
