import { beforeAll, describe, expect, it } from "vitest";
import { upload, waitForImport } from "./setup/imports.ts";
import { loadTenants } from "./setup/tenants.ts";
import { issueInvitation } from "../src/modules/invitations/create-invitation.ts";
import { GOOD_PASSWORD, inviteAdmin } from "./setup/invite.ts";
import { client, signIn, ACCOUNTS, useTestApp } from "./setup/test-app.ts";

/**
 * The OpenAPI document integrators generate clients from. useTestApp checks every response of
 * every integration file against it; this file makes sure each operation is among them at least
 * once with its success status, and that the document says what a generated client needs.
 */
describe("the OpenAPI document", () => {
  const ctx = useTestApp({ customers: 6, usersOfFirstTwo: 6, usersOfOthers: [2, 3] });
  type Operation = {
    operationId?: string;
    security?: Record<string, string[]>[];
    responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  };
  let operations: { method: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const document = res.json<{ paths: Record<string, Record<string, Operation>> }>();
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
    );
  });

  it("is served without a session and names, secures and gives errors to every operation", async () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, operation } of operations) {
      const where = `${method} ${path}`;
      expect(operation.security, where).toBeDefined();
      const errors = Object.entries(operation.responses).filter(([status]) => status >= "400");
      expect(
        errors.map(([status]) => status),
        where,
      ).toContain("500");
      for (const [status, response] of errors)
        expect(
          response.content?.["application/problem+json"]?.schema?.$ref,
          `${where} ${status}`,
        ).toBe("#/components/schemas/Problem");
    }
    // Sign-in and the package catalogue need no session; the customer data does.
    const byId = (id: string) => operations.find((o) => o.operation.operationId === id)!.operation;
    expect(byId("loginAuth").security).toEqual([]);
    expect(byId("listPackages").security).toEqual([]);
    expect(byId("listCustomerUsers").security).toEqual([{ session: [] }]);
  });

  it("describes a real answer of every operation, success and errors alike", async () => {
    const tenants = await loadTenants(ctx.database.db);
    const customerId = tenants.home.customer;
    const admin = client(ctx.app, ctx.sessions.customerAdmin);
    const base = `/api/v1/customers/${customerId}`;

    // Writes, each answering its success status once.
    const checked = await admin.post(`${base}/users/validate`, {
      users: [
        {
          email: "openapi.checked@customer.example",
          firstName: "Checked",
          lastName: "First",
          package: "webex_meetings",
        },
      ],
    });
    expect(checked.statusCode, checked.body).toBe(200);
    const created = await admin.post(`${base}/users`, {
      users: [
        {
          email: "openapi.tour@customer.example",
          firstName: "Tour",
          lastName: "Guide",
          package: "webex_meetings",
          preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
        },
        {
          email: "openapi.leaving@customer.example",
          firstName: "Leaving",
          lastName: "Soon",
          package: "webex_meetings",
          preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const [user, leaver] = created.json().items as { id: string; version: number }[];
    if (!user || !leaver) throw new Error("two users were created");
    const location = await ctx.database.db.prisma.location.findFirstOrThrow({
      where: { customerId },
    });
    const changed = await admin.put(
      `${base}/users/${user.id}/package`,
      { package: "webex_suite", phoneNumber: "+46 8 555 000 12", locationId: location.id },
      { "if-match": `"${user.version}"` },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const edited = await admin.raw({
      method: "PATCH",
      url: `${base}/users/${leaver.id}`,
      payload: { firstName: "Left" },
      headers: { "if-match": `"${leaver.version}"` },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const bulk = await admin.post(`${base}/users/bulk`, {
      action: "change_package",
      userIds: [user.id],
      package: "webex_calling",
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    const removed = await admin.raw({
      method: "DELETE",
      url: `${base}/users/${leaver.id}`,
      headers: { "if-match": `"${leaver.version + 1}"` },
    });
    expect(removed.statusCode, removed.body).toBe(204);
    // Customer settings, quotas and locations (spec §11).
    const customer = (await admin.get(base)).json<{
      version: number;
      quotas: { package: string; maxUsers: number }[];
    }>();
    const partner = client(ctx.app, ctx.sessions.partnerFull);
    const quotas = await partner.put(
      `${base}/quotas`,
      { quotas: customer.quotas.map((q) => ({ package: q.package, maxUsers: q.maxUsers + 1 })) },
      { "if-match": `"${customer.version}"` },
    );
    expect(quotas.statusCode, quotas.body).toBe(200);
    const renamed = await admin.raw({
      method: "PATCH",
      url: base,
      payload: { language: "sv" },
      headers: { "if-match": `"${customer.version + 1}"` },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const added = await admin.post(`${base}/locations`, {
      name: "OpenAPI-kontoret",
      address: { street: "Gatan 1", city: "Ort", country: "SE" },
      timeZone: "Europe/Stockholm",
    });
    expect(added.statusCode, added.body).toBe(201);
    const addedId = added.json().id as string;
    const editedLocation = await admin.raw({
      method: "PATCH",
      url: `${base}/locations/${addedId}`,
      payload: { timeZone: "UTC" },
      headers: { "if-match": '"1"' },
    });
    expect(editedLocation.statusCode, editedLocation.body).toBe(200);
    const deleted = await admin.raw({ method: "DELETE", url: `${base}/locations/${addedId}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const exported = await admin.get(`${base}/users.csv`);
    expect(exported.statusCode).toBe(200);
    // The audit filters and the customer's template (issue 15), with their query parameters.
    const filters = "from=2020-01-01&to=2099-12-31&actor=admin&user=%40&source=manual_add";
    for (const url of [
      `${base}/audit?${filters}`,
      `${base}/audit.csv?${filters}`,
      `/api/v1/csv-template?customerId=${customerId}`,
      `${base}/locations/${location.id}/next-extension`,
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    }
    const preview = await upload(ctx.app, ctx.sessions.customerAdmin, customerId, exported.body);
    expect(preview.statusCode, preview.body).toBe(201);
    const importId = preview.json().id as string;
    const applied = await admin.post(`${base}/imports/${importId}/apply`, {});
    expect(applied.statusCode, applied.body).toBe(202);
    await waitForImport(ctx.app, ctx.sessions.customerAdmin, customerId, importId);
    // A preview cancelled (discarded).
    const cancelled = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      `${exported.body}\r\n`,
    );
    expect(cancelled.statusCode, cancelled.body).toBe(201);
    const discarded = await admin.raw({
      method: "DELETE",
      url: `${base}/imports/${cancelled.json().id as string}`,
    });
    expect(discarded.statusCode, discarded.body).toBe(204);

    // One-time links: an invitation and a password reset, each read below and then used.
    const { prisma } = ctx.database.db;
    const invited = await inviteAdmin(prisma, {
      email: "openapi.invited@partner.example",
      partnerId: ctx.sessions.partnerFull.me.partnerId,
    });
    const reset = await prisma.$transaction((tx) =>
      issueInvitation(tx, {
        adminId: ctx.sessions.partnerReadonly.me.id,
        purpose: "password_reset",
        createdBy: null,
        baseUrl: "http://hub.test",
      }),
    );
    const tokens: Record<string, string> = {
      "/api/v1/invitations/": invited.token,
      "/api/v1/password-resets/": reset.token,
    };

    // Every read, its path parameters filled from the tenant above: routes added later are
    // read here without a change to this test.
    const ids: Record<string, string> = {
      customerId,
      userId: user.id,
      importId,
      locationId: location.id,
    };
    // The partner's own administration (administrators, the partner log) is read by its full
    // administrator; an administrator id is the partner's or the customer's own, by path.
    const partnerFull = client(ctx.app, ctx.sessions.partnerFull);
    const partnerLevel = (path: string) => /^\/api\/v1\/(admins|audit)\b/.test(path);
    for (const { path } of operations.filter((o) => o.method === "get")) {
      const token = Object.entries(tokens).find(([prefix]) => path.startsWith(prefix))?.[1];
      const adminId = partnerLevel(path)
        ? ctx.sessions.partnerAdmin.me.id
        : ctx.sessions.customerAdmin.me.id;
      const url = path.replace(
        /\{(\w+)\}/g,
        (_, name: string) =>
          (name === "token" ? token : name === "adminId" ? adminId : ids[name]) ?? "unknown",
      );
      const res = await (partnerLevel(path) ? partnerFull : admin).get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    }

    // The errors a client meets most, as problem+json.
    const anonymous = client(ctx.app);
    expect((await anonymous.get(`${base}/users`)).statusCode).toBe(401);
    expect(
      (await anonymous.post("/api/v1/auth/login", { email: "x", password: "" })).statusCode,
    ).toBe(400);
    const wrong = await anonymous.post("/api/v1/auth/login", {
      email: ACCOUNTS.customerAdmin,
      password: "not the password",
    });
    expect(wrong.statusCode).toBe(401);
    const readonly = client(ctx.app, ctx.sessions.partnerReadonly);
    expect((await readonly.post(`${base}/users`, { users: [] })).statusCode).toBeGreaterThanOrEqual(
      400,
    );
    expect((await admin.get(`/api/v1/customers/${tenants.foreign.customer}`)).statusCode).toBe(404);
    expect((await admin.get(`${base}/users?serach=x`)).statusCode).toBe(400);
    const stale = await admin.put(
      `${base}/users/${user.id}/package`,
      { package: "webex_meetings" },
      { "if-match": `"${user.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    const unversioned = await admin.put(`${base}/users/${user.id}/package`, {
      package: "webex_meetings",
    });
    expect(unversioned.statusCode).toBe(428);
    const notCsv = await upload(ctx.app, ctx.sessions.customerAdmin, customerId, "\u0000\u0001");
    expect(notCsv.statusCode).toBeGreaterThanOrEqual(400);

    // Passwords: links used, a password changed, a reset asked for.
    const accepted = await anonymous.post(`/api/v1/invitations/${invited.token}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(
      (await anonymous.post(`/api/v1/invitations/${invited.token}/accept`, { password: "x" }))
        .statusCode,
    ).toBe(410);
    expect(
      (
        await anonymous.post(`/api/v1/password-resets/${reset.token}/accept`, {
          password: GOOD_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
    const newcomer = await signIn(ctx.app, "openapi.invited@partner.example", GOOD_PASSWORD);
    const changedPassword = await client(ctx.app, newcomer).post("/api/v1/auth/password", {
      currentPassword: GOOD_PASSWORD,
      newPassword: "Calm-Heron-Violet-77",
    });
    expect(changedPassword.statusCode, changedPassword.body).toBe(204);
    expect(
      (await anonymous.post("/api/v1/auth/password-reset", { email: ACCOUNTS.partnerAdmin }))
        .statusCode,
    ).toBe(202);

    // Create customer (spec §11): the customer, its location and its first administrator.
    const newCustomer = await partnerFull.post("/api/v1/customers", {
      name: "Tour Kund AB",
      externalId: "TOUR-1",
      adminEmail: "first.admin@tour.example",
      language: "sv",
      address: { street: "Storgatan 1", city: "Umeå", postalCode: "903 26", country: "SE" },
      quotas: [{ package: "webex_calling", maxUsers: 5 }],
      location: {
        name: "Umeå",
        address: { street: "Storgatan 1", city: "Umeå", postalCode: "903 26", country: "SE" },
        timeZone: "Europe/Stockholm",
      },
    });
    expect(newCustomer.statusCode, newCustomer.body).toBe(201);

    // Administrators (spec §12): the partner's and the customer's, through every write.
    const del = (c: ReturnType<typeof client>, url: string) => c.raw({ method: "DELETE", url });
    const patch = (c: ReturnType<typeof client>, url: string, payload: object) =>
      c.raw({ method: "PATCH", url, payload });
    const partnerAdmin = await partnerFull.post("/api/v1/admins", {
      email: "openapi.partner.admin@partner.example",
      name: "Tour Partner Admin",
      role: "partner_admin",
      customerIds: [customerId],
    });
    expect(partnerAdmin.statusCode, partnerAdmin.body).toBe(201);
    const pa = `/api/v1/admins/${partnerAdmin.json().id as string}`;
    expect((await partnerFull.post(`${pa}/invitation`)).statusCode).toBe(200);
    expect((await partnerFull.put(`${pa}/customers/${tenants.sibling.customer}`)).statusCode).toBe(
      204,
    );
    expect((await del(partnerFull, `${pa}/customers/${tenants.sibling.customer}`)).statusCode).toBe(
      204,
    );
    expect((await patch(partnerFull, pa, { role: "partner_readonly_admin" })).statusCode).toBe(200);
    expect((await del(partnerFull, pa)).statusCode).toBe(204);
    const customerAdmin = await admin.post(`${base}/admins`, {
      email: "openapi.customer.admin@customer.example",
      name: "Tour Customer Admin",
    });
    expect(customerAdmin.statusCode, customerAdmin.body).toBe(201);
    const ca = `${base}/admins/${customerAdmin.json().id as string}`;
    expect((await admin.post(`${ca}/invitation`)).statusCode).toBe(200);
    expect((await patch(admin, ca, { status: "disabled" })).statusCode).toBe(200);
    expect((await del(admin, ca)).statusCode).toBe(204);

    // Deleting a customer (spec §11): one that no other step above uses.
    const spare = tenants.allOwnCustomerIds.find(
      (id) => ![customerId, tenants.sibling.customer, tenants.unassigned.customer].includes(id),
    )!;
    expect((await del(partnerFull, `/api/v1/customers/${spare}`)).statusCode).toBe(204);

    // The probes of load balancers (spec §9, §14), without a session.
    expect((await ctx.app.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: "/readyz" })).statusCode).toBe(200);

    // Signing out last: the session ends.
    const leaving = await signIn(ctx.app, ACCOUNTS.partnerFull);
    expect((await client(ctx.app, leaving).post("/api/v1/auth/logout")).statusCode).toBe(204);

    const missing = operations
      .map((o) => o.operation.operationId!)
      .filter((id) => !ctx.contract.succeeded.has(id));
    expect(missing, "operations no request above answered with success").toEqual([]);
  });
});
