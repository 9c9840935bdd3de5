import { describe, expect, it } from "vitest";
import { linkMail } from "./templates.ts";

const base = {
  to: "anna@kund.example",
  url: "https://hub.example/invitations/abc",
  organisation: "Kund & <Co> AB",
  expiresAt: new Date("2026-12-07T09:30:00Z"),
} as const;

describe("link e-mails", () => {
  it("are written in the recipient's language, in plain text and HTML", () => {
    const en = linkMail({ ...base, language: "en", purpose: "invitation" });
    const sv = linkMail({ ...base, language: "sv", purpose: "invitation" });
    expect(en.subject).toBe("You are invited to administer Kund & <Co> AB in Partner Hub");
    expect(sv.subject).toBe("Du är inbjuden att administrera Kund & <Co> AB i Partner Hub");
    expect(en.text).toContain("Accept the invitation: https://hub.example/invitations/abc");
    expect(en.text).toContain("expires on 7 December 2026 at 09:30 UTC");
    expect(sv.text).toContain("går ut 7 december 2026");
    expect(sv.html).toContain('lang="sv"');
  });

  it("escape names in the HTML part", () => {
    const mail = linkMail({ ...base, language: "en", purpose: "invitation" });
    expect(mail.html).toContain("Kund &amp; &lt;Co&gt; AB");
    expect(mail.html).not.toContain("<Co>");
    expect(mail.html).toContain('href="https://hub.example/invitations/abc"');
  });

  it("say what a reset link is for", () => {
    const mail = linkMail({ ...base, language: "en", purpose: "password_reset" });
    expect(mail.subject).toBe("Reset your Partner Hub password");
    expect(mail.text).toContain("your password stays as it is");
  });
});
