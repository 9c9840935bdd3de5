import { CSV_HEADERS, type CustomerStatus } from "@partner-hub/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { upload } from "./setup/imports.ts";
import { client, useTestApp } from "./setup/test-app.ts";

/**
 * Spec §3, §11: a customer that is not active — suspended, deactivated or provisioning — can be
 * read, but none of its users, locations, quotas, settings or imports change: every kind of
 * write answers 409 with the status (`customer_suspended` for a suspension, `customer_not_active`
 * otherwise) and nothing is written.
 */
describe("a customer that is not active refuses every kind of write", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 6, usersOfOthers: [2, 2] });
  let customerId: string;
  const as = (who: "partnerFull" | "customerAdmin") => client(ctx.app, ctx.sessions[who]);
  const url = () => `/api/v1/customers/${customerId}`;
  const setStatus = (status: CustomerStatus) =>
    ctx.database.db.prisma.customer.update({ where: { id: customerId }, data: { status } });

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
  });

  /** One request of every kind of write, each of which would succeed on an active customer. */
  async function writes() {
    const prisma = ctx.database.db.prisma;
    const user = await prisma.user.findFirstOrThrow({
      where: { customerId },
      orderBy: { email: "asc" },
    });
    const location = await prisma.location.findFirstOrThrow({ where: { customerId } });
    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
    const quotas = await prisma.customerPackageQuota.findMany({ where: { customerId } });
    const site = customer.webexSites[0]!;
    const csv = `"${CSV_HEADERS[0]}",Webex Meetings\r\nnot.active.import@customer.example,TRUE\r\n`;
    const newUser = {
      email: "not.active@customer.example",
      firstName: "N",
      lastName: "A",
      package: "webex_meetings",
      preferredWebexSite: site,
    };
    return {
      "manual add": () => as("customerAdmin").post(`${url()}/users`, { users: [newUser] }),
      "manual add pre-check": () =>
        as("customerAdmin").post(`${url()}/users/validate`, { users: [newUser] }),
      "change package": () =>
        as("customerAdmin").put(`${url()}/users/${user.id}/package`, {
          package: user.package === "webex_meetings" ? "webex_suite" : "webex_meetings",
          version: user.version,
        }),
      "edit user": () =>
        as("customerAdmin").raw({
          method: "PATCH",
          url: `${url()}/users/${user.id}`,
          payload: { firstName: "Inte", version: user.version },
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
          name: "Inte aktiv",
          address: { street: "Gatan 1", city: "Ort", country: "SE" },
          timeZone: "Europe/Stockholm",
        }),
      "edit location": () =>
        as("customerAdmin").raw({
          method: "PATCH",
          url: `${url()}/locations/${location.id}`,
          payload: { name: "Nytt namn", version: location.version },
        }),
      "delete location": () =>
        as("partnerFull").raw({ method: "DELETE", url: `${url()}/locations/${location.id}` }),
      quotas: () =>
        as("partnerFull").put(`${url()}/quotas`, {
          quotas: quotas.map((q) => ({ package: q.package, maxUsers: q.maxUsers + 1 })),
        }),
      settings: () =>
        as("partnerFull").raw({
          method: "PATCH",
          url: url(),
          payload: { name: "Inte aktiv AB", version: customer.version },
        }),
      "webex sites": () =>
        as("customerAdmin").raw({
          method: "PATCH",
          url: url(),
          payload: {
            webexSites: [
              { name: site, default: true },
              { name: "extra.webex.com", default: false },
            ],
            version: customer.version,
          },
        }),
    };
  }

  for (const [status, code] of [
    ["suspended", "customer_suspended"],
    ["deactivated", "customer_not_active"],
    ["provisioning", "customer_not_active"],
  ] as const) {
    it(`${status}: every write answers 409 ${code} with the status, nothing changes, reads work`, async () => {
      const prisma = ctx.database.db.prisma;
      // An import previewed while active cannot be applied after the status changed either.
      const previewed = await upload(
        ctx.app,
        ctx.sessions.customerAdmin,
        customerId,
        `"${CSV_HEADERS[0]}",Webex Meetings\r\npreviewed.${status}@customer.example,TRUE\r\n`,
      );
      expect(previewed.statusCode, previewed.body).toBe(201);
      const all = await writes();
      const snapshot = async () => ({
        users: await prisma.user.findMany({ where: { customerId }, orderBy: { id: "asc" } }),
        locations: await prisma.location.findMany({
          where: { customerId },
          orderBy: { id: "asc" },
        }),
        quotas: await prisma.customerPackageQuota.findMany({
          where: { customerId },
          orderBy: { package: "asc" },
        }),
        customer: await prisma.customer.findUniqueOrThrow({ where: { id: customerId } }),
      });
      await setStatus(status);
      const before = await snapshot();
      const requests = {
        ...all,
        "import apply": () =>
          as("customerAdmin").post(`${url()}/imports/${previewed.json().id}/apply`, {}),
      };
      for (const [name, write] of Object.entries(requests)) {
        const res = await write();
        expect(res.statusCode, `${name}: ${res.body}`).toBe(409);
        expect(res.json(), name).toMatchObject({
          code,
          customerStatus: status,
          params: { status },
        });
      }
      expect(await snapshot()).toEqual(before);
      const read = await as("customerAdmin").get(url());
      expect(read.statusCode).toBe(200);
      expect(read.json().status).toBe(status);
      expect((await as("customerAdmin").get(`${url()}/users`)).statusCode).toBe(200);
      await setStatus("active");
    });
  }
});

