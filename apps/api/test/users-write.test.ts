import { beforeAll, describe, expect, it } from "vitest";
import { client, useTestApp } from "./setup/test-app.ts";

describe("manual add, package change and the audit log", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 12, usersOfOthers: [2, 3] });
  let customerId: string;
  let locationId: string;
  const admin = () => client(ctx.app, ctx.sessions.customerAdmin);
  const usersUrl = () => `/api/v1/customers/${customerId}/users`;
  const countUsers = () => ctx.database.db.prisma.user.count({ where: { customerId } });
  let seq = 0;
  const newUser = (over: Record<string, unknown> = {}) => ({
    email: `new.user${++seq}@customer.example`,
    firstName: "Åsa",
    lastName: "Öberg-Ström",
    package: "webex_meetings",
    preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
    ...over,
  });

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
    locationId = (
      await ctx.database.db.prisma.location.findFirstOrThrow({
        where: { customerId },
        orderBy: { name: "asc" },
      })
    ).id;
  });

  it("adds users in one go, normalising numbers and warning about a missing Webex site", async () => {
    const before = await countUsers();
    const res = await admin().post(usersUrl(), {
      users: [
        newUser({
          package: "webex_calling",
          phoneNumber: "+46 8 123 456 78",
          extension: "0042",
          locationId,
          preferredWebexSite: "",
        }),
        newUser({ preferredWebexSite: null }),
        newUser({ package: "webex_suite", extension: "0043", locationId }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.items).toHaveLength(3);
    expect(body.items[0]).toMatchObject({
      phoneNumber: "+46812345678",
      extension: "0042",
      locationId,
      firstName: "Åsa",
      version: 1,
    });
    expect(body.warnings).toEqual([
      expect.objectContaining({
        code: "webex_site_missing",
        row: 2,
        field: "users.1.preferredWebexSite",
        severity: "warning",
      }),
    ]);
    expect(await countUsers()).toBe(before + 3);
    const customer = (await admin().get(`/api/v1/customers/${customerId}`)).json();
    expect(customer.userCount).toBe(before + 3);
    const audit = (
      await admin().get(`/api/v1/customers/${customerId}/audit?source=manual_add`)
    ).json();
    expect(audit.total).toBe(3);
    expect(audit.items[0]).toMatchObject({
      action: "user.created",
      actorEmail: "admin@customer.example",
      before: null,
    });
  });

  it("refuses a 26th user with a message that says why, and adds nothing", async () => {
    const before = await countUsers();
    const res = await admin().post(usersUrl(), {
      users: Array.from({ length: 26 }, () => newUser()),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: "users",
      message: expect.stringMatching(/At most 25 users.*26/),
    });
    expect(await countUsers()).toBe(before);
  });

  it("reports every bad row with its field and adds none of the good ones", async () => {
    const before = await countUsers();
    const existing = await ctx.database.db.prisma.user.findFirstOrThrow({
      where: { customerId, phoneNumber: { not: null } },
    });
    const someoneElse = await ctx.database.db.prisma.user.findFirstOrThrow({
      where: { customerId, id: { not: existing.id } },
    });
    const res = await admin().post(usersUrl(), {
      users: [
        newUser(),
        newUser({ email: "twice@customer.example" }),
        newUser({ email: "TWICE@customer.example" }),
        newUser({ email: someoneElse.email.toUpperCase() }),
        newUser({ package: "webex_calling", locationId }),
        newUser({ package: "webex_calling", phoneNumber: existing.phoneNumber, locationId }),
        newUser({
          package: "webex_calling",
          extension: "77",
          locationId: "7d9f0c0e-0000-4000-8000-000000000000",
        }),
        newUser({ email: "not-an-email" }),
      ],
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as {
      field: string;
      code: string;
      message: string;
      row?: number;
    }[];
    const at = (field: string) => errors.filter((e) => e.field === field).map((e) => e.code);
    expect(at("users.7.email")).toContain("invalid_format");
    // Row validation by the schema stops before the database checks; fix the email and retry.
    const fixed = await admin().post(usersUrl(), {
      users: [
        newUser(),
        newUser({ email: "twice@customer.example" }),
        newUser({ email: "TWICE@customer.example" }),
        newUser({ email: someoneElse.email.toUpperCase() }),
        newUser({ package: "webex_calling", locationId }),
        newUser({ package: "webex_calling", phoneNumber: existing.phoneNumber, locationId }),
        newUser({
          package: "webex_calling",
          extension: "77",
          locationId: "7d9f0c0e-0000-4000-8000-000000000000",
        }),
      ],
    });
    expect(fixed.statusCode).toBe(400);
    const body = fixed.json();
    expect(body.detail).toMatch(/6 of 7 users have errors; nothing was added/);
    const e = body.errors as typeof errors;
    const codes = (field: string) => e.filter((x) => x.field === field).map((x) => x.code);
    expect(codes("users.1.email")).toEqual(["email_duplicate"]);
    expect(codes("users.2.email")).toEqual(["email_duplicate"]);
    expect(codes("users.3.email")).toEqual(["email_exists"]);
    expect(e.find((x) => x.field === "users.3.email")!.message).toMatch(
      /already belongs to a user of this customer/,
    );
    expect(codes("users.4.phoneNumber")).toEqual(["calling_number_required"]);
    expect(codes("users.5.phoneNumber")).toEqual(["phone_taken"]);
    expect(codes("users.6.locationId")).toEqual(["location_unknown"]);
    expect(e.every((x) => typeof x.row === "number")).toBe(true);
    expect(await countUsers()).toBe(before);
  });

  it("counts the quota over the whole request, at exactly the limit", async () => {
    const { prisma } = ctx.database.db;
    const assigned = await prisma.user.count({ where: { customerId, package: "webex_voice" } });
    await prisma.customerPackageQuota.update({
      where: { customerId_package: { customerId, package: "webex_voice" } },
      data: { maxUsers: assigned + 2 },
    });
    const voice = () =>
      newUser({ package: "webex_voice", extension: String(5000 + seq), locationId });
    const over = await admin().post(usersUrl(), { users: [voice(), voice(), voice()] });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([
      expect.objectContaining({ code: "quota_exceeded", row: 3 }),
    ]);
    const exact = await admin().post(usersUrl(), { users: [voice(), voice()] });
    expect(exact.statusCode, exact.body).toBe(201);
  });

  it("never lets two concurrent adds together exceed a quota", async () => {
    const { prisma } = ctx.database.db;
    const assigned = await prisma.user.count({ where: { customerId, package: "cx_essentials" } });
    await prisma.customerPackageQuota.update({
      where: { customerId_package: { customerId, package: "cx_essentials" } },
      data: { maxUsers: assigned + 3 },
    });
    const cx = () =>
      newUser({ package: "cx_essentials", extension: String(6000 + seq), locationId });
    const results = await Promise.all([
      admin().post(usersUrl(), { users: [cx(), cx()] }),
      admin().post(usersUrl(), { users: [cx(), cx()] }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(await prisma.user.count({ where: { customerId, package: "cx_essentials" } })).toBe(
      assigned + 2,
    );
  });

  it("the read-only partner may look but not add", async () => {
    const res = await client(ctx.app, ctx.sessions.partnerReadonly).post(usersUrl(), {
      users: [newUser()],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("forbidden");
  });

  describe("change package", () => {
    let user: { id: string; version: number; email: string };
    const url = () => `${usersUrl()}/${user.id}/package`;
    beforeAll(async () => {
      const created = await admin().post(usersUrl(), {
        users: [newUser({ email: "meetings.only@customer.example" })],
      });
      user = created.json().items[0];
    });

    it("asks for calling details when moving to a calling package", async () => {
      const res = await admin().put(
        url(),
        { package: "webex_suite" },
        { "if-match": `"${user.version}"` },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: "phoneNumber", code: "calling_number_required" }),
        // The customer has several locations, so none is chosen for the admin.
        expect.objectContaining({ field: "locationId", code: "location_required" }),
      ]);
      expect((await admin().get(`${usersUrl()}/${user.id}`)).json().package).toBe("webex_meetings");
    });

    it("needs the version it changes", async () => {
      const res = await admin().put(url(), {
        package: "webex_suite",
        phoneNumber: "+46 8 555 000 11",
        locationId,
      });
      expect(res.statusCode).toBe(428);
    });

    it("changes Webex Meetings to Webex Suite with a number, and records it", async () => {
      const res = await admin().put(
        url(),
        { package: "webex_suite", phoneNumber: "+46 8 555 000 11", locationId },
        { "if-match": `"${user.version}"` },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        package: "webex_suite",
        phoneNumber: "+46855500011",
        locationId,
        version: user.version + 1,
      });
      expect(res.headers.etag).toBe(`"${user.version + 1}"`);
      const audit = (
        await admin().get(
          `/api/v1/customers/${customerId}/audit?userId=${user.id}&source=package_change`,
        )
      ).json();
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({
        action: "user.package_changed",
        before: expect.objectContaining({ package: "webex_meetings", phoneNumber: null }),
        after: expect.objectContaining({ package: "webex_suite", phoneNumber: "+46855500011" }),
      });
    });

    it("refuses a stale version with the current user, changing nothing", async () => {
      const res = await admin().put(
        url(),
        { package: "webex_meetings" },
        { "if-match": `"${user.version}"` },
      );
      expect(res.statusCode).toBe(412);
      expect(res.json().current).toMatchObject({
        id: user.id,
        package: "webex_suite",
        version: user.version + 1,
      });
      expect(res.json().detail).toMatch(/changed by someone else/);
    });

    it("lets exactly one of two concurrent changes of one user win", async () => {
      const fresh = (await admin().get(`${usersUrl()}/${user.id}`)).json();
      const results = await Promise.all([
        admin().put(url(), { package: "webex_meetings", version: fresh.version }),
        admin().put(url(), { package: "webex_calling", version: fresh.version }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const after = (await admin().get(`${usersUrl()}/${user.id}`)).json();
      expect(after.version).toBe(fresh.version + 1);
    });

    it("refuses a number another user holds", async () => {
      const fresh = (await admin().get(`${usersUrl()}/${user.id}`)).json();
      const other = await ctx.database.db.prisma.user.findFirstOrThrow({
        where: { customerId, phoneNumber: { not: null }, id: { not: user.id } },
      });
      const target = fresh.package === "webex_calling" ? "webex_voice" : "webex_calling";
      const res = await admin().put(url(), {
        package: target,
        phoneNumber: other.phoneNumber,
        locationId,
        version: fresh.version,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ code: "phone_taken", field: "phoneNumber" });
    });
  });
});

describe("the audit log lists a batch in the order it happened", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 2, usersOfOthers: [1, 1] });
  it("newest first, and within one manual add the last row first", async () => {
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const c = client(ctx.app, ctx.sessions.customerAdmin);
    const emails = Array.from({ length: 8 }, (_, i) => `order${i}@customer.example`);
    const res = await c.post(`/api/v1/customers/${customerId}/users`, {
      users: emails.map((email) => ({
        email,
        firstName: "O",
        lastName: "R",
        package: "webex_meetings",
        preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
      })),
    });
    expect(res.statusCode).toBe(201);
    const audit = (await c.get(`/api/v1/customers/${customerId}/audit?source=manual_add`)).json();
    expect(audit.items.map((e: { userEmail: string }) => e.userEmail)).toEqual(
      [...emails].reverse(),
    );
  });
});
