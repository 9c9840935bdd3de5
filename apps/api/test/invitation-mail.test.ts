import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { createMailer } from "../src/mail/mailer.ts";
import { seedDemo } from "../src/db/seed-demo.ts";
import { sendLinkMail } from "../src/modules/invitations/send-link-mail.ts";
import { ACCOUNTS, PASSWORD, client, signIn } from "./setup/test-app.ts";
import { GOOD_PASSWORD, inviteAdmin } from "./setup/invite.ts";
import { createTestDatabase, type TestDatabase } from "./setup/test-database.ts";
import { startSmtpInbox } from "./setup/smtp-inbox.ts";

/** The link in a message, from its plain-text part, and the same link in its HTML part. */
function linkIn(text: string, html: string): string {
  const url = /https?:\/\/\S+\/(invitations|password-resets)\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  if (!url) throw new Error(`no link in:\n${text}`);
  expect(html).toContain(`href="${url}"`);
  return url;
}

describe("e-mailed links, through a real SMTP server", () => {
  let database: TestDatabase;
  let app: App;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let mailer: ReturnType<typeof createMailer>;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    database = await createTestDatabase();
    await seedDemo(database.db, PASSWORD, {
      customers: 2,
      usersOfFirstTwo: 1,
      usersOfOthers: [1, 1],
    });
    mailer = createMailer(inbox.url, "Partner Hub <hub@partner-hub.test>");
    app = await buildApp({ db: database.db, mailer, publicUrl: "http://hub.test" });
  });
  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await database?.drop();
    await inbox?.close();
  });

  it("e-mails an invitation in Swedish, in plain text and HTML, whose link accepts it", async () => {
    const partnerId = (await signIn(app, ACCOUNTS.partnerFull)).me.partnerId;
    const invited = await inviteAdmin(database.db.prisma, {
      email: "svensk@partner.example",
      partnerId,
      language: "sv",
    });
    await sendLinkMail(
      mailer,
      {
        email: "svensk@partner.example",
        language: "sv",
        partner: { name: "Nordic Telecom AB" },
        customer: null,
      },
      { purpose: "invitation", url: invited.url, expiresAt: invited.expiresAt },
    );
    const mail = await inbox.next();
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("svensk@partner.example");
    expect(mail.from?.text).toContain("hub@partner-hub.test");
    expect(mail.subject).toBe("Du är inbjuden att administrera Nordic Telecom AB i Partner Hub");
    expect(mail.text).toContain("Välj ditt lösenord");
    expect(mail.html).toContain('lang="sv"');
    const url = linkIn(mail.text ?? "", String(mail.html));
    expect(url).toBe(invited.url);

    const token = url.split("/").pop()!;
    const shown = await client(app).get(`/api/v1/invitations/${token}`);
    expect(shown.json()).toMatchObject({ email: "svensk@partner.example" });
    const accepted = await client(app).post(`/api/v1/invitations/${token}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
    await signIn(app, "svensk@partner.example", GOOD_PASSWORD);
  });

  it("forgot password: e-mails a one-hour reset link in English that sets a new password", async () => {
    const options = await client(app).get("/api/v1/auth/options");
    expect(options.json()).toEqual({ passwordResetByEmail: true });

    const unknown = await client(app).post("/api/v1/auth/password-reset", {
      email: "nobody@nowhere.example",
    });
    const known = await client(app).post("/api/v1/auth/password-reset", {
      email: ACCOUNTS.partnerAdmin.toUpperCase(),
    });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);

    const mail = await inbox.next();
    expect(mail.subject).toBe("Reset your Partner Hub password");
    expect(inbox.pending()).toBe(0); // nothing went to the unknown address
    const url = linkIn(mail.text ?? "", String(mail.html));
    expect(url.startsWith("http://hub.test/password-resets/")).toBe(true);
    const token = url.split("/").pop()!;

    const link = await database.db.prisma.adminToken.findFirstOrThrow({
      where: { purpose: "password_reset" },
    });
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeCloseTo(36e5, -3);

    const before = await signIn(app, ACCOUNTS.partnerAdmin);
    const shown = await client(app).get(`/api/v1/password-resets/${token}`);
    expect(shown.json()).toMatchObject({ email: ACCOUNTS.partnerAdmin });
    const weak = await client(app).post(`/api/v1/password-resets/${token}/accept`, {
      password: "qwertyuiop123",
    });
    expect(weak.statusCode).toBe(400);
    const reset = await client(app).post(`/api/v1/password-resets/${token}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ email: ACCOUNTS.partnerAdmin, role: "partner_admin" });
    // Sessions opened with the old password end; the old password no longer signs in.
    expect((await client(app, before).get("/api/v1/auth/me")).statusCode).toBe(401);
    await signIn(app, ACCOUNTS.partnerAdmin, GOOD_PASSWORD);
    const used = await client(app).get(`/api/v1/password-resets/${token}`);
    expect(used.json().code).toBe("invitation_used");
  });
});
