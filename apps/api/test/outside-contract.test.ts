import { describe, expect, it } from "vitest";
import { upload, waitForImport } from "./setup/imports.ts";
import { client, signIn, useTestApp, ACCOUNTS } from "./setup/test-app.ts";

/**
 * The §9 contract as an integrator's client meets it from outside: plain HTTP clients that send
 * `Content-Type: application/json` on every request, bodiless confirmations, and the headers a
 * create answers with.
 */
describe("the REST contract from outside", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 3, usersOfOthers: [1, 1] });
  const JSON_TYPE = { "content-type": "application/json" };

  describe("a request that says JSON but carries no body", () => {
    it("signs out (204) instead of refusing the empty body", async () => {
      const session = await signIn(ctx.app, ACCOUNTS.otherCustomerAdmin, "test-password-1");
      const res = await client(ctx.app, session).raw({
        method: "POST",
        url: "/api/v1/auth/logout",
        headers: JSON_TYPE,
        payload: "",
      });
      expect(res.statusCode, res.body).toBe(204);
      expect((await client(ctx.app, session).get("/api/v1/auth/me")).statusCode).toBe(401);
    });

    it("deletes a location (204)", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const admin = client(ctx.app, ctx.sessions.customerAdmin);
      const created = await admin.post(`/api/v1/customers/${customerId}/locations`, {
        name: "Empty Body Office",
        address: { street: "Gatan 1", city: "Umeå", postalCode: "90325", country: "SE" },
        timeZone: "Europe/Stockholm",
      });
      expect(created.statusCode, created.body).toBe(201);
      const res = await admin.raw({
        method: "DELETE",
        url: `/api/v1/customers/${customerId}/locations/${created.json().id}`,
        headers: JSON_TYPE,
        payload: "",
      });
      expect(res.statusCode, res.body).toBe(204);
    });

    it("confirms an import with no body at all, as with {} (202)", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      for (const [i, headers] of [{}, JSON_TYPE].entries()) {
        const preview = await upload(
          ctx.app,
          ctx.sessions.customerAdmin,
          customerId,
          `User ID/Email (Required),First Name,Last Name,Webex Meetings\nbodiless${i}@customer.example,No,Body,TRUE\n`,
        );
        expect(preview.statusCode, preview.body).toBe(201);
        const res = await client(ctx.app, ctx.sessions.customerAdmin).raw({
          method: "POST",
          url: `/api/v1/customers/${customerId}/imports/${preview.json().id}/apply`,
          headers,
        });
        expect(res.statusCode, res.body).toBe(202);
        expect(res.json()).toMatchObject({ status: "queued", applyValidRowsOnly: false });
        // One import per customer at a time: the next upload waits for this one.
        const done = await waitForImport(
          ctx.app,
          ctx.sessions.customerAdmin,
          customerId,
          preview.json().id,
        );
        expect(done.status).toBe("completed");
      }
    });

    it("still names the required members of a body that has them (400)", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const res = await client(ctx.app, ctx.sessions.customerAdmin).raw({
        method: "POST",
        url: `/api/v1/customers/${customerId}/users`,
        headers: JSON_TYPE,
        payload: "",
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors).toEqual([expect.objectContaining({ field: "users" })]);
    });
  });

  describe("a create answers 201 with a Location header naming what it created", () => {
    it("an upload's preview names the import, and the URL answers with it", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const preview = await upload(
        ctx.app,
        ctx.sessions.customerAdmin,
        customerId,
        "User ID/Email (Required),First Name,Last Name,Webex Meetings\nlocated@customer.example,Lo,Cated,TRUE\n",
      );
      expect(preview.statusCode, preview.body).toBe(201);
      const location = preview.headers.location as string;
      expect(location).toBe(`/api/v1/customers/${customerId}/imports/${preview.json().id}`);
      const read = await client(ctx.app, ctx.sessions.customerAdmin).get(location);
      expect(read.statusCode).toBe(200);
      expect(read.json().id).toBe(preview.json().id);
      await client(ctx.app, ctx.sessions.customerAdmin).raw({ method: "DELETE", url: location });
    });

    it("a manual add of one user names the user; of several, the customer's users", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const admin = client(ctx.app, ctx.sessions.customerAdmin);
      const person = (n: number) => ({
        email: `located.${n}@customer.example`,
        firstName: "Lo",
        lastName: `Cated ${n}`,
        package: "webex_meetings",
      });
      const one = await admin.post(`/api/v1/customers/${customerId}/users`, {
        users: [person(1)],
      });
      expect(one.statusCode, one.body).toBe(201);
      expect(one.headers.location).toBe(
        `/api/v1/customers/${customerId}/users/${one.json().items[0].id}`,
      );
      const read = await admin.get(one.headers.location as string);
      expect(read.json().email).toBe("located.1@customer.example");
      const two = await admin.post(`/api/v1/customers/${customerId}/users`, {
        users: [person(2), person(3)],
      });
      expect(two.statusCode, two.body).toBe(201);
      expect(two.headers.location).toBe(`/api/v1/customers/${customerId}/users`);
    });
  });

  describe("removing a user answers 204 and takes If-Match (issue #12), as updates do", () => {
    it("refuses a DELETE without If-Match (428) or a stale one (412) and removes with the current one", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const admin = client(ctx.app, ctx.sessions.customerAdmin);
      const created = await admin.post(`/api/v1/customers/${customerId}/users`, {
        users: [
          {
            email: "removed.plainly@customer.example",
            firstName: "Removed",
            lastName: "Plainly",
            package: "webex_meetings",
          },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const url = `/api/v1/customers/${customerId}/users/${created.json().items[0].id}`;
      expect((await admin.raw({ method: "DELETE", url })).statusCode).toBe(428);
      const stale = await admin.raw({ method: "DELETE", url, headers: { "if-match": '"7"' } });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current).toMatchObject({ email: "removed.plainly@customer.example" });
      const read = await admin.get(url);
      expect(read.statusCode).toBe(200);
      const removed = await admin.raw({
        method: "DELETE",
        url,
        headers: { "if-match": read.headers.etag as string },
      });
      expect(removed.statusCode, removed.body).toBe(204);
      expect(removed.body).toBe("");
      expect((await admin.get(url)).statusCode).toBe(404);
    });
  });

  it("describes every route §9 lists in the OpenAPI document at /api/docs", async () => {
    const SPEC_ROUTES = [
      "POST /api/v1/auth/login",
      "POST /api/v1/auth/logout",
      "GET /api/v1/auth/me",
      "GET /api/v1/packages",
      "GET /api/v1/customers",
      "GET /api/v1/customers/{customerId}",
      "GET /api/v1/customers/{customerId}/locations",
      "GET /api/v1/customers/{customerId}/users",
      "POST /api/v1/customers/{customerId}/users",
      "GET /api/v1/customers/{customerId}/users/{userId}",
      "PUT /api/v1/customers/{customerId}/users/{userId}/package",
      "GET /api/v1/customers/{customerId}/users.csv",
      "GET /api/v1/csv-template",
      "POST /api/v1/customers/{customerId}/imports",
      "POST /api/v1/customers/{customerId}/imports/{importId}/apply",
      "GET /api/v1/customers/{customerId}/imports",
      "GET /api/v1/customers/{customerId}/imports/{importId}",
      "GET /api/v1/customers/{customerId}/imports/{importId}/rows",
      "GET /api/v1/customers/{customerId}/imports/{importId}/errors.csv",
      "GET /api/v1/customers/{customerId}/audit",
      "POST /api/v1/customers",
      "PATCH /api/v1/customers/{customerId}",
      "PUT /api/v1/customers/{customerId}/quotas",
      "DELETE /api/v1/customers/{customerId}",
      "POST /api/v1/customers/{customerId}/locations",
      "PATCH /api/v1/customers/{customerId}/locations/{locationId}",
      "DELETE /api/v1/customers/{customerId}/locations/{locationId}",
      "PATCH /api/v1/customers/{customerId}/users/{userId}",
      "DELETE /api/v1/customers/{customerId}/users/{userId}",
      "POST /api/v1/customers/{customerId}/users/bulk",
      "GET /api/v1/admins",
      "POST /api/v1/admins",
      "PATCH /api/v1/admins/{adminId}",
      "DELETE /api/v1/admins/{adminId}",
      "GET /api/v1/admins/{adminId}/customers",
      "PUT /api/v1/admins/{adminId}/customers/{customerId}",
      "DELETE /api/v1/admins/{adminId}/customers/{customerId}",
      "GET /api/v1/customers/{customerId}/admins",
      "POST /api/v1/customers/{customerId}/admins",
      "DELETE /api/v1/customers/{customerId}/admins/{adminId}",
      "GET /api/v1/invitations/{token}",
      "POST /api/v1/invitations/{token}/accept",
      "POST /api/v1/auth/password",
      "POST /api/v1/auth/password-reset",
      "GET /api/v1/audit",
      "GET /healthz",
      "GET /readyz",
    ];
    const res = await ctx.app.inject({ url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const described = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(SPEC_ROUTES.filter((route) => !described.includes(route))).toEqual([]);
  });

  it("answers the OpenAPI document, like every API response, with Cache-Control: no-store", async () => {
    for (const url of ["/api/docs/json", "/api/docs", "/api/v1/packages"]) {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, url).toBeLessThan(400);
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
  });

  describe("a refusal for users in the way gives their count and a link to them (spec §11)", () => {
    it("a location in use: location_in_use with userCount and usersUrl listing them", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const admin = client(ctx.app, ctx.sessions.customerAdmin);
      const location = await admin.post(`/api/v1/customers/${customerId}/locations`, {
        name: "Occupied Office",
        address: { street: "Gatan 2", city: "Umeå", postalCode: "90325", country: "SE" },
        timeZone: "Europe/Stockholm",
      });
      expect(location.statusCode, location.body).toBe(201);
      const locationId = location.json().id as string;
      const user = await admin.post(`/api/v1/customers/${customerId}/users`, {
        users: [
          {
            email: "occupant@customer.example",
            firstName: "Occu",
            lastName: "Pant",
            package: "webex_calling",
            extension: "7781",
            locationId,
          },
        ],
      });
      expect(user.statusCode, user.body).toBe(201);
      const refused = await admin.raw({
        method: "DELETE",
        url: `/api/v1/customers/${customerId}/locations/${locationId}`,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: "location_in_use", userCount: 1 });
      const listed = await admin.get(refused.json().usersUrl as string);
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items.map((u: { email: string }) => u.email)).toEqual([
        "occupant@customer.example",
      ]);
    });

    it("a package withdrawn while held: package_in_use with userCount and usersUrl", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const partner = client(ctx.app, ctx.sessions.partnerFull);
      const customer = (await partner.get(`/api/v1/customers/${customerId}`)).json();
      const held = customer.quotas.find((q: { assignedUsers: number }) => q.assignedUsers > 0);
      const refused = await partner.put(`/api/v1/customers/${customerId}/quotas`, {
        quotas: customer.quotas
          .filter((q: { package: string }) => q.package !== held.package)
          .map((q: { package: string; maxUsers: number }) => ({
            package: q.package,
            maxUsers: q.maxUsers,
          })),
      });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({
        code: "package_in_use",
        userCount: held.assignedUsers,
      });
      const listed = await partner.get(refused.json().usersUrl as string);
      expect(listed.statusCode).toBe(200);
      expect(listed.json().total).toBe(held.assignedUsers);
    });
  });

  describe("a user sent back as GET gave it (spec §9: inputs use the same names)", () => {
    it("is saved with its changes; a changed email or package is still refused by name", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const admin = client(ctx.app, ctx.sessions.customerAdmin);
      const created = await admin.post(`/api/v1/customers/${customerId}/users`, {
        users: [
          {
            email: "Echo.Back@customer.example",
            firstName: "Echo",
            lastName: "Back",
            package: "webex_meetings",
          },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const url = `/api/v1/customers/${customerId}/users/${created.json().items[0].id}`;
      const read = await admin.get(url);
      const user = read.json();
      const ifMatch = { "if-match": read.headers.etag as string };

      const moved = await admin.raw({
        method: "PATCH",
        url,
        headers: { ...ifMatch, "content-type": "application/json" },
        payload: JSON.stringify({
          ...user,
          email: "echo.back@customer.example",
          package: user.package,
          lastName: "Forth",
        }),
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ lastName: "Forth", email: user.email, version: 2 });

      for (const [field, value] of [
        ["email", "someone.else@customer.example"],
        ["package", "webex_suite"],
      ] as const) {
        const res = await admin.raw({
          method: "PATCH",
          url,
          headers: { "if-match": '"2"', "content-type": "application/json" },
          payload: JSON.stringify({ ...moved.json(), [field]: value, firstName: "Changed" }),
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
      }
      expect((await admin.get(url)).json()).toMatchObject({ firstName: "Echo", version: 2 });
    });
  });

  it("lists the package catalogue like every list: offset and max, { items, total }", async () => {
    const all = await ctx.app.inject({ url: "/api/v1/packages" });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 6 });
    expect(all.json().items).toHaveLength(6);
    const page = await ctx.app.inject({ url: "/api/v1/packages?offset=2&max=2" });
    expect(page.json()).toEqual({ items: all.json().items.slice(2, 4), total: 6 });
    for (const query of ["max=101", "offset=-1"]) {
      const res = await ctx.app.inject({ url: `/api/v1/packages?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});
