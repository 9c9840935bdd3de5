import { beforeAll, describe, expect, it } from "vitest";
import { client, useTestApp } from "./setup/test-app.ts";

/** Spec §13: edit one user, remove one user, and act on many — each refusal changes nothing. */
describe("edit, remove and bulk actions on users", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 12, usersOfOthers: [2, 3] });
  let customerId: string;
  let otherCustomerId: string;
  let locations: { id: string; name: string }[];
  const admin = () => client(ctx.app, ctx.sessions.customerAdmin);
  const userUrl = (id: string) => `/api/v1/customers/${customerId}/users/${id}`;
  const bulkUrl = () => `/api/v1/customers/${customerId}/users/bulk`;
  const prisma = () => ctx.database.db.prisma;
  const patch = (
    id: string,
    body: unknown,
    ifMatch?: string,
    session = ctx.sessions.customerAdmin,
  ) =>
    client(ctx.app, session).raw({
      method: "PATCH",
      url: userUrl(id),
      payload: body as object,
      headers: ifMatch ? { "if-match": ifMatch } : {},
    });
  const remove = (id: string, ifMatch?: string) =>
    admin().raw({
      method: "DELETE",
      url: userUrl(id),
      headers: ifMatch ? { "if-match": ifMatch } : {},
    });
  let seq = 0;
  /** A fresh user of the customer, so tests do not depend on each other. */
  const makeUser = async (over: Record<string, unknown> = {}) =>
    prisma().user.create({
      data: {
        customerId,
        email: `edit${++seq}@customer.example`,
        emailLower: `edit${seq}@customer.example`,
        firstName: "Åsa",
        lastName: "Öberg",
        displayName: "Åsa Öberg",
        package: "webex_calling",
        extension: String(7000 + seq),
        locationId: locations[0]!.id,
        ...over,
      },
    });
  const snapshot = (id: string) => prisma().user.findUnique({ where: { id } });

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
    otherCustomerId = ctx.sessions.otherCustomerAdmin.me.customerId!;
    locations = await prisma().location.findMany({
      where: { customerId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    expect(locations.length).toBeGreaterThanOrEqual(2);
  });

  describe("PATCH a user", () => {
    it("fixes a name with the ETag from GET, answering the user with a new version and ETag", async () => {
      const user = await makeUser();
      const got = await admin().get(userUrl(user.id));
      const res = await patch(user.id, { firstName: "Eva", displayName: "" }, got.headers.etag);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ firstName: "Eva", displayName: "Eva Öberg", version: 2 });
      expect(res.headers.etag).toBe('"2"');
      const audit = (
        await admin().get(
          `/api/v1/customers/${customerId}/audit?userId=${user.id}&source=user_edit`,
        )
      ).json();
      expect(audit.items).toEqual([
        expect.objectContaining({
          action: "user.updated",
          source: "user_edit",
          before: expect.objectContaining({ firstName: "Åsa" }),
          after: expect.objectContaining({ firstName: "Eva" }),
        }),
      ]);
    });

    it("moves a calling user to another location and gives a meetings user a site (version in the body)", async () => {
      const caller = await makeUser();
      const moved = await patch(caller.id, { locationId: locations[1]!.id, version: 1 });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({
        locationId: locations[1]!.id,
        locationName: locations[1]!.name,
      });

      const meetings = await makeUser({
        package: "webex_meetings",
        extension: null,
        locationId: null,
      });
      const warned = await patch(meetings.id, { firstName: "Mona" }, '"1"');
      expect(warned.statusCode).toBe(200);
      expect(warned.json().warnings).toEqual([
        expect.objectContaining({ code: "webex_site_missing", field: "preferredWebexSite" }),
      ]);
      const sited = await patch(
        meetings.id,
        { preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com" },
        '"2"',
      );
      expect(sited.json()).toMatchObject({
        preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
        warnings: [],
      });
    });

    it("sets base licences", async () => {
      const user = await makeUser();
      const res = await patch(
        user.id,
        { baseLicences: ["call_on_webex", "basic_messaging"] },
        '"1"',
      );
      expect(res.json().baseLicences).toEqual(["basic_messaging", "call_on_webex"]);
    });

    it("without a version answers 428; with a stale one 412 and the current user; nothing changes", async () => {
      const user = await makeUser();
      expect((await patch(user.id, { firstName: "X" })).statusCode).toBe(428);
      const stale = await patch(user.id, { firstName: "X" }, '"7"');
      expect(stale.statusCode).toBe(412);
      expect(stale.headers["content-type"]).toContain("application/problem+json");
      expect(stale.json().current).toMatchObject({ id: user.id, firstName: "Åsa", version: 1 });
      expect(await snapshot(user.id)).toEqual(user);
    });

    it.each([
      { name: "an empty first name", body: { firstName: "" }, status: 400, field: "firstName" },
      {
        name: "an extension of one digit",
        body: { extension: "7" },
        status: 400,
        field: "extension",
      },
      {
        name: "an unknown base licence",
        body: { baseLicences: ["free_lunch"] },
        status: 400,
        field: "baseLicences.0",
      },
      {
        name: "the package (its own flow)",
        body: { package: "webex_suite" },
        status: 400,
        field: "package",
      },
      {
        name: "no number left for a calling user",
        body: { extension: null },
        status: 400,
        field: "phoneNumber",
      },
      {
        name: "no location left for a calling user",
        body: { locationId: null },
        status: 400,
        field: "locationId",
      },
    ])("refuses $name, naming the field, and changes nothing", async ({ body, status, field }) => {
      const user = await makeUser();
      const res = await patch(user.id, body, '"1"');
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
      expect(fields).toContain(field);
      expect(await snapshot(user.id)).toEqual(user);
    });

    it("refuses a number taken by another user and a location of another customer", async () => {
      const holder = await makeUser({ phoneNumber: "+46812345670" });
      const user = await makeUser();
      const foreignLocation = await prisma().location.findFirstOrThrow({
        where: { customerId: otherCustomerId },
      });
      const taken = await patch(user.id, { phoneNumber: "+46 8 123 456 70" }, '"1"');
      expect(taken.statusCode).toBe(400);
      expect(taken.json().errors).toEqual([
        expect.objectContaining({
          field: "phoneNumber",
          code: "phone_taken",
          message: expect.stringContaining(holder.email),
        }),
      ]);
      const extension = await patch(user.id, { extension: holder.extension }, '"1"');
      expect(extension.json().errors).toEqual([
        expect.objectContaining({ field: "extension", code: "extension_taken" }),
      ]);
      const foreign = await patch(user.id, { locationId: foreignLocation.id }, '"1"');
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().errors).toEqual([
        expect.objectContaining({ field: "locationId", code: "location_unknown" }),
      ]);
      expect(await snapshot(user.id)).toEqual(user);
    });

    it("two admins editing the same user: one wins, the other gets 412", async () => {
      const user = await makeUser();
      const [a, b] = await Promise.all([
        patch(user.id, { firstName: "Anna" }, '"1"', ctx.sessions.customerAdmin),
        patch(user.id, { firstName: "Bo" }, '"1"', ctx.sessions.partnerFull),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const loser = a.statusCode === 412 ? a : b;
      const winner = a.statusCode === 200 ? a : b;
      expect(loser.json().current).toMatchObject({
        firstName: winner.json().firstName,
        version: 2,
      });
    });

    it("the read-only administrator cannot edit or remove", async () => {
      const user = await makeUser();
      expect(
        (await patch(user.id, { firstName: "X" }, '"1"', ctx.sessions.partnerReadonly)).statusCode,
      ).toBe(403);
      expect(await snapshot(user.id)).toEqual(user);
    });
  });

  describe("DELETE a user", () => {
    it("removes the user, freeing seat, number and extension at once; again answers 404", async () => {
      const user = await makeUser({ phoneNumber: "+46812345671", package: "webex_suite" });
      const count = async () =>
        (await admin().get(`/api/v1/customers/${customerId}`)).json().userCount;
      const before = await count();
      expect((await remove(user.id)).statusCode).toBe(428);
      expect((await remove(user.id, '"5"')).statusCode).toBe(412);
      const res = await remove(user.id, '"1"');
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe("");
      expect(await count()).toBe(before - 1);
      expect((await remove(user.id, '"1"')).statusCode).toBe(404);
      expect((await admin().get(userUrl(user.id))).statusCode).toBe(404);
      // The number and extension are free for someone else straight away.
      const other = await makeUser();
      const reuse = await patch(
        other.id,
        { phoneNumber: "+46812345671", extension: user.extension },
        '"1"',
      );
      expect(reuse.statusCode, reuse.body).toBe(200);
      const audit = (
        await admin().get(
          `/api/v1/customers/${customerId}/audit?userId=${user.id}&source=user_remove`,
        )
      ).json();
      expect(audit.items).toEqual([
        expect.objectContaining({
          action: "user.removed",
          userEmail: user.email,
          before: expect.objectContaining({ package: "webex_suite", phoneNumber: "+46812345671" }),
          after: null,
        }),
      ]);
    });
  });

  describe("bulk actions", () => {
    it("moves calling users to Webex Suite keeping their numbers, one audit event each", async () => {
      const users = await Promise.all([
        makeUser(),
        makeUser(),
        makeUser({ phoneNumber: "+46812345672" }),
      ]);
      const res = await admin().post(bulkUrl(), {
        action: "change_package",
        userIds: users.map((u) => u.id),
        package: "webex_suite",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ changed: 3 });
      for (const u of users) {
        expect(await snapshot(u.id)).toMatchObject({
          package: "webex_suite",
          extension: u.extension,
          phoneNumber: u.phoneNumber,
          version: 2,
        });
      }
      const audit = (
        await admin().get(
          `/api/v1/customers/${customerId}/audit?source=bulk_change_package&max=100`,
        )
      ).json();
      expect(
        audit.items.filter((e: { userId: string }) => users.some((u) => u.id === e.userId)),
      ).toHaveLength(3);
      expect(audit.items[0]).toMatchObject({
        action: "user.package_changed",
        before: expect.objectContaining({ package: "webex_calling" }),
        after: expect.objectContaining({ package: "webex_suite" }),
      });
    });

    it("refuses as a whole, naming each user who cannot take the package as they are", async () => {
      const fine = await makeUser();
      const meetings = await makeUser({
        package: "webex_meetings",
        extension: null,
        locationId: null,
      });
      const res = await admin().post(bulkUrl(), {
        action: "change_package",
        userIds: [fine.id, meetings.id],
        package: "webex_calling_standard",
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe("bulk_not_applicable");
      const errors = res.json().errors as { params: { userId: string; email: string } }[];
      expect(new Set(errors.map((e) => e.params.userId))).toEqual(new Set([meetings.id]));
      expect(errors[0]!.params.email).toBe(meetings.email);
      expect(await snapshot(fine.id)).toEqual(fine);
    });

    it("refuses 1,001 ids, an id of another customer, and a user changed meanwhile — nothing changes", async () => {
      const users = await Promise.all([makeUser(), makeUser()]);
      const ids = users.map((u) => u.id);
      const tooMany = await admin().post(bulkUrl(), {
        action: "remove",
        userIds: Array.from({ length: 1001 }, () => ids[0]),
      });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().errors[0]).toMatchObject({
        field: "userIds",
        message: expect.stringMatching(/1000.*1001/),
      });

      const foreign = await prisma().user.findFirstOrThrow({
        where: { customerId: otherCustomerId },
      });
      const mixed = await admin().post(bulkUrl(), {
        action: "remove",
        userIds: [...ids, foreign.id],
      });
      expect(mixed.statusCode).toBe(409);
      expect(mixed.json().errors).toEqual([
        expect.objectContaining({
          code: "user_not_found",
          field: "userIds.2",
          params: { userId: foreign.id },
        }),
      ]);
      expect(await prisma().user.findUnique({ where: { id: foreign.id } })).not.toBeNull();

      await patch(users[1].id, { firstName: "Changed" }, '"1"');
      const stale = await admin().post(bulkUrl(), {
        action: "remove",
        userIds: ids,
        versions: { [ids[0]!]: 1, [ids[1]!]: 1 },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().errors).toEqual([
        expect.objectContaining({
          code: "user_changed",
          params: expect.objectContaining({ email: users[1].email }),
        }),
      ]);
      expect(await snapshot(users[0].id)).toEqual(users[0]);
    });

    it("removes selected users in one go, with the count freed and one audit event each", async () => {
      const users = await Promise.all([makeUser(), makeUser()]);
      const before = await prisma().customer.findUniqueOrThrow({ where: { id: customerId } });
      const res = await admin().post(bulkUrl(), {
        action: "remove",
        userIds: users.map((u) => u.id),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ changed: 2 });
      const after = await prisma().customer.findUniqueOrThrow({ where: { id: customerId } });
      expect(after.userCount).toBe(before.userCount - 2);
      expect(await prisma().user.count({ where: { id: { in: users.map((u) => u.id) } } })).toBe(0);
      const events = await prisma().auditEvent.findMany({
        where: { source: "bulk_remove", userId: { in: users.map((u) => u.id) } },
      });
      expect(events).toHaveLength(2);
      expect(events.every((e) => e.action === "user.removed" && e.after === null)).toBe(true);
      // Removing them again: they are gone, named, and nothing else happens.
      const again = await admin().post(bulkUrl(), {
        action: "remove",
        userIds: users.map((u) => u.id),
      });
      expect(again.statusCode).toBe(409);
    });

    it("counts quotas over the whole selection: one seat short refuses everyone", async () => {
      const users = await Promise.all([makeUser(), makeUser(), makeUser()]);
      const held = await prisma().user.count({ where: { customerId, package: "webex_voice" } });
      await prisma().customerPackageQuota.update({
        where: { customerId_package: { customerId, package: "webex_voice" } },
        data: { maxUsers: held + 2 },
      });
      const res = await admin().post(bulkUrl(), {
        action: "change_package",
        userIds: users.map((u) => u.id),
        package: "webex_voice",
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        expect.objectContaining({
          code: "quota_exceeded",
          params: expect.objectContaining({ userId: users[2].id }),
        }),
      ]);
      for (const u of users) expect(await snapshot(u.id)).toEqual(u);
    });

    it("changes the package of 1,000 users in one request, and logs how long it took", async () => {
      await prisma().customerPackageQuota.update({
        where: { customerId_package: { customerId, package: "webex_suite" } },
        data: { maxUsers: 5000 },
      });
      const created = await prisma().user.createManyAndReturn({
        data: Array.from({ length: 1000 }, (_, i) => ({
          customerId,
          email: `bulk${i}@customer.example`,
          emailLower: `bulk${i}@customer.example`,
          firstName: "Bulk",
          lastName: String(i),
          displayName: `Bulk ${i}`,
          package: "webex_calling",
          extension: String(100000 + i),
          locationId: locations[i % 2]!.id,
        })),
        select: { id: true },
      });
      const started = performance.now();
      const res = await admin().post(bulkUrl(), {
        action: "change_package",
        userIds: created.map((u) => u.id),
        package: "webex_suite",
      });
      const ms = performance.now() - started;
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ changed: 1000 });
      console.info(
        `bulk change_package of 1,000 users: ${Math.round(ms)} ms (${process.env.TEST_DATABASE ?? "pglite"})`,
      );
      expect(
        await prisma().user.count({
          where: { id: { in: created.map((u) => u.id) }, package: "webex_suite" },
        }),
      ).toBe(1000);
      expect(
        await prisma().auditEvent.count({
          where: { source: "bulk_change_package", userId: { in: created.map((u) => u.id) } },
        }),
      ).toBe(1000);
    });
  });
});
