import type { MailMessage } from "./mailer.ts";

export type MailLanguage = "en" | "sv";
export type LinkPurpose = "invitation" | "password_reset";

export interface LinkMail {
  to: string;
  language: MailLanguage;
  purpose: LinkPurpose;
  url: string;
  /** The partner's or customer's name. */
  organisation: string;
  expiresAt: Date;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function formatDate(date: Date, language: MailLanguage) {
  const formatted = new Intl.DateTimeFormat(language === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date);
  return `${formatted} UTC`;
}

interface Copy {
  subject: string;
  greeting: string;
  lead: string;
  action: string;
  expiry: string;
  ignore: string;
}

const COPY: Record<LinkPurpose, Record<MailLanguage, (m: LinkMail, until: string) => Copy>> = {
  invitation: {
    en: (m, until) => ({
      subject: `You are invited to administer ${m.organisation} in Partner Hub`,
      greeting: "Hello,",
      lead: `You have been invited to administer ${m.organisation} in Partner Hub. Choose your password to sign in for the first time.`,
      action: "Accept the invitation",
      expiry: `The link works once and expires on ${until}.`,
      ignore: "If you did not expect this invitation, you can ignore this e-mail.",
    }),
    sv: (m, until) => ({
      subject: `Du är inbjuden att administrera ${m.organisation} i Partner Hub`,
      greeting: "Hej!",
      lead: `Du har bjudits in att administrera ${m.organisation} i Partner Hub. Välj ditt lösenord för att logga in första gången.`,
      action: "Anta inbjudan",
      expiry: `Länken fungerar en gång och går ut ${until}.`,
      ignore: "Om du inte väntade dig den här inbjudan kan du bortse från e-postmeddelandet.",
    }),
  },
  password_reset: {
    en: (_m, until) => ({
      subject: "Reset your Partner Hub password",
      greeting: "Hello,",
      lead: "Someone asked to reset the password of your Partner Hub account. Choose a new password with this link.",
      action: "Choose a new password",
      expiry: `The link works once and expires on ${until}.`,
      ignore: "If you did not ask for this, ignore this e-mail: your password stays as it is.",
    }),
    sv: (_m, until) => ({
      subject: "Återställ ditt lösenord till Partner Hub",
      greeting: "Hej!",
      lead: "Någon har bett om att återställa lösenordet till ditt konto i Partner Hub. Välj ett nytt lösenord med den här länken.",
      action: "Välj ett nytt lösenord",
      expiry: `Länken fungerar en gång och går ut ${until}.`,
      ignore:
        "Om du inte bad om detta kan du bortse från meddelandet: ditt lösenord förblir oförändrat.",
    }),
  },
};

/** The invitation or reset e-mail in the recipient's language, as plain text and HTML. */
export function linkMail(m: LinkMail): MailMessage {
  const c = COPY[m.purpose][m.language](m, formatDate(m.expiresAt, m.language));
  const text = [
    c.greeting,
    "",
    c.lead,
    "",
    `${c.action}: ${m.url}`,
    "",
    c.expiry,
    c.ignore,
    "",
  ].join("\n");
  const html = `<!doctype html>
<html lang="${m.language}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2328">
<p>${escapeHtml(c.greeting)}</p>
<p>${escapeHtml(c.lead)}</p>
<p><a href="${escapeHtml(m.url)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(c.action)}</a></p>
<p style="font-size:14px">${escapeHtml(m.url)}</p>
<p style="font-size:14px;color:#57606a">${escapeHtml(c.expiry)} ${escapeHtml(c.ignore)}</p>
</body></html>`;
  return { to: m.to, subject: c.subject, text, html };
}
