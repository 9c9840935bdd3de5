import { CSV_HEADERS, PACKAGES, type ImportRowResult } from "@partner-hub/shared";
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "../src/generated/prisma/client.ts";
import { startImportWorker } from "../src/modules/imports/import-worker.ts";
import { upload, waitForImport } from "./setup/imports.ts";
import { multipart } from "./setup/multipart.ts";
import { client, useTestApp } from "./setup/test-app.ts";

type Cells = Partial<Record<(typeof CSV_HEADERS)[number], string>>;

function csv(rows: Cells[]) {
  const quote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [
    CSV_HEADERS.map(quote).join(","),
    ...rows.map((r) => CSV_HEADERS.map((h) => quote(r[h] ?? "")).join(",")),
  ].join("\r\n");
}
const everyPackageFalse: Cells = Object.fromEntries(PACKAGES.map((p) => [p.displayName, "FALSE"]));
const flag = (v: boolean) => (v ? "TRUE" : "FALSE");

/**
 * The preview is the plan (spec §6): every row stored at preview with who it is about and what it
 * changes, readable by outcome and search; Cancel discards it; an unapplied preview expires after
 * 24 hours; an identical file whose preview is open is offered back instead of a second one.
 */
describe("the import preview is the plan", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 25, usersOfOthers: [2, 3] });
  let customerId: string;
  let people: User[];
  const admin = () => client(ctx.app, ctx.sessions.customerAdmin);
  const base = () => `/api/v1/customers/${customerId}`;
  const rowsOf = async (importId: string, query = "") => {
    const res = await admin().get(`${base()}/imports/${importId}/rows?max=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ImportRowResult[]; total: number }>();
  };

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
    people = await ctx.database.db.prisma.user.findMany({
      where: { customerId },
      orderBy: { emailLower: "asc" },
    });
  });

  /** 1 add, 3 modifications, 2 removals, 1 unchanged, 1 error (rows 2–9). */
  const planFile = () => {
    const [renamed, licensed, displayed, gone1, gone2, same] = people;
    return csv([
      {
        "User ID/Email (Required)": "plan.ny@customer.example",
        "First Name": "Åsa",
        "Last Name": "Öberg-Ström",
        "Webex Meetings": "TRUE",
        "Preferred Webex Site": "customer.webex.com",
      },
      { "User ID/Email (Required)": renamed!.email, "First Name": "Ändrad", "Last Name": "Namn" },
      {
        "User ID/Email (Required)": licensed!.email,
        "Basic Messaging": flag(!licensed!.basicMessaging),
      },
      { "User ID/Email (Required)": displayed!.email, "Display Name": "Visas Annorlunda" },
      { "User ID/Email (Required)": gone1!.email, ...everyPackageFalse },
      { "User ID/Email (Required)": gone2!.email, ...everyPackageFalse },
      { "User ID/Email (Required)": same!.email },
      { "User ID/Email (Required)": "no.package@customer.example", "First Name": "Utan" },
    ]);
  };

  it("stores every row at preview with its outcome, who it is about and each change before → after", async () => {
    const [renamed, licensed, displayed, gone1, gone2, same] = people;
    const res = await upload(ctx.app, ctx.sessions.customerAdmin, customerId, planFile());
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.counts).toEqual({
      add: 1,
      modify: 3,
      remove: 2,
      unchanged: 1,
      skipped: 0,
      error: 1,
    });

    const all = await rowsOf(preview.id);
    expect(all.total).toBe(8);
    expect(all.items.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);

    const added = await rowsOf(preview.id, "&outcome=add");
    expect(added.items).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        email: "plan.ny@customer.example",
        name: "Åsa Öberg-Ström",
        package: "webex_meetings",
        changes: [],
        applied: false,
      }),
    ]);

    const modified = await rowsOf(preview.id, "&outcome=modify");
    expect(modified.total).toBe(3);
    const [first, second, third] = modified.items;
    expect(first).toMatchObject({
      rowNumber: 3,
      email: renamed!.email,
      name: renamed!.displayName,
    });
    expect(first!.changes).toEqual([
      { field: "firstName", before: renamed!.firstName, after: "Ändrad" },
      { field: "lastName", before: renamed!.lastName, after: "Namn" },
    ]);
    expect(second!.changes).toEqual([
      {
        field: "baseLicences.basic_messaging",
        before: licensed!.basicMessaging,
        after: !licensed!.basicMessaging,
      },
    ]);
    expect(third!.changes).toEqual([
      { field: "displayName", before: displayed!.displayName, after: "Visas Annorlunda" },
    ]);

    const removed = await rowsOf(preview.id, "&outcome=remove");
    expect(
      removed.items.map(({ email, name, package: pkg, changes }) => ({
        email,
        name,
        pkg,
        changes,
      })),
    ).toEqual(
      [gone1!, gone2!].map((u) => ({
        email: u.email,
        name: u.displayName,
        pkg: u.package,
        changes: [],
      })),
    );

    const unchanged = await rowsOf(preview.id, "&outcome=unchanged");
    expect(unchanged.items).toEqual([
      expect.objectContaining({ email: same!.email, name: same!.displayName, changes: [] }),
    ]);

    const errors = await rowsOf(preview.id, "&outcome=error");
    expect(errors.items).toEqual([
      expect.objectContaining({
        rowNumber: 9,
        email: "no.package@customer.example",
        problems: [expect.objectContaining({ code: "csv_new_user_without_package", row: 9 })],
      }),
    ]);

    // Search by part of an email or a name, case-insensitively, within an outcome too.
    const byName = await rowsOf(preview.id, `&search=${encodeURIComponent("ÄNDRAD")}`);
    expect(byName.total).toBe(0); // the name searched is who the row is about now
    const byRenamed = await rowsOf(
      preview.id,
      `&search=${encodeURIComponent(renamed!.displayName.toUpperCase())}`,
    );
    expect(byRenamed.items.map((r) => r.rowNumber)).toContain(3);
    const byEmail = await rowsOf(
      preview.id,
      `&outcome=remove&search=${encodeURIComponent(gone2!.email.slice(0, 12))}`,
    );
    expect(byEmail.items.map((r) => r.email)).toContain(gone2!.email);
    expect(byEmail.items.every((r) => r.outcome === "remove")).toBe(true);

    // Reading the preview again (a reload of its URL) gives the same plan.
    const again = await admin().get(`${base()}/imports/${preview.id}`);
    expect(again.json()).toMatchObject({ status: "previewed", counts: preview.counts });

    // Apply answers with the counts of the plan it applies.
    const applied = await admin().post(`${base()}/imports/${preview.id}/apply`, {
      applyValidRowsOnly: true,
    });
    expect(applied.statusCode, applied.body).toBe(202);
    expect(applied.json()).toMatchObject({
      status: "queued",
      counts: preview.counts,
      rowsToApply: 6,
    });
    const done = await waitForImport(ctx.app, ctx.sessions.customerAdmin, customerId, preview.id);
    expect(done).toMatchObject({ status: "completed", appliedRows: 6 });
    // The rows keep who they were about after the task ran.
    const after = await rowsOf(preview.id, "&outcome=remove");
    expect(after.items.map((r) => [r.name, r.applied])).toEqual([
      [gone1!.displayName, true],
      [gone2!.displayName, true],
    ]);
  });

  it("says why a row is skipped under Add services only, as a code with params", async () => {
    const [, , , , , , , keeper] = people;
    const res = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([{ "User ID/Email (Required)": keeper!.email, ...everyPackageFalse }]),
      "add_services_only",
    );
    expect(res.statusCode, res.body).toBe(201);
    const skipped = await rowsOf(res.json().id, "&outcome=skipped");
    expect(skipped.items).toEqual([
      expect.objectContaining({
        email: keeper!.email,
        name: keeper!.displayName,
        package: keeper!.package,
        skipped: [expect.objectContaining({ code: "csv_removal_skipped" })],
      }),
    ]);
    await admin().raw({ method: "DELETE", url: `${base()}/imports/${res.json().id}` });
  });

  it("marks both rows of a phone number or extension given twice in the file, each naming the other", async () => {
    const location = await ctx.database.db.prisma.location.findFirstOrThrow({
      where: { customerId },
    });
    const calling = (email: string, phone: string, extension: string): Cells => ({
      "User ID/Email (Required)": email,
      "Phone Number": phone,
      Extension: extension,
      Location: location.name,
      "Webex Calling": "TRUE",
    });
    const res = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([
        calling("twice.a@customer.example", "+46855599101", "77101"),
        calling("twice.b@customer.example", "+46855599101", "77102"),
        calling("twice.c@customer.example", "+46855599103", "77101"),
      ]),
      "add_and_remove_services",
    );
    expect(res.statusCode, res.body).toBe(201);
    const { items } = await rowsOf(res.json().id);
    const taken = (row: ImportRowResult) =>
      row.problems.map((p) => [p.code, p.column, p.params?.heldByRow]);
    expect(items.map((r) => [r.rowNumber, r.outcome, taken(r)])).toEqual([
      [
        2,
        "error",
        [
          ["phone_taken", "Phone Number", 3],
          ["extension_taken", "Extension", 4],
        ],
      ],
      [3, "error", [["phone_taken", "Phone Number", 2]]],
      [4, "error", [["extension_taken", "Extension", 2]]],
    ]);
    await admin().raw({ method: "DELETE", url: `${base()}/imports/${res.json().id}` });
  });

  it("offers the open preview of an identical file instead of making another, when asked to", async () => {
    const text = csv([{ "User ID/Email (Required)": people[10]!.email, "First Name": "Samma" }]);
    const send = (fields: Record<string, string>, filename = "users.csv") => {
      const body = multipart(fields, { filename, content: text });
      return admin().raw({
        method: "POST",
        url: `${base()}/imports`,
        payload: body.payload,
        headers: body.headers,
      });
    };
    const refuse = { behaviour: "add_and_remove_services", ifPreviewOpen: "refuse" };
    const first = await send(refuse);
    expect(first.statusCode, first.body).toBe(201);
    const again = await send(refuse, "renamed.csv");
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: "import_preview_exists",
      importId: first.json().id,
      params: { fileName: "users.csv", uploadedBy: "admin@customer.example" },
    });
    // The other behaviour is another plan; without ifPreviewOpen=refuse a new preview is made.
    const other = await send({ behaviour: "add_services_only", ifPreviewOpen: "refuse" });
    expect(other.statusCode).toBe(201);
    const anyway = await send({ behaviour: "add_and_remove_services" });
    expect(anyway.statusCode, anyway.body).toBe(201);
    // Once those previews are discarded, the file uploads as new.
    for (const id of [first.json().id, other.json().id, anyway.json().id]) {
      const discarded = await admin().raw({ method: "DELETE", url: `${base()}/imports/${id}` });
      expect(discarded.statusCode).toBe(204);
    }
    const fresh = await send(refuse);
    expect(fresh.statusCode).toBe(201);
    await admin().raw({ method: "DELETE", url: `${base()}/imports/${fresh.json().id}` });
  });

  it("Cancel discards a preview: gone from the list, its file and rows removed; an applied import cannot be", async () => {
    const res = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([{ "User ID/Email (Required)": people[11]!.email, "First Name": "Avbruten" }]),
    );
    const id = res.json().id as string;
    const previews = await admin().get(`${base()}/imports?kind=previews`);
    expect(previews.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const tasks = await admin().get(`${base()}/imports?kind=tasks`);
    expect(tasks.json().items.every((i: { status: string }) => i.status !== "previewed")).toBe(
      true,
    );

    const discarded = await admin().raw({ method: "DELETE", url: `${base()}/imports/${id}` });
    expect(discarded.statusCode, discarded.body).toBe(204);
    expect((await admin().get(`${base()}/imports/${id}`)).json().status).toBe("discarded");
    const listed = await admin().get(`${base()}/imports?max=100`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await rowsOf(id)).total).toBe(0);
    const stored = await ctx.database.db.prisma.import.findUniqueOrThrow({ where: { id } });
    expect(stored.fileText).toBe("");
    // Twice is fine; applying it afterwards is not.
    expect(
      (await admin().raw({ method: "DELETE", url: `${base()}/imports/${id}` })).statusCode,
    ).toBe(204);
    const apply = await admin().post(`${base()}/imports/${id}/apply`, {});
    expect(apply.statusCode).toBe(409);

    const ran = await ctx.database.db.prisma.import.findFirstOrThrow({
      where: { customerId, status: "completed" },
    });
    const refused = await admin().raw({ method: "DELETE", url: `${base()}/imports/${ran.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("import_not_discardable");
  });

  it("a preview left unapplied for 24 hours expires: the worker removes its file and rows", async () => {
    const res = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([{ "User ID/Email (Required)": people[12]!.email, "First Name": "Gammal" }]),
    );
    const id = res.json().id as string;
    const { createdAt } = await ctx.database.db.prisma.import.findUniqueOrThrow({ where: { id } });
    let clock = new Date(createdAt.getTime() + 23 * 60 * 60 * 1000);
    const worker = startImportWorker(ctx.database.db, {
      pollMs: 60_000,
      expireEveryMs: 0,
      now: () => clock,
    });
    try {
      await worker.idle();
      expect((await admin().get(`${base()}/imports/${id}`)).json().status).toBe("previewed");
      expect((await rowsOf(id)).total).toBe(1);

      clock = new Date(createdAt.getTime() + 24 * 60 * 60 * 1000 + 1000);
      worker.kick();
      await worker.idle();
      const expired = (await admin().get(`${base()}/imports/${id}`)).json();
      expect(expired).toMatchObject({
        status: "discarded",
        failure: { code: "import_preview_expired" },
      });
      expect((await rowsOf(id)).total).toBe(0);
      const stored = await ctx.database.db.prisma.import.findUniqueOrThrow({ where: { id } });
      expect(stored.fileText).toBe("");
      const listed = await admin().get(`${base()}/imports?max=100`);
      expect(listed.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    } finally {
      await worker.stop();
    }
  });

  it("a preview past its 24 hours is not applied, even before the worker has expired it", async () => {
    const person = people[14]!;
    const res = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([{ "User ID/Email (Required)": person.email, "First Name": "Försenad" }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    // A minute past its expiry: the worker, which looks about once a minute, may not have seen it.
    await ctx.database.db.prisma.import.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 24 * 60 * 60 * 1000 - 60_000) },
    });

    const refused = await admin().post(`${base()}/imports/${id}/apply`, {});
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json()).toMatchObject({
      status: 409,
      code: "import_preview_expired",
      detail: expect.stringMatching(/not applied within 24 hours/),
    });
    const after = await ctx.database.db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after).toEqual(person);
    // It is expired now, as the worker would have done: the page says so, its rows are gone, and
    // asking again gives the same answer.
    expect((await admin().get(`${base()}/imports/${id}`)).json()).toMatchObject({
      status: "discarded",
      failure: { code: "import_preview_expired" },
    });
    expect((await rowsOf(id)).total).toBe(0);
    const again = await admin().post(`${base()}/imports/${id}/apply`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("import_preview_expired");
    expect(
      await ctx.database.db.prisma.user.findUniqueOrThrow({ where: { id: person.id } }),
    ).toEqual(person);
  });

  it("a preview a little short of 24 hours old is still applied", async () => {
    const person = people[15]!;
    const res = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([{ "User ID/Email (Required)": person.email, "First Name": "Itid" }]),
    );
    const id = res.json().id as string;
    await ctx.database.db.prisma.import.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 23 * 60 * 60 * 1000) },
    });
    const applied = await admin().post(`${base()}/imports/${id}/apply`, {});
    expect(applied.statusCode, applied.body).toBe(202);
    await waitForImport(ctx.app, ctx.sessions.customerAdmin, customerId, id);
    const after = await ctx.database.db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.firstName).toBe("Itid");
  });

  it("another organisation can neither read a preview's plan nor discard it", async () => {
    const res = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([{ "User ID/Email (Required)": people[13]!.email, "First Name": "Hemlig" }]),
    );
    const id = res.json().id as string;
    const other = client(ctx.app, ctx.sessions.otherCustomerAdmin);
    const rows = await other.get(`${base()}/imports/${id}/rows`);
    expect(rows.statusCode).toBe(404);
    const discard = await other.raw({ method: "DELETE", url: `${base()}/imports/${id}` });
    expect(discard.statusCode).toBe(404);
    // Through the other organisation's own customer the import does not exist either.
    const otherBase = `/api/v1/customers/${ctx.sessions.otherCustomerAdmin.me.customerId}`;
    expect((await other.get(`${otherBase}/imports/${id}/rows`)).statusCode).toBe(404);
    expect(
      (await other.raw({ method: "DELETE", url: `${otherBase}/imports/${id}` })).statusCode,
    ).toBe(404);
    // A read-only partner administrator reads it but cannot discard it.
    const readonly = client(ctx.app, ctx.sessions.partnerReadonly);
    expect((await readonly.get(`${base()}/imports/${id}/rows`)).statusCode).toBe(200);
    expect(
      (await readonly.raw({ method: "DELETE", url: `${base()}/imports/${id}` })).statusCode,
    ).toBe(403);
    expect((await admin().get(`${base()}/imports/${id}`)).json().status).toBe("previewed");
  });
});
