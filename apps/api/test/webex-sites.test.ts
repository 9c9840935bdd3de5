import { CSV_HEADERS, defaultWebexSite } from "@partner-hub/shared";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { upload } from "./setup/imports.ts";
import { client, useTestApp } from "./setup/test-app.ts";

/** Spec §3: a customer's Webex sites, and Preferred Webex Site chosen among them. */
describe("Webex sites of a customer", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 10, usersOfOthers: [2, 2] });
  const HOME = "fjallbacka-fastigheter-ab.webex.com";
  let customerId: string;
  const admin = () => client(ctx.app, ctx.sessions.customerAdmin);
  const url = () => `/api/v1/customers/${customerId}`;
  const patchSites = async (webexSites: unknown) => {
    const { version } = (await admin().get(url())).json();
    return admin().raw({ method: "PATCH", url: url(), payload: { webexSites, version } });
  };
  let seq = 0;
  const newUser = (over: Record<string, unknown> = {}) => ({
    email: `site.user${++seq}@customer.example`,
    firstName: "Sara",
    lastName: "Site",
    package: "webex_meetings",
    ...over,
  });

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
  });

  it("a customer starts with its own <name>.webex.com as the default, and GET shows the list", async () => {
    expect(defaultWebexSite("Fjällbacka Fastigheter AB")).toBe(HOME);
    expect(defaultWebexSite("Ørsted & Søn A/S")).toBe("orsted-son-a-s.webex.com");
    const res = await admin().get(url());
    expect(res.json().webexSites).toEqual([{ name: HOME, default: true }]);
    // Each customer its own.
    const other = ctx.sessions.otherCustomerAdmin;
    const sibling = await client(ctx.app, other).get(`/api/v1/customers/${other.me.customerId}`);
    expect(sibling.json().webexSites).toEqual([
      { name: "norrsken-energi-ab.webex.com", default: true },
    ]);
  });

  it("PATCH sets the complete list: host names, exactly one default, no duplicates ignoring case", async () => {
    const bad = [
      [[{ name: "not a host", default: true }], "webexSites.0.name"],
      [[{ name: "nodot", default: true }], "webexSites.0.name"],
      [
        [
          { name: HOME, default: true },
          { name: "Extra.Webex.com", default: false },
          { name: "extra.webex.com", default: false },
        ],
        "webexSites.2.name",
      ],
      [
        [
          { name: HOME, default: true },
          { name: "extra.webex.com", default: true },
        ],
        "webexSites",
      ],
      [[{ name: HOME, default: false }], "webexSites"],
      [[], "webexSites"],
    ] as const;
    for (const [sites, field] of bad) {
      const res = await patchSites(sites);
      expect(res.statusCode, JSON.stringify(sites)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const ok = await patchSites([
      { name: HOME, default: false },
      { name: " Moten.Webex.com ", default: true },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    // Stored lower-case, the default first.
    expect(ok.json().webexSites).toEqual([
      { name: "moten.webex.com", default: true },
      { name: HOME, default: false },
    ]);
    const audit = (await admin().get(`${url()}/audit?source=customer_settings`)).json();
    expect(audit.items[0]).toMatchObject({
      action: "customer.updated",
      before: { webexSites: HOME },
      after: { webexSites: `moten.webex.com, ${HOME}` },
    });
  });

  it("manual add, its pre-check, package change and user edit refuse a site not in the list, naming preferredWebexSite", async () => {
    const unknown = newUser({ preferredWebexSite: "elsewhere.webex.com" });
    for (const path of ["/users", "/users/validate"]) {
      const res = await admin().post(`${url()}${path}`, { users: [newUser(), unknown] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.filter((e: { severity: string }) => e.severity === "error")).toEqual(
        [
          expect.objectContaining({
            code: "webex_site_unknown",
            field: "users.1.preferredWebexSite",
            row: 2,
            severity: "error",
            params: { value: "elsewhere.webex.com", sites: `moten.webex.com, ${HOME}` },
          }),
        ],
      );
    }
    // Any spelling of a listed site is the list's.
    const added = await admin().post(`${url()}/users`, {
      users: [newUser({ preferredWebexSite: "MOTEN.webex.com" })],
    });
    expect(added.statusCode, added.body).toBe(201);
    const user = added.json().items[0];
    expect(user.preferredWebexSite).toBe("moten.webex.com");

    const edit = (preferredWebexSite: string, version: number) =>
      admin().raw({
        method: "PATCH",
        url: `${url()}/users/${user.id}`,
        payload: { preferredWebexSite, version },
      });
    const refusedEdit = await edit("elsewhere.webex.com", user.version);
    expect(refusedEdit.statusCode).toBe(400);
    expect(refusedEdit.json().errors[0]).toMatchObject({
      code: "webex_site_unknown",
      field: "preferredWebexSite",
    });
    const edited = await edit(HOME, user.version);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().preferredWebexSite).toBe(HOME);

    const locations = (await admin().get(`${url()}/locations`)).json().items;
    const refusedChange = await admin().put(`${url()}/users/${user.id}/package`, {
      package: "webex_suite",
      extension: "4711",
      locationId: locations[0].id,
      preferredWebexSite: "elsewhere.webex.com",
      version: edited.json().version,
    });
    expect(refusedChange.statusCode).toBe(400);
    expect(refusedChange.json().errors).toEqual([
      expect.objectContaining({ code: "webex_site_unknown", field: "preferredWebexSite" }),
    ]);
    const changed = await admin().put(`${url()}/users/${user.id}/package`, {
      package: "webex_suite",
      extension: "4711",
      locationId: locations[0].id,
      preferredWebexSite: "moten.webex.com",
      version: edited.json().version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      package: "webex_suite",
      preferredWebexSite: "moten.webex.com",
    });
  });

  it("a user keeps a site no longer listed until someone chooses another: edits of other fields still save", async () => {
    const [user] = await ctx.database.db.prisma.user.findMany({
      where: { customerId, package: "webex_meetings" },
      take: 1,
    });
    await ctx.database.db.prisma.user.update({
      where: { id: user!.id },
      data: { preferredWebexSite: "legacy.webex.com" },
    });
    const res = await admin().raw({
      method: "PATCH",
      url: `${url()}/users/${user!.id}`,
      payload: { firstName: "Kvar", version: user!.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ firstName: "Kvar", preferredWebexSite: "legacy.webex.com" });
    await ctx.database.db.prisma.user.update({
      where: { id: user!.id },
      data: { preferredWebexSite: HOME },
    });
  });

  it("a site users still prefer cannot be removed: 409 webex_site_in_use with how many", async () => {
    const preferring = await ctx.database.db.prisma.user.count({
      where: { customerId, preferredWebexSite: HOME },
    });
    expect(preferring).toBeGreaterThan(0);
    const res = await patchSites([{ name: "moten.webex.com", default: true }]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "webex_site_in_use",
      params: { site: HOME, count: preferring },
      errors: [
        {
          code: "webex_site_has_users",
          field: "webexSites",
          params: { site: HOME, count: preferring },
        },
      ],
    });
    expect((await admin().get(url())).json().webexSites).toHaveLength(2);
  });

  it("a CSV row naming a site not in the list gets a warning listing the known ones, and is applied", async () => {
    const csv =
      `"${CSV_HEADERS[0]}",First Name,Last Name,Webex Meetings,Preferred Webex Site\r\n` +
      `csv.site.ok@customer.example,A,B,TRUE,${HOME}\r\n` +
      `csv.site.unknown@customer.example,C,D,TRUE,elsewhere.webex.com\r\n`;
    const res = await upload(ctx.app, ctx.sessions.customerAdmin, customerId, csv);
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.counts).toMatchObject({ add: 2, error: 0 });
    const rows = (await admin().get(`${url()}/imports/${preview.id}/rows?max=100`)).json()
      .items as {
      rowNumber: number;
      problems: { code: string; severity: string; params: unknown }[];
    }[];
    const warned = rows.find((r) => r.rowNumber === 3);
    expect(warned?.problems).toEqual([
      expect.objectContaining({
        code: "webex_site_unknown",
        severity: "warning",
        params: { value: "elsewhere.webex.com", sites: `moten.webex.com, ${HOME}` },
      }),
    ]);
    expect(rows.find((r) => r.rowNumber === 2)?.problems ?? []).toEqual([]);
  });
});

describe("migration 0019 gives customers that existed their sites", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 2, usersOfOthers: [1, 1] });

  it("the default as defaultWebexSite spells the name, then the host names its users prefer", async () => {
    const prisma = ctx.database.db.prisma;
    const partner = await prisma.partner.findFirstOrThrow();
    const names = [
      "Åre Älvdal & Co",
      "Ørsted Søn AB",
      "Æbletræ Straße GmbH",
      "%%%",
      "Köln—Düsseldorf 2",
    ];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const c = await prisma.customer.create({
        data: {
          partnerId: partner.id,
          name,
          nameLower: name.toLowerCase(),
          externalId: `MIG-${i}`,
          domain: "mig.example",
        },
      });
      ids.push(c.id);
    }
    await prisma.user.createMany({
      data: ["Kept.Webex.com", "kept.webex.com", "not a site", ""].map((site, i) => ({
        customerId: ids[0]!,
        email: `m${i}@mig.example`,
        emailLower: `m${i}@mig.example`,
        package: "webex_meetings",
        preferredWebexSite: site,
      })),
    });
    const sql = readFileSync(
      new URL(
        "../../../prisma/migrations/0019_customer_webex_sites/migration.sql",
        import.meta.url,
      ),
      "utf8",
    );
    const backfill = sql.slice(sql.indexOf("WITH"));
    await prisma.$executeRawUnsafe(
      `${backfill.replace(/;\s*$/, "")} AND c."id" = ANY($1::uuid[])`,
      ids,
    );
    const after = await prisma.customer.findMany({ where: { id: { in: ids } } });
    const byId = new Map(after.map((c) => [c.id, c.webexSites]));
    expect(ids.map((id) => byId.get(id))).toEqual([
      [defaultWebexSite(names[0]!), "kept.webex.com"],
      ...names.slice(1).map((n) => [defaultWebexSite(n)]),
    ]);
  });
});

