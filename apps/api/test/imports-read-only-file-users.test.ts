import { CSV_HEADERS, PACKAGES } from "@partner-hub/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "./setup/test-app.ts";
import { upload } from "./setup/imports.ts";

// An import reads only the users its file names and those holding the numbers it claims, not
// the whole customer (docs/performance.md). These are the answers that depend on a user the
// file does not name, or names in another spelling: they must be what the whole customer gives.

type Cells = Partial<Record<(typeof CSV_HEADERS)[number], string>>;
function csv(rows: Cells[]) {
  const quote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [
    CSV_HEADERS.map(quote).join(","),
    ...rows.map((r) => CSV_HEADERS.map((h) => quote(r[h] ?? "")).join(",")),
  ].join("\r\n");
}
const pkgCells = (id: string | null): Cells =>
  Object.fromEntries(
    PACKAGES.map((p) => [p.displayName, id === null ? "FALSE" : p.id === id ? "TRUE" : ""]),
  );
type Problem = { code: string; params?: Record<string, unknown> };
type ProblemRow = { rowNumber: number; outcome: string; problems: Problem[] };

describe("CSV import against users the file does not name", () => {
  const ctx = useTestApp({ customers: 1, usersOfFirstTwo: 25, usersOfOthers: [2, 3] });
  let customerId: string;
  let location: { id: string; name: string };
  let holder: { email: string; emailLower: string; phoneNumber: string; extension: string };
  let other: { email: string; emailLower: string; phoneNumber: string };

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
    const prisma = ctx.database.db.prisma;
    location = await prisma.location.findFirstOrThrow({
      where: { customerId },
      orderBy: { name: "asc" },
    });
    // Two users with numbers of their own, neither named in the files below.
    const users = await prisma.user.findMany({ where: { customerId }, orderBy: { email: "asc" } });
    const [a, b] = users;
    await prisma.user.update({
      where: { id: a!.id },
      data: {
        package: "webex_calling",
        phoneNumber: "+46812345601",
        extension: "4501",
        locationId: location.id,
      },
    });
    await prisma.user.update({
      where: { id: b!.id },
      data: {
        package: "webex_calling",
        phoneNumber: "+46812345602",
        extension: "4502",
        locationId: location.id,
      },
    });
    holder = {
      email: a!.email,
      emailLower: a!.emailLower,
      phoneNumber: "+46812345601",
      extension: "4501",
    };
    other = { email: b!.email, emailLower: b!.emailLower, phoneNumber: "+46812345602" };
  });

  const problemsOf = (rows: ProblemRow[], rowNumber: number) =>
    rows.find((r) => r.rowNumber === rowNumber)?.problems.map((p) => p.code) ?? [];

  it("refuses a number or extension another user holds, however the file writes it", async () => {
    const file = csv([
      {
        "User ID/Email (Required)": "ny.ett@customer.example",
        ...pkgCells("webex_calling"),
        // Without the + a spreadsheet strips: read as +46812345601, the holder's number.
        "Phone Number": "46812345601",
        Location: location.name,
      },
      {
        "User ID/Email (Required)": "ny.tva@customer.example",
        ...pkgCells("webex_calling"),
        "Phone Number": "+46812345699",
        Extension: ` ${holder.extension} `,
        Location: location.name,
      },
    ]);
    const res = await upload(ctx.app, ctx.sessions.customerAdmin, customerId, file);
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.counts).toMatchObject({ add: 0, error: 2 });
    const rows = preview.problemRows as ProblemRow[];
    expect(problemsOf(rows, 2)).toContain("phone_taken");
    expect(problemsOf(rows, 3)).toContain("extension_taken");
    const taken = rows
      .find((r) => r.rowNumber === 2)!
      .problems.find((p) => p.code === "phone_taken");
    expect(taken?.params).toMatchObject({ heldBy: holder.emailLower });
  });

  it("finds a user written in another case and with spaces, and frees a number its row gives up", async () => {
    const file = csv([
      {
        // The holder, in capitals and padded: a modification, not a new user, giving up the number.
        "User ID/Email (Required)": `  ${holder.email.toUpperCase()} `,
        ...pkgCells("webex_meetings"),
      },
      {
        "User ID/Email (Required)": "ny.tre@customer.example",
        ...pkgCells("webex_calling"),
        "Phone Number": holder.phoneNumber,
        Location: location.name,
      },
      {
        // Still held by a user the file does not name.
        "User ID/Email (Required)": "ny.fyra@customer.example",
        ...pkgCells("webex_calling"),
        "Phone Number": other.phoneNumber,
        Location: location.name,
      },
    ]);
    const res = await upload(ctx.app, ctx.sessions.customerAdmin, customerId, file);
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.counts).toMatchObject({ modify: 1, add: 1, error: 1 });
    const rows = preview.problemRows as ProblemRow[];
    expect(problemsOf(rows, 3)).not.toContain("phone_taken");
    expect(problemsOf(rows, 4)).toContain("phone_taken");
  });
});
