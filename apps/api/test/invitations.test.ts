import { describe, expect, it } from "vitest";
import { ACCOUNTS, PASSWORD, client, signIn, useTestApp } from "./setup/test-app.ts";
import { GOOD_PASSWORD, inviteAdmin, reinvite } from "./setup/invite.ts";

const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });

describe("invitations", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 3, usersOfOthers: [1, 2] });
  const partnerId = () => ctx.sessions.partnerFull.me.partnerId!;

  it("shows a valid invitation, refuses a weak password, then accepts and signs the person in", async () => {
    const invited = await inviteAdmin(ctx.database.db.prisma, {
      email: "new.admin@partner.example",
      partnerId: partnerId(),
    });
    expect(invited.url).toBe(`http://hub.test/invitations/${invited.token}`);
    expect(invited.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await ctx.database.db.prisma.adminToken.findFirstOrThrow({
      where: { adminId: invited.admin.id },
    });
    expect(stored.tokenHash).not.toContain(invited.token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeCloseTo(7 * 864e5, -4);

    const shown = await client(ctx.app).get(`/api/v1/invitations/${invited.token}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      email: "new.admin@partner.example",
      organisation: "Nordic Telecom AB",
      expiresAt: invited.expiresAt.toISOString(),
    });

    // Not yet a usable account.
    const early = await client(ctx.app).post("/api/v1/auth/login", {
      email: "new.admin@partner.example",
      password: GOOD_PASSWORD,
    });
    expect(early.statusCode).toBe(401);

    const accept = (password: string) =>
      client(ctx.app).post(`/api/v1/invitations/${invited.token}/accept`, { password });
    const short = await accept("short-1");
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: "validation_failed",
      errors: [
        {
          code: "password_too_short",
          field: "password",
          params: { minLength: 12, length: 7 },
          message: "Use at least 12 characters (this one has 7).",
        },
      ],
    });
    const reason = async (password: string) => (await accept(password)).json().errors[0].code;
    expect(await reason("password1234")).toBe("password_too_common");
    expect(await reason("aaaaaaaaaaaaaaaa")).toBe("password_too_weak");
    const named = await accept("New.Admin-Otter-Lamp-42");
    expect(named.statusCode).toBe(400);
    expect(named.json().errors[0].code).toBe("password_contains_email");

    const ok = await accept(GOOD_PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      email: "new.admin@partner.example",
      role: "partner_admin",
      partnerName: "Nordic Telecom AB",
    });
    const cookie = ok.cookies.find((c) => c.name === "ph_session")!;
    expect(cookie.httpOnly).toBe(true);
    const me = await ctx.app.inject({
      url: "/api/v1/auth/me",
      headers: { cookie: `ph_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({ email: "new.admin@partner.example" });
    const admin = await ctx.database.db.prisma.admin.findUniqueOrThrow({
      where: { id: invited.admin.id },
    });
    expect(admin.status).toBe("active");
    expect(admin.lastSignInAt).not.toBeNull();

    // The password works for signing in; the link does not work twice and shows nothing.
    await signIn(ctx.app, "new.admin@partner.example", GOOD_PASSWORD);
    const again = await accept("Another-Good-Passphrase-99");
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe("invitation_used");
    const reread = await client(ctx.app).get(`/api/v1/invitations/${invited.token}`);
    expect(reread.statusCode).toBe(410);
    expect(reread.json().code).toBe("invitation_used");
    expect(reread.body).not.toContain("new.admin");
    expect(reread.body).not.toContain("Nordic");
  });

  it("answers a malformed token exactly like an unknown one", async () => {
    const unknown = "A".repeat(43);
    const answers = await Promise.all(
      [unknown, "short", "A".repeat(44), `${"A".repeat(42)}*`, "x".repeat(300), "%E2%9C%93"].map(
        (t) => client(ctx.app).get(`/api/v1/invitations/${t}`),
      ),
    );
    for (const a of answers) {
      expect(a.statusCode).toBe(404);
      expect(a.headers["content-type"]).toContain("application/problem+json");
      expect(strip(a.json())).toEqual(strip(answers[0]!.json()));
    }
    expect(answers[0]!.json().code).toBe("invitation_not_found");
    const post = await client(ctx.app).post("/api/v1/invitations/short/accept", {
      password: GOOD_PASSWORD,
    });
    expect(post.statusCode).toBe(404);
    expect(post.json().code).toBe("invitation_not_found");
  });

  it("says when a link expired or was replaced by a newer invitation", async () => {
    const { prisma } = ctx.database.db;
    const first = await inviteAdmin(prisma, {
      email: "twice@partner.example",
      partnerId: partnerId(),
      role: "partner_readonly_admin",
    });
    const second = await reinvite(prisma, first.admin.id);
    const revoked = await client(ctx.app).get(`/api/v1/invitations/${first.token}`);
    expect(revoked.statusCode).toBe(410);
    expect(revoked.json().code).toBe("invitation_revoked");
    expect(revoked.body).not.toContain("twice@");
    expect(
      (
        await client(ctx.app).post(`/api/v1/invitations/${first.token}/accept`, {
          password: GOOD_PASSWORD,
        })
      ).json().code,
    ).toBe("invitation_revoked");

    await prisma.adminToken.updateMany({
      where: { adminId: first.admin.id, usedAt: null, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await client(ctx.app).get(`/api/v1/invitations/${second.token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe("invitation_expired");
    expect(expired.body).not.toContain("twice@");
  });

  it("invites a customer administrator into their organisation's Control Hub", async () => {
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const invited = await inviteAdmin(ctx.database.db.prisma, {
      email: "second@customer.example",
      role: "customer_full_admin",
      customerId,
    });
    const shown = await client(ctx.app).get(`/api/v1/invitations/${invited.token}`);
    expect(shown.json().organisation).toBe("Fjällbacka Fastigheter AB");
    const ok = await client(ctx.app).post(`/api/v1/invitations/${invited.token}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(ok.json()).toMatchObject({ role: "customer_full_admin", customerId });
  });

  it("keeps invitation and reset links apart", async () => {
    const invited = await inviteAdmin(ctx.database.db.prisma, {
      email: "apart@partner.example",
      partnerId: partnerId(),
    });
    const res = await client(ctx.app).get(`/api/v1/password-resets/${invited.token}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("invitation_not_found");
  });
});

describe("own password", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 2, usersOfOthers: [1, 1] });

  it("changes the password with the current one, ending the other sessions only", async () => {
    const email = ACCOUNTS.partnerReadonly; // read-only people may still change their own password
    const other = await signIn(ctx.app, email);
    const current = ctx.sessions.partnerReadonly;

    const wrong = await client(ctx.app, current).post("/api/v1/auth/password", {
      currentPassword: "not-my-password",
      newPassword: GOOD_PASSWORD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: "validation_failed",
      errors: [{ code: "current_password_wrong", field: "currentPassword" }],
    });
    const weak = await client(ctx.app, current).post("/api/v1/auth/password", {
      currentPassword: PASSWORD,
      newPassword: "readonly-1234567",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: "validation_failed",
      errors: [
        {
          code: "password_contains_email",
          field: "newPassword",
          params: { localPart: "readonly" },
        },
      ],
    });

    const ok = await client(ctx.app, current).post("/api/v1/auth/password", {
      currentPassword: PASSWORD,
      newPassword: GOOD_PASSWORD,
    });
    expect(ok.statusCode).toBe(204);
    expect((await client(ctx.app, current).get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await client(ctx.app, other).get("/api/v1/auth/me")).statusCode).toBe(401);
    await signIn(ctx.app, email, GOOD_PASSWORD);
    const old = await client(ctx.app).post("/api/v1/auth/login", { email, password: PASSWORD });
    expect(old.statusCode).toBe(401);
  });

  it("needs a session", async () => {
    const res = await client(ctx.app).post("/api/v1/auth/password", {
      currentPassword: PASSWORD,
      newPassword: GOOD_PASSWORD,
    });
    expect(res.statusCode).toBe(401);
  });

  it("without SMTP: says reset by e-mail is off and answers a reset request the same for anyone", async () => {
    const options = await client(ctx.app).get("/api/v1/auth/options");
    expect(options.json()).toEqual({ passwordResetByEmail: false });
    const known = await client(ctx.app).post("/api/v1/auth/password-reset", {
      email: ACCOUNTS.partnerFull,
    });
    const unknown = await client(ctx.app).post("/api/v1/auth/password-reset", {
      email: "nobody@nowhere.example",
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(await ctx.database.db.prisma.adminToken.count()).toBe(0);
  });
});