/** Spec §5: Next checks the whole batch on the server, and blank rows are no one. */
describe("the manual add's pre-check", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 6, usersOfOthers: [1, 1] });
  let customerId: string;
  const admin = () => client(ctx.app, ctx.sessions.customerAdmin);
  const base = () => `/api/v1/customers/${customerId}/users`;
  const count = () => ctx.database.db.prisma.user.count({ where: { customerId } });

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
  });

  it("answers what the add would: emails already in the customer, numbers taken, quotas — and creates nothing", async () => {
    const prisma = ctx.database.db.prisma;
    const existing = await prisma.user.findFirstOrThrow({
      where: { customerId, phoneNumber: { not: null } },
    });
    const another = await prisma.user.findFirstOrThrow({
      where: { customerId, id: { not: existing.id } },
    });
    const before = await count();
    const users = [
      {
        email: another.email.toUpperCase(),
        firstName: "Dup",
        lastName: "Licate",
        package: "webex_meetings",
        preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
      },
      {
        email: "number.taken@customer.example",
        firstName: "Num",
        lastName: "Ber",
        package: "webex_calling",
        phoneNumber: existing.phoneNumber,
        locationId: existing.locationId,
      },
    ];
    const checked = await admin().post(`${base()}/validate`, { users });
    const added = await admin().post(base(), { users });
    expect(checked.statusCode).toBe(400);
    expect(added.statusCode).toBe(400);
    // Exactly the add's answer.
    expect(checked.json().errors).toEqual(added.json().errors);
    expect(
      checked.json().errors.map((e: { code: string; field: string }) => [e.field, e.code]),
    ).toEqual([
      ["users.0.email", "email_exists"],
      ["users.1.phoneNumber", "phone_taken"],
    ]);

    await prisma.customerPackageQuota.update({
      where: { customerId_package: { customerId, package: "webex_voice" } },
      data: {
        maxUsers: await prisma.user.count({ where: { customerId, package: "webex_voice" } }),
      },
    });
    const overQuota = await admin().post(`${base()}/validate`, {
      users: [
        {
          email: "over.quota@customer.example",
          firstName: "Q",
          lastName: "Q",
          package: "webex_voice",
          extension: "7777",
          locationId: existing.locationId,
        },
      ],
    });
    expect(overQuota.statusCode).toBe(400);
    expect(overQuota.json().errors[0]).toMatchObject({ code: "quota_exceeded" });

    const fine = await admin().post(`${base()}/validate`, {
      users: [
        {
          email: "fine@customer.example",
          firstName: "F",
          lastName: "F",
          package: "webex_meetings",
        },
      ],
    });
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json()).toEqual({
      count: 1,
      warnings: [expect.objectContaining({ code: "webex_site_missing", row: 1 })],
    });
    expect(await count()).toBe(before);
  });

  it("wholly empty rows are left out, not errors, by the pre-check and the add", async () => {
    const blank = {
      email: "",
      firstName: " ",
      lastName: "",
      phoneNumber: null,
      locationId: "",
      preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
    };
    const users = [
      blank,
      {
        email: "not.blank@customer.example",
        firstName: "N",
        lastName: "B",
        package: "webex_meetings",
      },
      {},
    ];
    const checked = await admin().post(`${base()}/validate`, { users });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().count).toBe(1);
    const added = await admin().post(base(), { users });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().items.map((u: { email: string }) => u.email)).toEqual([
      "not.blank@customer.example",
    ]);
    // Only blank rows: nothing to add, said as for an empty request.
    const none = await admin().post(`${base()}/validate`, { users: [blank] });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: "users" });
  });

  it("the read-only partner administrator may not use it", async () => {
    const res = await client(ctx.app, ctx.sessions.partnerReadonly).post(`${base()}/validate`, {
      users: [
        { email: "ro@customer.example", firstName: "R", lastName: "O", package: "webex_meetings" },
      ],
    });
    expect(res.statusCode).toBe(403);
  });
});
