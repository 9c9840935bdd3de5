import { CSV_HEADERS, PACKAGES } from "@partner-hub/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { client, useTestApp } from "./setup/test-app.ts";
import { exportCsv, upload, waitForImport } from "./setup/imports.ts";

type Cells = Partial<Record<(typeof CSV_HEADERS)[number], string>>;

/** A CSV file from rows of named cells; absent cells are empty. */
function csv(rows: Cells[], { delimiter = ",", bom = false, headers = [...CSV_HEADERS] } = {}) {
  const quote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    headers.map(quote).join(delimiter),
    ...rows.map((r) => headers.map((h) => quote(r[h] ?? "")).join(delimiter)),
  ];
  return (bom ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}
const pkgCells = (id: string | null): Cells =>
  Object.fromEntries(
    PACKAGES.map((p) => [p.displayName, id === null ? "FALSE" : p.id === id ? "TRUE" : ""]),
  );

describe("CSV import", () => {
  const ctx = useTestApp({ customers: 3, usersOfFirstTwo: 25, usersOfOthers: [2, 3] });
  let customerId: string;
  let locationName: string;
  const admin = () => client(ctx.app, ctx.sessions.customerAdmin);
  const base = () => `/api/v1/customers/${customerId}`;
  const users = () =>
    ctx.database.db.prisma.user.findMany({ where: { customerId }, orderBy: { emailLower: "asc" } });

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
    locationName = (
      await ctx.database.db.prisma.location.findFirstOrThrow({
        where: { customerId },
        orderBy: { name: "asc" },
      })
    ).name;
  });

  it("exports every user and re-imports the export as all unchanged, in both behaviours", async () => {
    const text = await exportCsv(ctx.app, ctx.sessions.customerAdmin, customerId);
    expect(text.startsWith("\uFEFFUser ID/Email (Required),")).toBe(true);
    const count = await ctx.database.db.prisma.user.count({ where: { customerId } });
    expect(text.trim().split("\r\n")).toHaveLength(count + 1);
    for (const behaviour of ["add_and_remove_services", "add_services_only"]) {
      const res = await upload(ctx.app, ctx.sessions.customerAdmin, customerId, text, behaviour);
      expect(res.statusCode, res.body).toBe(201);
      const preview = res.json();
      expect(preview.counts).toEqual({
        add: 0,
        modify: 0,
        remove: 0,
        unchanged: count,
        skipped: 0,
        error: 0,
      });
      expect(preview.status).toBe("previewed");
    }
  });

  it("previews adds, modifies, removals and errors without changing anything, then refuses to apply with errors", async () => {
    const before = await users();
    const [keep, change, drop] = before;
    const file = csv([
      {
        "User ID/Email (Required)": "ny.anvandare@customer.example",
        "First Name": "Åsa",
        "Last Name": "Öberg-Ström",
        ...pkgCells("webex_meetings"),
        "Preferred Webex Site": "fjallbacka-fastigheter-ab.webex.com",
      },
      {
        "User ID/Email (Required)": change!.email,
        "First Name": "Ändrad",
        ...pkgCells(null),
        ...pkgCells(change!.package === "webex_meetings" ? "webex_meetings" : "webex_meetings"),
        "Phone Number": "",
        Extension: "",
        Location: "",
      },
      { "User ID/Email (Required)": drop!.email, ...pkgCells(null) },
      {
        "User ID/Email (Required)": "broken@customer.example",
        ...pkgCells("webex_calling"),
        Location: locationName,
      },
      { "User ID/Email (Required)": keep!.email },
    ]);
    const res = await upload(ctx.app, ctx.sessions.customerAdmin, customerId, file);
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.counts).toMatchObject({ add: 1, modify: 1, remove: 1, error: 1, unchanged: 1 });
    const problem = preview.problemRows.find((r: { rowNumber: number }) => r.rowNumber === 5);
    expect(problem.outcome).toBe("error");
    expect(problem.problems[0]).toMatchObject({ row: 5, code: "calling_number_required" });
    expect(await users()).toEqual(before);

    const refused = await admin().post(`${base()}/imports/${preview.id}/apply`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "import_has_errors",
      detail: expect.stringMatching(/1 row has errors, so nothing was applied/),
    });
    expect(await users()).toEqual(before);

    const applied = await admin().post(`${base()}/imports/${preview.id}/apply`, {
      applyValidRowsOnly: true,
    });
    expect(applied.statusCode, applied.body).toBe(202);
    const done = await waitForImport(ctx.app, ctx.sessions.customerAdmin, customerId, preview.id);
    expect(done).toMatchObject({
      status: "completed",
      appliedRows: 3,
      failedRows: 0,
      processedRows: 3,
      rowsToApply: 3,
    });
    const after = await users();
    expect(after.find((u) => u.emailLower === "ny.anvandare@customer.example")).toMatchObject({
      firstName: "Åsa",
      package: "webex_meetings",
    });
    expect(after.find((u) => u.id === change!.id)).toMatchObject({
      firstName: "Ändrad",
      package: "webex_meetings",
      version: change!.version + 1,
    });
    expect(after.find((u) => u.id === drop!.id)).toBeUndefined();
    expect(after.find((u) => u.emailLower === "broken@customer.example")).toBeUndefined();
    const customer = (await admin().get(base())).json();
    expect(customer.userCount).toBe(before.length);
    // The users list's unfiltered total comes from that count: it must match the rows.
    expect((await admin().get(`${base()}/users?max=1`)).json().total).toBe(after.length);

    const audit = (await admin().get(`${base()}/audit?source=csv_import`)).json();
    expect(
      audit.items.map((e: { action: string; rowNumber: number }) => [e.rowNumber, e.action]).sort(),
    ).toEqual([
      [2, "user.created"],
      [3, expect.stringMatching(/^user\.(updated|package_changed)$/)],
      [4, "user.removed"],
    ]);

    const report = await admin().get(`${base()}/imports/${preview.id}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-disposition"]).toMatch(
      /attachment; filename="users-errors.csv"/,
    );
    const lines = report.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/,Errors$/);
    expect(lines[1]).toMatch(/^broken@customer\.example,.*calling/i);
  });

  it("under Add services only a removal row is skipped with the reason", async () => {
    const [someone] = await users();
    const res = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([{ "User ID/Email (Required)": someone!.email, ...pkgCells(null) }]),
      "add_services_only",
    );
    const preview = res.json();
    expect(preview.counts).toMatchObject({ skipped: 1, remove: 0 });
    expect(preview.problemRows[0].skippedReasons[0]).toMatch(/Add services only/i);
    // The same reason as a code the UI says in its own language, with the English beside it.
    expect(preview.problemRows[0].skipped).toEqual([
      expect.objectContaining({
        code: "csv_removal_skipped",
        message: preview.problemRows[0].skippedReasons[0],
      }),
    ]);
    expect(preview.problemRows[0]).toMatchObject({ applyError: null, applyProblem: null });
    expect(preview.failure).toBeNull();
  });

  it("still reads rows and tasks stored with English prose before reasons were codes", async () => {
    const [someone] = await users();
    const preview = (
      await upload(
        ctx.app,
        ctx.sessions.customerAdmin,
        customerId,
        csv([{ "User ID/Email (Required)": someone!.email, ...pkgCells(null) }]),
        "add_services_only",
      )
    ).json();
    const { prisma } = ctx.database.db;
    await prisma.importRow.updateMany({
      where: { importId: preview.id },
      data: { skipped: ["Old skip words."], applyError: "Old apply words." },
    });
    await prisma.import.update({
      where: { id: preview.id },
      data: { status: "failed", failureReason: "Old failure words." },
    });
    const task = (await admin().get(`${base()}/imports/${preview.id}`)).json();
    expect(task).toMatchObject({
      failureReason: "Old failure words.",
      failure: { code: "stored_text", params: { text: "Old failure words." } },
    });
    const rows = (await admin().get(`${base()}/imports/${preview.id}/rows`)).json();
    expect(rows.items[0]).toMatchObject({
      skippedReasons: ["Old skip words."],
      skipped: [{ code: "stored_text", params: { text: "Old skip words." } }],
      applyError: "Old apply words.",
      applyProblem: { code: "stored_text", message: "Old apply words." },
    });
  });

  it("gives new users all base licences under Add services only, none under Add and remove", async () => {
    const row = (email: string): Cells => ({
      "User ID/Email (Required)": email,
      "First Name": "Li",
      "Last Name": "Cens",
      ...pkgCells("webex_meetings"),
      "Preferred Webex Site": "fjallbacka-fastigheter-ab.webex.com",
    });
    for (const [behaviour, email, expected] of [
      ["add_services_only", "lic.a@customer.example", true],
      ["add_and_remove_services", "lic.b@customer.example", false],
    ] as const) {
      const preview = (
        await upload(ctx.app, ctx.sessions.customerAdmin, customerId, csv([row(email)]), behaviour)
      ).json();
      await admin().post(`${base()}/imports/${preview.id}/apply`, {});
      await waitForImport(ctx.app, ctx.sessions.customerAdmin, customerId, preview.id);
      const u = await ctx.database.db.prisma.user.findFirstOrThrow({
        where: { customerId, emailLower: email },
      });
      expect([u.basicMessaging, u.basicSpaceMeetings, u.callOnWebex]).toEqual([
        expected,
        expected,
        expected,
      ]);
    }
  });

  it("re-validates on apply: a user changed after the preview is judged as it is now", async () => {
    const target = (await users()).find((u) => u.package === "webex_meetings")!;
    const file = csv([
      {
        "User ID/Email (Required)": target.email,
        "First Name": "Förhandsvisad",
        ...pkgCells("webex_meetings"),
      },
    ]);
    const preview = (await upload(ctx.app, ctx.sessions.customerAdmin, customerId, file)).json();
    expect(preview.counts.modify).toBe(1);
    // Someone else makes the same change meanwhile: the row has nothing left to do.
    await ctx.database.db.prisma.user.update({
      where: { id: target.id },
      data: { firstName: "Förhandsvisad", version: { increment: 1 } },
    });
    const applied = (await admin().post(`${base()}/imports/${preview.id}/apply`, {})).json();
    expect(applied.counts).toMatchObject({ modify: 0, unchanged: 1 });
    const done = await waitForImport(ctx.app, ctx.sessions.customerAdmin, customerId, preview.id);
    expect(done.appliedRows).toBe(0);
  });

  it("answers 409 naming the running task when a second upload comes during an import", async () => {
    await ctx.app.importWorker!.stop(); // nothing picks the task up: it stays queued
    const preview = (
      await upload(
        ctx.app,
        ctx.sessions.customerAdmin,
        customerId,
        csv([
          { "User ID/Email (Required)": "queued@customer.example", ...pkgCells("webex_meetings") },
        ]),
        "add_services_only",
        "first.csv",
      )
    ).json();
    expect((await admin().post(`${base()}/imports/${preview.id}/apply`, {})).statusCode).toBe(202);
    const second = await upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      customerId,
      csv([{ "User ID/Email (Required)": "x@customer.example", ...pkgCells("webex_meetings") }]),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: "import_running",
      importId: preview.id,
      detail: expect.stringContaining("first.csv"),
      params: { fileName: "first.csv", startedBy: "admin@customer.example" },
    });
    const list = (await admin().get(`${base()}/imports`)).json();
    expect(list.items[0]).toMatchObject({
      id: preview.id,
      status: "queued",
      createdByEmail: "admin@customer.example",
    });
  });
});

describe("CSV files that cannot be imported are refused with a message, changing nothing", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 3, usersOfOthers: [1, 1] });
  const send = (content: string | Uint8Array, behaviour?: string) =>
    upload(
      ctx.app,
      ctx.sessions.customerAdmin,
      ctx.sessions.customerAdmin.me.customerId!,
      content,
      behaviour,
    );
  const header = CSV_HEADERS.map((h) => (h.includes(",") ? `"${h}"` : h)).join(",");

  it.each([
    ["an empty file", "", /empty/i],
    ["a header only", `${header}\r\n`, /no data rows/i],
    ["a file without the email column", "First Name,Last Name\r\nÅsa,Öberg\r\n", /User ID\/Email/],
    [
      "duplicated columns",
      "User ID/Email (Required),First Name,first name\r\na@b.se,A,B\r\n",
      /more than once|duplicate/i,
    ],
    [
      "binary garbage",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x10]),
      /not a CSV text file|binary/i,
    ],
  ])("%s", async (_name, content, message) => {
    const res = await send(content);
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toMatch(message);
  });

  it("20,001 data rows", async () => {
    const rows = Array.from(
      { length: 20_001 },
      (_, i) => `u${i}@customer.example,,,,,,,,,,,,,,,TRUE,,`,
    );
    const res = await send([header, ...rows].join("\r\n"));
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/20,001 data rows; the limit is 20,000/);
  });

  it("a file over 10 MB", async () => {
    const res = await send("x".repeat(11 * 1024 * 1024));
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/10 MB/);
  });

  it("a missing or unknown behaviour", async () => {
    const res = await send(`${header}\r\na@customer.example\r\n`, "add_everything");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: "behaviour",
      message: expect.stringMatching(/add_services_only/),
    });
  });

  it("decodes a Windows-1252 file with Swedish letters instead of mangling them", async () => {
    const text = `User ID/Email (Required);First Name;Webex Meetings\r\nasa@customer.example;\xc5sa;TRUE\r\n`;
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const res = await send(bytes);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().encoding).toBe("windows-1252");
    const rows = (
      await client(ctx.app, ctx.sessions.customerAdmin).get(
        `/api/v1/customers/${ctx.sessions.customerAdmin.me.customerId}/imports/${res.json().id}`,
      )
    ).json();
    expect(rows.warnings.map((w: { message: string }) => w.message).join(" ")).toMatch(
      /Windows-1252/i,
    );
  });

  it("reads a UTF-16 file", async () => {
    const text = `\uFEFFUser ID/Email (Required)\tFirst Name`;
    void text;
    const csvText =
      "User ID/Email (Required),First Name,Webex Meetings\r\nutf16@customer.example,Örjan,TRUE\r\n";
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText, "utf16le")]);
    const res = await send(new Uint8Array(body));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      encoding: "utf-16le",
      counts: expect.objectContaining({ add: 1 }),
    });
  });

  it("the read-only partner cannot upload", async () => {
    const res = await upload(
      ctx.app,
      ctx.sessions.partnerReadonly,
      ctx.sessions.customerAdmin.me.customerId!,
      `${header}\r\na@b.se\r\n`,
    );
    expect(res.statusCode).toBe(403);
  });
});