/**
 * Spec §11: a partner writer sets `active` or `suspended`. A customer that is not active moves
 * only to active — suspending a provisioning or a deactivated customer would not stop anything
 * more, and would turn a deactivation into a pause — and the audit log says which way it went:
 * a provisioning customer is activated, a deactivated or suspended one reactivated.
 */
describe("the status moves of a customer that is not active", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 2, usersOfOthers: [1, 1] });
  let customerId: string;
  const partner = () => client(ctx.app, ctx.sessions.partnerFull);
  const url = () => `/api/v1/customers/${customerId}`;
  const prisma = () => ctx.database.db.prisma;
  const patchStatus = async (status: "active" | "suspended") => {
    const { version } = await prisma().customer.findUniqueOrThrow({ where: { id: customerId } });
    return partner().raw({ method: "PATCH", url: url(), payload: { status, version } });
  };

  beforeAll(() => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
  });

  for (const [status, recorded] of [
    ["provisioning", "customer.activated"],
    ["deactivated", "customer.reactivated"],
  ] as const) {
    it(`${status}: suspending is refused with its status; activating it is recorded as ${recorded}`, async () => {
      await prisma().customer.update({ where: { id: customerId }, data: { status } });
      const before = await prisma().customer.findUniqueOrThrow({ where: { id: customerId } });

      const refused = await patchStatus("suspended");
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({
        code: "customer_not_active",
        customerStatus: status,
        params: { status },
      });
      expect(await prisma().customer.findUniqueOrThrow({ where: { id: customerId } })).toEqual(
        before,
      );

      const activated = await patchStatus("active");
      expect(activated.statusCode, activated.body).toBe(200);
      expect(activated.json()).toMatchObject({ status: "active", version: before.version + 1 });
      const audit = (await partner().get(`${url()}/audit?source=customer_settings`)).json();
      expect(audit.items[0]).toMatchObject({
        action: recorded,
        before: { status },
        after: { status: "active" },
      });
    });
  }

  it("suspended: suspending again changes nothing; reactivating is recorded as customer.reactivated", async () => {
    await prisma().customer.update({ where: { id: customerId }, data: { status: "suspended" } });
    const before = await prisma().customer.findUniqueOrThrow({ where: { id: customerId } });
    const again = await patchStatus("suspended");
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: "suspended", version: before.version });

    const back = await patchStatus("active");
    expect(back.statusCode, back.body).toBe(200);
    const audit = (await partner().get(`${url()}/audit?source=customer_settings`)).json();
    expect(audit.items[0]).toMatchObject({ action: "customer.reactivated" });
  });
});
