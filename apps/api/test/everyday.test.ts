import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTenants } from "./setup/tenants.ts";
import { client, useTestApp, type AccountKey } from "./setup/test-app.ts";

/** The rows of a CSV body (BOM and header included as row 0). */
function csvRows(body: string): string[][] {
  const parsed = Papa.parse<string[]>(body.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  return parsed.data;
}

const today = () => new Date().toISOString().slice(0, 10);

describe("issue 15: audit filters and export, next extension, exports and the template", () => {
  const ctx = useTestApp({ customers: 4, usersOfFirstTwo: 12, usersOfOthers: [2, 3] });
  let tenants: Awaited<ReturnType<typeof loadTenants>>;
  const as = (who: AccountKey) => client(ctx.app, ctx.sessions[who]);

  beforeAll(async () => {
    tenants = await loadTenants(ctx.database.db);
    const p = ctx.database.db.prisma;
    // A log with known days, actors, users and sources for the home customer, one event of the
    // sibling customer (not assigned to the partner administrator) and one of another partner.
    const event = (
      customerId: string,
      at: string,
      actorEmail: string,
      userEmail: string,
      source: string,
      extra: Record<string, unknown> = {},
    ) => ({
      customerId,
      actorEmail,
      userEmail,
      action: "user.updated",
      source,
      createdAt: new Date(at),
      before: { firstName: "Old" },
      after: { firstName: "New" },
      ...extra,
    });
    await p.auditEvent.createMany({
      data: [
        event(
          tenants.home.customer,
          "2026-03-01T10:00:00Z",
          "eva@fjallbacka.example",
          "kim@fjallbacka.example",
          "user_edit",
        ),
        event(
          tenants.home.customer,
          "2026-03-02T23:30:00Z",
          "eva@fjallbacka.example",
          "lo@fjallbacka.example",
          "csv_import",
          {
            importId: "00000000-0000-4000-8000-000000000042",
            rowNumber: 7,
          },
        ),
        event(
          tenants.home.customer,
          "2026-03-03T08:00:00Z",
          "ola@partner.example",
          "kim@fjallbacka.example",
          "package_change",
          {
            action: "user.package_changed",
            before: { package: "webex_calling" },
            after: { package: '=HYPERLINK("http://evil")' },
          },
        ),
        event(
          tenants.home.customer,
          "2026-03-04T08:00:00Z",
          "-ola@partner.example",
          "=1+2@fjallbacka.example",
          "user_remove",
          {
            action: "user.removed",
          },
        ),
        event(
          tenants.sibling.customer,
          "2026-03-02T12:00:00Z",
          "eva@norrsken.example",
          "kim@norrsken.example",
          "user_edit",
        ),
        event(
          tenants.foreign.customer,
          "2026-03-02T12:00:00Z",
          "eva@baltic.example",
          "kim@baltic.example",
          "user_edit",
        ),
      ],
    });
  });

  const homeAudit = (query: string) =>
    as("customerAdmin").get(`/api/v1/customers/${tenants.home.customer}/audit?${query}`);

  describe("the customer's audit log filters on the server", () => {
    it("by date range: a day is the UTC day, an instant with its offset is exact", async () => {
      const day = (await homeAudit("from=2026-03-02&to=2026-03-02")).json();
      expect(day.items.map((e: { userEmail: string }) => e.userEmail)).toEqual([
        "lo@fjallbacka.example",
      ]);
      // 00:30 on 3 March in Stockholm is 23:30 UTC on 2 March.
      const local = (
        await homeAudit(`from=${encodeURIComponent("2026-03-03T00:00:00+01:00")}`)
      ).json();
      expect(local.total).toBeGreaterThanOrEqual(2);
      expect(local.items.map((e: { userEmail: string }) => e.userEmail)).toContain(
        "lo@fjallbacka.example",
      );
      expect((await homeAudit("from=2099-01-01")).json()).toEqual({ items: [], total: 0 });
      const before = (await homeAudit("to=2026-03-01")).json();
      expect(before.items.map((e: { at: string }) => e.at)).toEqual(["2026-03-01T10:00:00.000Z"]);
    });

    it("by administrator and by user, as part of their email in any case", async () => {
      const byActor = (await homeAudit("actor=OLA@PARTNER&to=2026-03-03")).json();
      expect(byActor.total).toBe(1);
      expect(byActor.items[0]).toMatchObject({ actorEmail: "ola@partner.example" });
      const byUser = (await homeAudit("user=kim@fjall&to=2026-03-31")).json();
      expect(byUser.items.map((e: { source: string }) => e.source)).toEqual([
        "package_change",
        "user_edit",
      ]);
      const combined = (await homeAudit("actor=eva&user=kim&source=user_edit")).json();
      expect(combined.total).toBe(1);
    });

    it("refuses a date it cannot read with a problem naming the parameter", async () => {
      const res = await homeAudit("from=yesterday");
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.json().errors).toEqual([
        expect.objectContaining({
          field: "query.from",
          message: expect.stringContaining("2026-11-30"),
        }),
      ]);
    });
  });

  describe("the partner-level log filters and stays inside the caller's scope", () => {
    it("shows a full administrator every own customer's events, never another partner's", async () => {
      const res = (
        await as("partnerFull").get("/api/v1/audit?from=2026-03-02&to=2026-03-02")
      ).json();
      const emails = res.items.map((e: { userEmail: string }) => e.userEmail);
      expect(emails).toEqual(
        expect.arrayContaining(["lo@fjallbacka.example", "kim@norrsken.example"]),
      );
      expect(emails).not.toContain("kim@baltic.example");
    });

    it("shows a partner administrator only their customers' events", async () => {
      const res = (await as("partnerAdmin").get("/api/v1/audit?user=kim@norrsken")).json();
      expect(res.total).toBe(0);
      const own = (await as("partnerAdmin").get("/api/v1/audit?user=kim@fjallbacka")).json();
      expect(own.total).toBe(2);
    });
  });

  describe("GET …/audit.csv exports the filtered log", () => {
    it("streams the customer's filtered events newest first, formulas defused, named by customer and day", async () => {
      const res = await as("customerAdmin").get(
        `/api/v1/customers/${tenants.home.customer}/audit.csv?user=kim@fjallbacka&to=2026-03-31`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/csv/);
      const disposition = String(res.headers["content-disposition"]);
      expect(disposition).toContain(
        `filename*=UTF-8''${encodeURIComponent(`Fjällbacka Fastigheter AB audit log ${today()}.csv`)}`,
      );
      expect(disposition).toContain(
        `filename="Fjallbacka Fastigheter AB audit log ${today()}.csv"`,
      );
      const [header, ...rows] = csvRows(res.body);
      expect(header).toEqual([
        "When",
        "Administrator",
        "Customer",
        "User",
        "Action",
        "Source",
        "CSV task",
        "CSV row",
        "Changes",
      ]);
      expect(rows.map((r) => r[5])).toEqual(["package_change", "user_edit"]);
      expect(rows[0]?.[2]).toBe("Fjällbacka Fastigheter AB");
      expect(rows[0]?.[8]).toBe(`package: webex_calling → =HYPERLINK("http://evil")`);
      expect(rows[1]?.[8]).toBe("firstName: Old → New");
    });

    it("keeps the task and row of a CSV import event", async () => {
      const res = await as("customerAdmin").get(
        `/api/v1/customers/${tenants.home.customer}/audit.csv?source=csv_import&to=2026-03-31`,
      );
      const [, ...rows] = csvRows(res.body);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.slice(5, 8)).toEqual([
        "csv_import",
        "00000000-0000-4000-8000-000000000042",
        "7",
      ]);
    });

    it("writes a formula-looking cell as text in the file", async () => {
      const res = await as("customerAdmin").get(
        `/api/v1/customers/${tenants.home.customer}/audit.csv?source=user_remove&to=2026-03-31`,
      );
      // A leading `'`: a spreadsheet shows the text instead of running it.
      const [, ...rows] = csvRows(res.body);
      expect(rows.map((r) => [r[1], r[3]])).toEqual([
        ["'-ola@partner.example", "'=1+2@fjallbacka.example"],
      ]);
    });

    it("answers 404 for another tenant's customer, as for one that does not exist", async () => {
      for (const who of ["otherCustomerAdmin", "foreignPartner"] as const) {
        const res = await as(who).get(`/api/v1/customers/${tenants.home.customer}/audit.csv`);
        expect(res.statusCode, who).toBe(404);
      }
    });

    it("exports the partner log as scoped as the list; a customer administrator has none", async () => {
      const full = await as("partnerReadonly").get(
        "/api/v1/audit.csv?from=2026-03-02&to=2026-03-02",
      );
      expect(full.statusCode).toBe(200);
      const users = csvRows(full.body)
        .slice(1)
        .map((r) => r[3]);
      expect(users).toEqual(
        expect.arrayContaining(["lo@fjallbacka.example", "kim@norrsken.example"]),
      );
      expect(users).not.toContain("kim@baltic.example");
      const assigned = await as("partnerAdmin").get(
        "/api/v1/audit.csv?from=2026-03-02&to=2026-03-02",
      );
      expect(
        csvRows(assigned.body)
          .slice(1)
          .map((r) => r[3]),
      ).not.toContain("kim@norrsken.example");
      expect((await as("customerAdmin").get("/api/v1/audit.csv")).statusCode).toBe(404);
      expect((await client(ctx.app).get("/api/v1/audit.csv")).statusCode).toBe(401);
    });
  });

  describe("GET …/locations/:locationId/next-extension", () => {
    it("suggests one after the location's highest extension, free by construction", async () => {
      const p = ctx.database.db.prisma;
      const held = await p.user.findMany({
        where: { locationId: tenants.home.location, extension: { not: null } },
        select: { extension: true },
      });
      const highest = Math.max(...held.map((u) => Number(u.extension)));
      const res = await as("partnerReadonly").get(
        `/api/v1/customers/${tenants.home.customer}/locations/${tenants.home.location}/next-extension`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ extension: String(highest + 1) });
      expect(held.map((u) => u.extension)).not.toContain(String(highest + 1));
    });

    it("suggests 1000 in a location without extensions", async () => {
      const created = await as("customerAdmin").post(
        `/api/v1/customers/${tenants.home.customer}/locations`,
        {
          name: `Tomt kontor ${Date.now()}`,
          address: {
            street: "Storgatan 1",
            city: "Fjällbacka",
            postalCode: "45071",
            country: "SE",
          },
          timeZone: "Europe/Stockholm",
        },
      );
      expect(created.statusCode, created.body).toBe(201);
      const res = await as("customerAdmin").get(
        `/api/v1/customers/${tenants.home.customer}/locations/${created.json().id}/next-extension`,
      );
      expect(res.json()).toEqual({ extension: "1000" });
    });

    it("answers 404 for another customer's location or another tenant", async () => {
      const mixed = await as("customerAdmin").get(
        `/api/v1/customers/${tenants.home.customer}/locations/${tenants.sibling.location}/next-extension`,
      );
      expect(mixed.statusCode).toBe(404);
      const other = await as("otherCustomerAdmin").get(
        `/api/v1/customers/${tenants.home.customer}/locations/${tenants.home.location}/next-extension`,
      );
      expect(other.statusCode).toBe(404);
    });
  });

  describe("the users export and the CSV template", () => {
    it("names the export by customer and day in UTF-8 and sorts its rows by email", async () => {
      const res = await as("partnerReadonly").get(
        `/api/v1/customers/${tenants.home.customer}/users.csv`,
      );
      expect(res.statusCode).toBe(200);
      expect(String(res.headers["content-disposition"])).toBe(
        `attachment; filename="Fjallbacka Fastigheter AB users ${today()}.csv"; filename*=UTF-8''${encodeURIComponent(`Fjällbacka Fastigheter AB users ${today()}.csv`)}`,
      );
      const emails = csvRows(res.body)
        .slice(1)
        .map((r) => r[0]!.toLowerCase());
      expect(emails.length).toBeGreaterThan(5);
      expect(emails).toEqual([...emails].sort());
    });

    it("puts the signed-in customer's own location in the template's example", async () => {
      const p = ctx.database.db.prisma;
      const first = await p.location.findFirstOrThrow({
        where: { customerId: tenants.home.customer },
        orderBy: { name: "asc" },
      });
      const res = await as("customerAdmin").get(
        `/api/v1/csv-template?customerId=${tenants.home.customer}`,
      );
      expect(res.statusCode).toBe(200);
      const [header, example] = csvRows(res.body);
      expect(example?.[header!.indexOf("Location")]).toBe(first.name);
      // Without a customer the template is everyone's, and needs no session.
      const plain = await client(ctx.app).get("/api/v1/csv-template");
      expect(plain.statusCode).toBe(200);
      expect(csvRows(plain.body)[1]?.[header!.indexOf("Location")]).toBe("Stockholm");
    });

    it("answers 404 for a customer the caller may not see, or without a session", async () => {
      const url = `/api/v1/csv-template?customerId=${tenants.home.customer}`;
      expect((await as("otherCustomerAdmin").get(url)).statusCode).toBe(404);
      expect((await as("foreignPartner").get(url)).statusCode).toBe(404);
      expect((await client(ctx.app).get(url)).statusCode).toBe(404);
      expect(
        (await as("customerAdmin").get("/api/v1/csv-template?customerId=nope")).statusCode,
      ).toBe(404);
    });
  });
});
