import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { seedDemo } from "../src/db/seed-demo.ts";
import { createMailer } from "../src/mail/mailer.ts";
import { startSmtpInbox } from "./setup/smtp-inbox.ts";
import {
  ACCOUNTS,
  PASSWORD,
  client,
  signIn,
  useTestApp,
  type AccountKey,
} from "./setup/test-app.ts";
import { createTestDatabase, type TestDatabase } from "./setup/test-database.ts";
// The wizard's own validation module (free of React), as its resolver runs it: the API never
// imports the SPA (eslint.config.js), but this check is about the two agreeing (decision 005).
/* eslint-disable import-x/no-restricted-paths -- see above */
import {
  createCustomerResolver,
  draftFieldOf,
  emptyDraft,
  toCreateCustomerInput,
  type CreateCustomerDraft,
} from "../../web/src/features/customers/create-customer-form.ts";
/* eslint-enable import-x/no-restricted-paths */

/** Spec §11 Create customer: `POST /api/v1/customers`, its rules, roles and what follows it. */
describe("create customer", () => {
  const ctx = useTestApp({ customers: 4, usersOfFirstTwo: 3, usersOfOthers: [1, 2] });
  const as = (who: AccountKey) => client(ctx.app, ctx.sessions[who]);
  let n = 0;
  const address = { street: "Storgatan 1", city: "Umeå", postalCode: "903 26", country: "SE" };
  const body = (over: Record<string, unknown> = {}) => {
    n += 1;
    return {
      name: `Nykund ${n} AB`,
      externalId: `NY-${n}`,
      adminEmail: `first.admin${n}@nykund${n}.example`,
      language: "en",
      address,
      quotas: [{ package: "webex_meetings", maxUsers: 25 }],
      ...over,
    };
  };
  const withCalling = (over: Record<string, unknown> = {}) =>
    body({
      quotas: [
        { package: "webex_calling", maxUsers: 10 },
        { package: "webex_meetings", maxUsers: 20 },
      ],
      location: { name: "Huvudkontoret", address, timeZone: "Europe/Stockholm" },
      ...over,
    });
  const customerCount = () => ctx.database.db.prisma.customer.count();
  const list = async (who: AccountKey, query = "") =>
    (await as(who).get(`/api/v1/customers?max=100${query}`)).json<{
      items: { id: string; name: string; packages: string[]; status: string }[];
      total: number;
    }>();

  it("creates the customer, its quotas, location and first administrator; answers 201 as GET does, with Location and the link", async () => {
    const before = await list("partnerFull");
    const activeBefore = (await list("partnerFull", "&status=active")).total;
    const input = withCalling({ name: "Kiruna Gruv AB", externalId: "KIR-001", language: "sv" });
    const res = await as("partnerFull").post("/api/v1/customers", input);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`/api/v1/customers/${created.id}`);
    expect(created.invitationUrl).toMatch(/^http:\/\/localhost(:\d+)?\/invitations\/[\w-]{43}$/);
    expect(created).toMatchObject({
      name: "Kiruna Gruv AB",
      externalId: "KIR-001",
      status: "active",
      language: "sv",
      address,
      packages: ["webex_calling", "webex_meetings"],
      locationCount: 1,
      userCount: 0,
      version: 1,
      // Its own meeting site, so its first meetings user has one to choose (spec §3).
      webexSites: [{ name: "kiruna-gruv-ab.webex.com", default: true }],
    });
    const { invitationUrl, invitationExpiresAt, ...customer } = created;
    expect(Date.parse(invitationExpiresAt) - Date.now()).toBeGreaterThan(6.9 * 864e5);
    const got = await as("partnerFull").get(res.headers.location as string);
    expect(got.json()).toEqual(customer);

    // The list, its search and its counts include it at once (trigger-kept totals, search text).
    const after = await list("partnerFull");
    expect(after.total).toBe(before.total + 1);
    expect((await list("partnerFull", "&status=active")).total).toBe(activeBefore + 1);
    expect(after.items.find((c) => c.id === created.id)).toMatchObject({
      packages: ["webex_calling", "webex_meetings"],
      status: "active",
    });
    for (const q of ["kiruna gruv", "kir-001", "KIR-0"])
      expect(
        (await list("partnerFull", `&search=${encodeURIComponent(q)}`)).items.map((c) => c.id),
        q,
      ).toContain(created.id);

    const locations = await as("partnerFull").get(`/api/v1/customers/${created.id}/locations`);
    expect(locations.json().items).toMatchObject([
      { name: "Huvudkontoret", address, timeZone: "Europe/Stockholm", userCount: 0 },
    ]);

    // The first administrator is invited in the customer's language; the link opens for them.
    const admin = await ctx.database.db.prisma.admin.findUniqueOrThrow({
      where: { email: input.adminEmail },
    });
    expect(admin).toMatchObject({
      role: "customer_full_admin",
      status: "invited",
      customerId: created.id,
      language: "sv",
    });
    const token = (invitationUrl as string).split("/").pop();
    const link = await client(ctx.app).get(`/api/v1/invitations/${token}`);
    expect(link.json()).toMatchObject({ email: input.adminEmail, organisation: "Kiruna Gruv AB" });
  });

  it("records customer created (before → after) in the customer's audit log and the partner's", async () => {
    const res = await as("partnerFull").post(
      "/api/v1/customers",
      withCalling({ name: "Audit AB" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const own = (await as("partnerFull").get(`/api/v1/customers/${id}/audit`)).json();
    const created = own.items.find((e: { action: string }) => e.action === "customer.created");
    expect(created).toMatchObject({
      source: "customer_settings",
      before: null,
      after: {
        name: "Audit AB",
        status: "active",
        country: "SE",
        quotas: ["webex_calling: 10", "webex_meetings: 20"],
        location: "Huvudkontoret",
      },
    });
    expect(own.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["customer.created", "location.created", "admin.invited"]),
    );
    const partner = (await as("partnerFull").get(`/api/v1/audit?customerId=${id}`)).json();
    expect(partner.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["customer.created", "admin.invited"]),
    );
    expect(
      partner.items.find((e: { action: string }) => e.action === "customer.created"),
    ).toMatchObject({ customerName: "Audit AB", before: null });
  });

  it("a partner administrator (assigned customers only) is assigned the customer they create", async () => {
    const before = await list("partnerAdmin");
    const res = await as("partnerAdmin").post("/api/v1/customers", body({ name: "Tilldelad AB" }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const after = await list("partnerAdmin");
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((c) => c.id)).toContain(id);
    expect((await as("partnerAdmin").get(`/api/v1/customers/${id}`)).statusCode).toBe(200);
    expect((await list("partnerAdmin", "&search=tilldelad")).items.map((c) => c.id)).toEqual([id]);
    // A full administrator sees every customer anyway: nobody is assigned.
    const full = await as("partnerFull").post("/api/v1/customers", body());
    expect(
      await ctx.database.db.prisma.adminCustomerAssignment.count({
        where: { customerId: full.json().id },
      }),
    ).toBe(0);
  });

  it("refuses the read-only administrator and customer administrators (403); nothing is created", async () => {
    const count = await customerCount();
    for (const who of ["partnerReadonly", "customerAdmin"] as const) {
      const res = await as(who).post("/api/v1/customers", body());
      expect(res.statusCode, who).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("forbidden");
    }
    expect((await client(ctx.app).post("/api/v1/customers", body())).statusCode).toBe(401);
    expect(await customerCount()).toBe(count);
  });

  it("refuses an external ID another customer of the partner has, in other case (409 naming externalId)", async () => {
    const first = await as("partnerFull").post(
      "/api/v1/customers",
      body({ externalId: "Dup-Case-7" }),
    );
    expect(first.statusCode).toBe(201);
    const count = await customerCount();
    const res = await as("partnerAdmin").post(
      "/api/v1/customers",
      body({ externalId: "dUP-cASE-7" }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "external_id_taken",
      errors: [{ field: "externalId", code: "external_id_duplicate" }],
    });
    expect(await customerCount()).toBe(count);
    // Another partner's external IDs are theirs: the same one is free here.
    const foreign = await ctx.database.db.prisma.customer.findFirstOrThrow({
      where: { partnerId: { not: ctx.sessions.partnerFull.me.partnerId! } },
    });
    const own = await as("partnerFull").post(
      "/api/v1/customers",
      body({ externalId: foreign.externalId.toLowerCase() }),
    );
    expect(own.statusCode, own.body).toBe(201);
  });

  it("two creates with one external ID at once: one is created, the other gets 409 naming externalId", async () => {
    const [a, b] = await Promise.all([
      as("partnerFull").post("/api/v1/customers", body({ externalId: "RACE-1" })),
      as("partnerAdmin").post("/api/v1/customers", body({ externalId: "race-1" })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json()).toMatchObject({
      code: "external_id_taken",
      errors: [{ field: "externalId" }],
    });
  });

  it("two creates with one administrator email at once: one is created, the other gets 409 naming adminEmail and leaves nothing", async () => {
    const count = await customerCount();
    const adminEmail = "racing.admin@nykund.example";
    const location = { name: "Kapplöpningen", address, timeZone: "Europe/Stockholm" };
    const [a, b] = await Promise.all([
      as("partnerFull").post("/api/v1/customers", withCalling({ adminEmail, location })),
      as("partnerAdmin").post("/api/v1/customers", withCalling({ adminEmail, location })),
    ]);
    expect([a.statusCode, b.statusCode].sort(), a.body + b.body).toEqual([201, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json()).toMatchObject({
      code: "admin_email_taken",
      errors: [{ field: "adminEmail", code: "email_used_by_admin" }],
    });
    expect(await customerCount()).toBe(count + 1);
    expect(await ctx.database.db.prisma.location.count({ where: { name: location.name } })).toBe(1);
  });

  it("another partner's administrator creates in their own partner: the customer is invisible here (404)", async () => {
    const theirs = await as("foreignPartner").post(
      "/api/v1/customers",
      body({ externalId: "SHARED-REF-1" }),
    );
    expect(theirs.statusCode, theirs.body).toBe(201);
    const id = theirs.json().id as string;
    expect(
      (await ctx.database.db.prisma.customer.findUniqueOrThrow({ where: { id } })).partnerId,
    ).toBe(ctx.sessions.foreignPartner.me.partnerId);
    for (const who of ["partnerFull", "partnerAdmin", "customerAdmin"] as const)
      expect((await as(who).get(`/api/v1/customers/${id}`)).statusCode, who).toBe(404);
    expect((await list("partnerFull", "&search=shared-ref")).items).toEqual([]);
    // Their external ID is theirs: the home partner may use it too.
    const ours = await as("partnerFull").post(
      "/api/v1/customers",
      body({ externalId: "shared-ref-1" }),
    );
    expect(ours.statusCode, ours.body).toBe(201);
    expect((await as("foreignPartner").get(`/api/v1/customers/${ours.json().id}`)).statusCode).toBe(
      404,
    );
  });

  it("refuses an administrator email already in use (409 naming adminEmail); nothing is left behind", async () => {
    const count = await customerCount();
    const res = await as("partnerFull").post(
      "/api/v1/customers",
      withCalling({ externalId: "MAIL-TAKEN", adminEmail: "Admin@Customer.example" }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "admin_email_taken",
      errors: [{ field: "adminEmail", code: "email_used_by_admin" }],
    });
    expect(await customerCount()).toBe(count);
    expect(await ctx.database.db.prisma.location.count({ where: { name: "Huvudkontoret" } })).toBe(
      2,
    ); // the two created above, none from the refused one
    expect(
      await ctx.database.db.prisma.customer.count({ where: { externalId: "MAIL-TAKEN" } }),
    ).toBe(0);
  });

  const long = (length: number) => "x".repeat(length);
  const refusals: [string, Record<string, unknown>, string, string?][] = [
    ["an empty name", { name: "" }, "name"],
    ["a name over 80", { name: long(81) }, "name"],
    ["a % in the name", { name: "Hundra % AB" }, "name"],
    ["an empty external ID", { externalId: "" }, "externalId"],
    ["an external ID over 64", { externalId: long(65) }, "externalId"],
    ["an email that is not one", { adminEmail: "not-an-email" }, "adminEmail"],
    ["a language other than en and sv", { language: "de" }, "language"],
    ["no street", { address: { ...address, street: "" } }, "address.street"],
    ["no city", { address: { street: "A", country: "SE" } }, "address.city"],
    ["an empty city", { address: { ...address, city: "" } }, "address.city"],
    ["a street over 50", { address: { ...address, street: long(51) } }, "address.street"],
    [
      "a postal code over 50",
      { address: { ...address, postalCode: long(51) } },
      "address.postalCode",
    ],
    ["a three-letter country", { address: { ...address, country: "SWE" } }, "address.country"],
    ["an unknown country", { address: { ...address, country: "XX" } }, "address.country"],
    ["no country", { address: { street: "A", city: "B" } }, "address.country"],
    ["no package", { quotas: [] }, "quotas"],
    ["a quota of 0", { quotas: [{ package: "webex_meetings", maxUsers: 0 }] }, "quotas.0.maxUsers"],
    [
      "a quota over 1,000,000",
      { quotas: [{ package: "webex_meetings", maxUsers: 1_000_001 }] },
      "quotas.0.maxUsers",
    ],
    [
      "an unknown package",
      { quotas: [{ package: "webex_gold", maxUsers: 5 }] },
      "quotas.0.package",
    ],
    [
      "a package listed twice",
      {
        quotas: [
          { package: "webex_meetings", maxUsers: 5 },
          { package: "webex_meetings", maxUsers: 6 },
        ],
      },
      "quotas.1.package",
    ],
    [
      "a calling package without a location",
      { quotas: [{ package: "webex_calling", maxUsers: 5 }] },
      "location",
      "location_required_for_calling",
    ],
    [
      "an unknown time zone",
      {
        quotas: [{ package: "webex_calling", maxUsers: 5 }],
        location: { name: "HQ", address, timeZone: "Europe/Atlantis" },
      },
      "location.timeZone",
    ],
    [
      "a location without a name",
      {
        quotas: [{ package: "webex_calling", maxUsers: 5 }],
        location: { name: "", address, timeZone: "Europe/Stockholm" },
      },
      "location.name",
    ],
    [
      "a location with a country that is not ISO alpha-2",
      {
        quotas: [{ package: "webex_calling", maxUsers: 5 }],
        location: { name: "HQ", address: { ...address, country: "Sweden" }, timeZone: "UTC" },
      },
      "location.address.country",
    ],
    ["an unknown field", { domain: "x.example" }, "domain"],
  ];
  it.each(refusals)(
    "refuses %s: 400 naming the field, nothing created",
    async (_, over, field, code) => {
      const count = await customerCount();
      const res = await as("partnerFull").post("/api/v1/customers", body(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json();
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      if (code)
        expect(problem.errors.find((e: { field: string }) => e.field === field)).toMatchObject({
          code,
          params: { package: "Webex Calling", packageId: "webex_calling" },
        });
      expect(await customerCount()).toBe(count);
    },
  );

  it("accepts a customer without a calling package and without a location, and a name of exactly 80", async () => {
    const res = await as("partnerFull").post(
      "/api/v1/customers",
      body({ name: long(80), quotas: [{ package: "webex_meetings", maxUsers: 1_000_000 }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ locationCount: 0, packages: ["webex_meetings"] });
  });
});

describe("the wizard and the API refuse the same fields", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  const good = (): CreateCustomerDraft => {
    const d = emptyDraft("sv");
    d.name = "Paritet AB";
    d.externalId = "PAR-1";
    d.adminEmail = "forsta@paritet.example";
    d.address = { street: "Storgatan 1", city: "Luleå", postalCode: "", country: "SE" };
    d.offer.webex_calling = { on: true, maxUsers: 5 };
    d.location = { name: "HQ", address: { ...d.address }, timeZone: "Europe/Stockholm" };
    return d;
  };
  const cases: [string, (d: CreateCustomerDraft) => void][] = [
    ["a % in the name and a bad email", (d) => ((d.name = "A % B"), (d.adminEmail = "x"))],
    [
      "no street, an unknown country",
      (d) => (d.address = { ...d.address, street: "", country: "XX" }),
    ],
    [
      "a quota of 0 and one over the top",
      (d) => {
        d.offer.webex_calling.maxUsers = 0;
        d.offer.webex_meetings = { on: true, maxUsers: 1_000_001 };
      },
    ],
    ["no package", (d) => (d.offer.webex_calling.on = false)],
    [
      "an unknown time zone, a location without a name",
      (d) => {
        d.location.timeZone = "Mars/Olympus";
        d.location.name = "";
      },
    ],
  ];
  const leaves = (errors: object, prefix = ""): string[] =>
    Object.entries(errors).flatMap(([key, value]) =>
      value && typeof value === "object" && "type" in value
        ? [`${prefix}${key}`]
        : leaves(value as object, `${prefix}${key}.`),
    );

  it.each(cases)("%s", async (_, change) => {
    const draft = good();
    change(draft);
    const { errors } = await createCustomerResolver(draft, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    const res = await client(ctx.app, ctx.sessions.partnerFull).post(
      "/api/v1/customers",
      toCreateCustomerInput(draft),
    );
    expect(res.statusCode).toBe(400);
    const fromApi = (res.json().errors as { field: string }[]).map((e) =>
      draftFieldOf(e.field, draft),
    );
    expect([...new Set(fromApi)].sort()).toEqual(leaves(errors).sort());
  });
});

describe("create customer with mail configured", () => {
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

  it("e-mails the first administrator the link it answers, in the customer's language", async () => {
    const partner = client(app, await signIn(app, ACCOUNTS.partnerFull));
    const res = await partner.post("/api/v1/customers", {
      name: "Malå Skog AB",
      externalId: "MALA-1",
      adminEmail: "forsta@mala.example",
      language: "sv",
      address: { street: "Storgatan 1", city: "Malå", country: "SE" },
      quotas: [{ package: "webex_meetings", maxUsers: 5 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const mail = await inbox.next();
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("forsta@mala.example");
    expect(mail.subject).toBe("Du är inbjuden att administrera Malå Skog AB i Partner Hub");
    expect(mail.text).toContain(res.json().invitationUrl);
    expect(res.json().invitationUrl).toMatch(/^http:\/\/hub\.test\/invitations\//);
  });
});
