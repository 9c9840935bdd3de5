import { CSV_HEADERS } from "@partner-hub/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { upload } from "./setup/imports.ts";
import { client, useTestApp } from "./setup/test-app.ts";

/** Spec §11 Customer settings, Packages and quotas, Suspend / reactivate, Locations. */
describe("customer settings, quotas, suspension and locations", () => {
  const ctx = useTestApp({ customers: 4, usersOfFirstTwo: 12, usersOfOthers: [2, 3] });
  let customerId: string;
  let siblingId: string;
  const as = (who: "partnerFull" | "partnerAdmin" | "partnerReadonly" | "customerAdmin") =>
    client(ctx.app, ctx.sessions[who]);
  const url = () => `/api/v1/customers/${customerId}`;
  const patch = (
    who: Parameters<typeof as>[0],
    body: unknown,
    headers: Record<string, string> = {},
    id = customerId,
  ) =>
    as(who).raw({
      method: "PATCH",
      url: `/api/v1/customers/${id}`,
      payload: body as object,
      headers,
    });
  const current = async () => (await as("partnerFull").get(url())).json();
  const row = () =>
    ctx.database.db.prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
  const address = {
    street: "Storgatan 1",
    city: "Fjällbacka",
    postalCode: "457 40",
    country: "SE",
  };

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
    siblingId = ctx.sessions.otherCustomerAdmin.me.customerId!;
  });

  describe("settings", () => {
    it("GET gives the version as ETag and in the body, with the language", async () => {
      const res = await as("customerAdmin").get(url());
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ version: expect.any(Number), language: "en" });
      expect(res.headers.etag).toBe(`"${body.version}"`);
    });

    it("needs If-Match (428); a stale version gets 412 with the current customer; nothing changes", async () => {
      const before = await current();
      const missing = await patch("partnerFull", { name: "Nytt namn AB" });
      expect(missing.statusCode).toBe(428);
      expect(missing.headers["content-type"]).toContain("application/problem+json");
      const stale = await patch(
        "partnerFull",
        { name: "Nytt namn AB" },
        { "if-match": `"${before.version + 5}"` },
      );
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current).toMatchObject({
        id: customerId,
        name: before.name,
        version: before.version,
      });
      expect((await row()).name).toBe(before.name);
    });

    it("two admins editing the same customer: the second gets 412 with the first one's change", async () => {
      const before = await current();
      const first = await patch("partnerAdmin", {
        name: `${before.name} I`,
        version: before.version,
      });
      expect(first.statusCode, first.body).toBe(200);
      const second = await patch("customerAdmin", {
        name: `${before.name} II`,
        version: before.version,
      });
      expect(second.statusCode).toBe(412);
      expect(second.json().current).toMatchObject({
        name: `${before.name} I`,
        version: before.version + 1,
      });
      await patch("partnerFull", { name: before.name }, { "if-match": `"${before.version + 1}"` });
    });

    it("edits name, external ID, language and address; the customers list, its search and counts follow", async () => {
      const before = await current();
      const partnerBefore = await ctx.database.db.prisma.partner.findFirstOrThrow({
        where: { customers: { some: { id: customerId } } },
      });
      const res = await patch(
        "partnerFull",
        {
          name: "Fjällbacka Omdöpt AB",
          externalId: "FJ-RENAMED-1",
          language: "sv",
          address: { street: "Hamngatan 2", city: "Göteborg", postalCode: "411 06", country: "SE" },
        },
        { "if-match": `"${before.version}"` },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: customerId,
        name: "Fjällbacka Omdöpt AB",
        externalId: "FJ-RENAMED-1",
        language: "sv",
        address: { street: "Hamngatan 2", city: "Göteborg", postalCode: "411 06", country: "SE" },
        version: before.version + 1,
        quotas: before.quotas,
      });
      expect(res.headers.etag).toBe(`"${before.version + 1}"`);

      const search = async (q: string) =>
        (await as("partnerFull").get(`/api/v1/customers?search=${encodeURIComponent(q)}`)).json();
      expect((await search("omdöpt")).items.map((c: { id: string }) => c.id)).toEqual([customerId]);
      expect((await search("fj-renamed")).items.map((c: { id: string }) => c.id)).toEqual([
        customerId,
      ]);
      expect((await search(before.externalId)).total).toBe(0);
      // The partner administrator's list by name reads the assignment's copy of the name.
      const assigned = (await as("partnerAdmin").get("/api/v1/customers?sort=name")).json();
      expect(assigned.items.map((c: { name: string }) => c.name)).toContain("Fjällbacka Omdöpt AB");
      const partnerAfter = await ctx.database.db.prisma.partner.findUniqueOrThrow({
        where: { id: partnerBefore.id },
      });
      expect(partnerAfter.customerCount).toBe(partnerBefore.customerCount);

      const audit = (await as("customerAdmin").get(`${url()}/audit`)).json();
      expect(audit.items[0]).toMatchObject({
        action: "customer.updated",
        source: "customer_settings",
        before: { name: before.name, externalId: before.externalId, city: before.address.city },
        after: { name: "Fjällbacka Omdöpt AB", externalId: "FJ-RENAMED-1", city: "Göteborg" },
      });
    });

    it("refuses bad input with problem+json naming the field, and changes nothing", async () => {
      const before = await current();
      const cases: [unknown, string][] = [
        [{ name: "" }, "name"],
        [{ name: "x".repeat(81) }, "name"],
        [{ name: "Hundra % AB" }, "name"],
        [{ externalId: "" }, "externalId"],
        [{ externalId: "x".repeat(65) }, "externalId"],
        [{ language: "de" }, "language"],
        [{ address: { ...address, country: "SWE" } }, "address.country"],
        [{ address: { ...address, country: "XX" } }, "address.country"],
        [{ address: { ...address, street: "x".repeat(51) } }, "address.street"],
        [{ address: { ...address, city: "" } }, "address.city"],
        [{ address: { street: "a", country: "SE" } }, "address.city"],
        [{ status: "deactivated" }, "status"],
        [{ colour: "blue" }, "colour"],
      ];
      for (const [body, field] of cases) {
        const res = await patch("partnerFull", { ...(body as object), version: before.version });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.headers["content-type"]).toContain("application/problem+json");
        expect(
          res.json().errors.map((e: { field: string }) => e.field),
          JSON.stringify(body),
        ).toContain(field);
      }
      expect(await current()).toEqual(before);
    });

    it("refuses an external ID another customer has, in any case (409 naming the field)", async () => {
      const before = await current();
      const other = await ctx.database.db.prisma.customer.findUniqueOrThrow({
        where: { id: siblingId },
      });
      const res = await patch("partnerFull", {
        externalId: other.externalId.toLowerCase(),
        version: before.version,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: "external_id_taken",
        errors: [{ field: "externalId", code: "external_id_duplicate" }],
      });
      expect((await row()).externalId).toBe(before.externalId);
    });

    it("a customer admin edits name and address but not external ID or status; read-only changes nothing", async () => {
      const before = await current();
      const ok = await patch("customerAdmin", {
        name: "Egen ändring AB",
        address,
        version: before.version,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const v = ok.json().version;
      for (const [body, field] of [
        [{ externalId: "MINE-1" }, "externalId"],
        [{ status: "suspended" }, "status"],
      ] as const) {
        const res = await patch("customerAdmin", { ...body, version: v });
        expect(res.statusCode).toBe(403);
        expect(res.json().errors[0].field).toBe(field);
      }
      const ro = await patch("partnerReadonly", { name: "Läsare AB", version: v });
      expect(ro.statusCode).toBe(403);
      expect((await row()).version).toBe(v);
    });
  });

  describe("packages and quotas", () => {
    const putQuotas = (who: Parameters<typeof as>[0], quotas: unknown, headers = {}) =>
      as(who).put(`${url()}/quotas`, { quotas }, headers);

    it("refuses a quota below the users holding the package, naming it and the count", async () => {
      const before = await current();
      const held = before.quotas.find((q: { assignedUsers: number }) => q.assignedUsers > 1);
      const quotas = before.quotas.map((q: { package: string; maxUsers: number }) => ({
        package: q.package,
        maxUsers: q.package === held.package ? held.assignedUsers - 1 : q.maxUsers,
      }));
      const res = await putQuotas("partnerFull", quotas);
      expect(res.statusCode).toBe(409);
      const body = res.json();
      expect(body.code).toBe("quota_below_usage");
      expect(body.errors).toEqual([
        expect.objectContaining({
          code: "quota_below_holders",
          field: `quotas.${before.quotas.indexOf(held)}.maxUsers`,
          params: {
            package: held.package,
            assignedUsers: held.assignedUsers,
            maxUsers: held.assignedUsers - 1,
          },
        }),
      ]);
      expect((await current()).quotas).toEqual(before.quotas);
    });

    it("refuses to stop offering a package anyone holds, with the count", async () => {
      const before = await current();
      const held = before.quotas.find((q: { assignedUsers: number }) => q.assignedUsers > 0);
      const res = await putQuotas(
        "partnerAdmin",
        before.quotas
          .filter((q: { package: string }) => q.package !== held.package)
          .map((q: { package: string; maxUsers: number }) => ({
            package: q.package,
            maxUsers: q.maxUsers,
          })),
      );
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: "package_in_use",
        errors: [
          {
            code: "package_still_held",
            field: "quotas",
            params: { package: held.package, assignedUsers: held.assignedUsers },
          },
        ],
      });
      // The users the refusal links to: the users list filtered by that package.
      const users = (await as("partnerAdmin").get(`${url()}/users?package=${held.package}`)).json();
      expect(users.total).toBe(held.assignedUsers);
      expect((await current()).quotas).toEqual(before.quotas);
    });

    it("refuses quotas of 0 or over 1,000,000, unknown or repeated packages (400 naming the field)", async () => {
      for (const [quotas, field] of [
        [[{ package: "webex_meetings", maxUsers: 0 }], "quotas.0.maxUsers"],
        [[{ package: "webex_meetings", maxUsers: 1_000_001 }], "quotas.0.maxUsers"],
        [[{ package: "webex_meetings", maxUsers: 1.5 }], "quotas.0.maxUsers"],
        [[{ package: "webex_nothing", maxUsers: 5 }], "quotas.0.package"],
        [
          [
            { package: "webex_meetings", maxUsers: 5 },
            { package: "webex_meetings", maxUsers: 6 },
          ],
          "quotas.1.package",
        ],
      ] as const) {
        const res = await putQuotas("partnerFull", quotas);
        expect(res.statusCode, JSON.stringify(quotas)).toBe(400);
        expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });

    it("a customer admin cannot change quotas (403 naming the field)", async () => {
      const res = await putQuotas("customerAdmin", [{ package: "webex_meetings", maxUsers: 10 }]);
      expect(res.statusCode).toBe(403);
      expect(res.json().errors[0].field).toBe("quotas");
    });

    it("changes a quota, withdraws an unheld package and offers it again; list packages and audit follow", async () => {
      const before = await current();
      const unheld = before.quotas.find((q: { assignedUsers: number }) => q.assignedUsers === 0);
      const held = before.quotas.find((q: { assignedUsers: number }) => q.assignedUsers > 0);
      const kept = before.quotas
        .filter((q: { package: string }) => q.package !== unheld.package)
        .map((q: { package: string; maxUsers: number }) => ({
          package: q.package,
          maxUsers: q.package === held.package ? held.assignedUsers : q.maxUsers,
        }));
      const res = await putQuotas("partnerFull", kept, { "if-match": `"${before.version}"` });
      expect(res.statusCode, res.body).toBe(200);
      const after = res.json();
      expect(after.version).toBe(before.version + 1);
      expect(after.packages).not.toContain(unheld.package);
      expect(
        after.quotas.find((q: { package: string }) => q.package === held.package).maxUsers,
      ).toBe(held.assignedUsers);
      const listed = (
        await as("partnerFull").get(
          `/api/v1/customers?search=${encodeURIComponent(before.externalId)}`,
        )
      ).json();
      expect(listed.items[0].packages).not.toContain(unheld.package);

      const stale = await putQuotas("partnerFull", kept, { "if-match": `"${before.version}"` });
      expect(stale.statusCode).toBe(412);

      const again = await putQuotas("partnerFull", [
        ...kept,
        { package: unheld.package, maxUsers: 7 },
      ]);
      expect(again.statusCode).toBe(200);
      expect(again.json().packages).toContain(unheld.package);
      const audit = (await as("partnerFull").get(`${url()}/audit`)).json();
      expect(audit.items[0]).toMatchObject({
        action: "customer.quotas_changed",
        after: { quotas: expect.arrayContaining([`${unheld.package}: 7`]) },
      });
    });
  });

  describe("locations", () => {
    const locUrl = (id = "") => `${url()}/locations${id ? `/${id}` : ""}`;
    const body = (name: string) => ({ name, address, timeZone: "Europe/Stockholm" });

    it("adds a location: 201 with Location header; names unique ignoring case; bad input names the field", async () => {
      const res = await as("customerAdmin").post(locUrl(), body("Kontoret Väst"));
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        name: "Kontoret Väst",
        timeZone: "Europe/Stockholm",
        userCount: 0,
        version: 1,
      });
      expect(res.headers.location).toBe(`/api/v1/customers/${customerId}/locations/${created.id}`);
      expect((await as("customerAdmin").get(res.headers.location as string)).json()).toEqual(
        created,
      );

      const dup = await as("partnerFull").post(locUrl(), body("KONTORET väst"));
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({
        code: "location_name_taken",
        errors: [{ field: "name" }],
      });

      for (const [payload, field] of [
        [{ ...body("Tz"), timeZone: "Mars/Olympus" }, "timeZone"],
        [{ ...body("") }, "name"],
        [{ ...body("x".repeat(81)) }, "name"],
        [{ ...body("Land"), address: { ...address, country: "Sverige" } }, "address.country"],
        [{ name: "Utan adress", timeZone: "UTC" }, "address"],
      ] as const) {
        const r = await as("customerAdmin").post(locUrl(), payload);
        expect(r.statusCode, JSON.stringify(payload)).toBe(400);
        expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const names = (await as("customerAdmin").get(locUrl()))
        .json()
        .items.map((l: { name: string }) => l.name);
      expect(names.filter((n: string) => n.toLowerCase() === "kontoret väst")).toHaveLength(1);
    });

    it("edits a location with If-Match: 428 without, 412 stale with current, 409 on another's name", async () => {
      const created = (await as("customerAdmin").post(locUrl(), body("Lager Öst"))).json();
      const missing = await as("customerAdmin").raw({
        method: "PATCH",
        url: locUrl(created.id),
        payload: { name: "X" },
      });
      expect(missing.statusCode).toBe(428);
      const ok = await as("customerAdmin").raw({
        method: "PATCH",
        url: locUrl(created.id),
        payload: { name: "Lager Öst 2", timeZone: "America/New_York" },
        headers: { "if-match": '"1"' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        name: "Lager Öst 2",
        timeZone: "America/New_York",
        version: 2,
      });
      const stale = await as("partnerFull").raw({
        method: "PATCH",
        url: locUrl(created.id),
        payload: { name: "Lager Öst 3", version: 1 },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current).toMatchObject({ name: "Lager Öst 2", version: 2 });
      const taken = await as("partnerFull").raw({
        method: "PATCH",
        url: locUrl(created.id),
        payload: { name: "kontoret VÄST", version: 2 },
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().errors[0].field).toBe("name");
      const audit = (await as("customerAdmin").get(`${url()}/audit?source=locations`)).json();
      expect(audit.items[0]).toMatchObject({
        action: "location.updated",
        before: { name: "Lager Öst", timeZone: "Europe/Stockholm" },
        after: { name: "Lager Öst 2", timeZone: "America/New_York" },
      });
    });

    it("refuses to delete a location users belong to, with the count; deletes an empty one (204)", async () => {
      const locations = (await as("customerAdmin").get(locUrl())).json().items;
      const used = locations.find((l: { userCount: number }) => l.userCount > 0);
      const res = await as("customerAdmin").raw({ method: "DELETE", url: locUrl(used.id) });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: "location_in_use",
        errors: [
          { code: "location_has_users", params: { count: used.userCount, locationId: used.id } },
        ],
      });
      // The users the refusal links to: the users list filtered by that location.
      const users = (await as("customerAdmin").get(`${url()}/users?location=${used.id}`)).json();
      expect(users.total).toBe(used.userCount);
      expect(users.items.every((u: { locationId: string }) => u.locationId === used.id)).toBe(true);

      const empty = (await as("customerAdmin").post(locUrl(), body("Tillfälligt"))).json();
      const stale = await as("customerAdmin").raw({
        method: "DELETE",
        url: locUrl(empty.id),
        headers: { "if-match": '"9"' },
      });
      expect(stale.statusCode).toBe(412);
      const gone = await as("customerAdmin").raw({
        method: "DELETE",
        url: locUrl(empty.id),
        headers: { "if-match": '"1"' },
      });
      expect(gone.statusCode).toBe(204);
      expect((await as("customerAdmin").get(locUrl(empty.id))).statusCode).toBe(404);
      const audit = (await as("customerAdmin").get(`${url()}/audit?source=locations`)).json();
      expect(audit.items[0]).toMatchObject({
        action: "location.deleted",
        before: { name: "Tillfälligt" },
        after: null,
      });
    });

    it("a location of another customer is 404 under this one", async () => {
      const other = await ctx.database.db.prisma.location.findFirstOrThrow({
        where: { customerId: siblingId },
      });
      const res = await as("partnerFull").raw({
        method: "PATCH",
        url: locUrl(other.id),
        payload: { name: "Kapad" },
        headers: { "if-match": '"1"' },
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe("suspend and reactivate", () => {
    it("only partner writers suspend; a suspended customer refuses every kind of write with 409 customer_suspended, reads still work", async () => {
      const before = await current();
      const statusCount = async (status: string) =>
        (await as("partnerFull").get(`/api/v1/customers?status=${status}`)).json().total;
      const suspendedBefore = await statusCount("suspended");
      const res = await patch("partnerAdmin", { status: "suspended", version: before.version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: "suspended", version: before.version + 1 });
      expect(await statusCount("suspended")).toBe(suspendedBefore + 1);

      const user = await ctx.database.db.prisma.user.findFirstOrThrow({ where: { customerId } });
      const location = await ctx.database.db.prisma.location.findFirstOrThrow({
        where: { customerId },
      });
      const usersBefore = await ctx.database.db.prisma.user.count({ where: { customerId } });
      const csv = `"${CSV_HEADERS[0]}",Webex Meetings\r\nsuspended.import@customer.example,TRUE\r\n`;
      const writes = {
        "manual add": () =>
          as("customerAdmin").post(`${url()}/users`, {
            users: [
              {
                email: "while.suspended@customer.example",
                firstName: "S",
                lastName: "S",
                package: "webex_meetings",
                preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
              },
            ],
          }),
        "change package": () =>
          as("customerAdmin").put(`${url()}/users/${user.id}/package`, {
            package: "webex_meetings",
            version: user.version,
          }),
        "edit user": () =>
          as("customerAdmin").raw({
            method: "PATCH",
            url: `${url()}/users/${user.id}`,
            payload: { firstName: "Avstängd", version: user.version },
          }),
        "remove user": () =>
          as("customerAdmin").raw({
            method: "DELETE",
            url: `${url()}/users/${user.id}`,
            headers: { "if-match": `"${user.version}"` },
          }),
        "bulk change package": () =>
          as("customerAdmin").post(`${url()}/users/bulk`, {
            action: "change_package",
            userIds: [user.id],
            package: "webex_meetings",
          }),
        "bulk remove": () =>
          as("partnerFull").post(`${url()}/users/bulk`, { action: "remove", userIds: [user.id] }),
        "import upload": () => upload(ctx.app, ctx.sessions.customerAdmin, customerId, csv),
        "add location": () =>
          as("customerAdmin").post(`${url()}/locations`, {
            name: "Under avstängning",
            address,
            timeZone: "Europe/Stockholm",
          }),
        "edit location": () =>
          as("customerAdmin").raw({
            method: "PATCH",
            url: `${url()}/locations/${location.id}`,
            payload: { name: "Nytt", version: location.version },
          }),
        "delete location": () =>
          as("partnerFull").raw({ method: "DELETE", url: `${url()}/locations/${location.id}` }),
        quotas: () =>
          as("partnerFull").put(`${url()}/quotas`, {
            quotas: before.quotas.map((q: { package: string; maxUsers: number }) => ({
              package: q.package,
              maxUsers: q.maxUsers + 1,
            })),
          }),
        settings: () =>
          patch("customerAdmin", { name: "Avstängd AB", version: before.version + 1 }),
      };
      for (const [name, write] of Object.entries(writes)) {
        const r = await write();
        expect(r.statusCode, `${name}: ${r.body}`).toBe(409);
        expect(r.json(), name).toMatchObject({
          code: "customer_suspended",
          customerStatus: "suspended",
          params: { status: "suspended" },
        });
      }
      expect(await ctx.database.db.prisma.user.count({ where: { customerId } })).toBe(usersBefore);
      const userAfter = await ctx.database.db.prisma.user.findUniqueOrThrow({
        where: { id: user.id },
      });
      expect({ version: userAfter.version, package: userAfter.package }).toEqual({
        version: user.version,
        package: user.package,
      });
      expect((await as("customerAdmin").get(`${url()}/users`)).statusCode).toBe(200);
      expect((await as("customerAdmin").get(url())).json().status).toBe("suspended");
      // The customer admin cannot lift it; a read-only partner admin neither.
      expect(
        (await patch("customerAdmin", { status: "active", version: before.version + 1 }))
          .statusCode,
      ).toBe(403);
      expect(
        (await patch("partnerReadonly", { status: "active", version: before.version + 1 }))
          .statusCode,
      ).toBe(403);

      const back = await patch("partnerFull", { status: "active", version: before.version + 1 });
      expect(back.statusCode).toBe(200);
      expect(back.json().status).toBe("active");
      expect(await statusCount("suspended")).toBe(suspendedBefore);
      const added = await writes["add location"]();
      expect(added.statusCode, added.body).toBe(201);
      const audit = (await as("partnerFull").get(`${url()}/audit?source=customer_settings`)).json();
      expect(audit.items.slice(0, 2).map((e: { action: string }) => e.action)).toEqual([
        "customer.reactivated",
        "customer.suspended",
      ]);
    });

    it("a deactivated or provisioning customer refuses writes with its status too", async () => {
      await ctx.database.db.prisma.customer.update({
        where: { id: siblingId },
        data: { status: "deactivated" },
      });
      const res = await as("partnerFull").post(`/api/v1/customers/${siblingId}/locations`, {
        name: "Nej",
        address,
        timeZone: "Europe/Stockholm",
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: "customer_not_active",
        customerStatus: "deactivated",
      });
      await ctx.database.db.prisma.customer.update({
        where: { id: siblingId },
        data: { status: "active" },
      });
    });
  });
});
