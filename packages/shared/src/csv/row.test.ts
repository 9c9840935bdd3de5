import { describe, expect, it } from "vitest";
import { readUserRow } from "./row.ts";
import { parseOk } from "./test-support.ts";

/** Reads the data rows of a small file. */
function read(text: string) {
  const parsed = parseOk(text);
  return parsed.rows.map((row) => readUserRow(row, parsed.columns));
}

const HEADER =
  "User ID/Email (Required),First Name,Last Name,Phone Number,Extension,Location,Basic Messaging,Webex Calling,Webex Suite";

describe("readUserRow", () => {
  it("reads a full row into typed values, keeping the email's case and a lower-cased key", () => {
    const [row] = read(
      `${HEADER}\n Anna.Svensson@Example.COM ,Anna,Svensson,+46 8 123 456 78,1001,Stockholm,TRUE,true,false\n`,
    );
    expect(row).toEqual({
      rowNumber: 2,
      emailKey: "anna.svensson@example.com",
      problems: [],
      value: {
        rowNumber: 2,
        email: "Anna.Svensson@Example.COM",
        emailKey: "anna.svensson@example.com",
        firstName: "Anna",
        lastName: "Svensson",
        displayName: undefined,
        phoneNumber: "+46812345678",
        extension: "1001",
        location: "Stockholm",
        preferredWebexSite: undefined,
        baseLicences: { basic_messaging: true },
        packages: { webex_calling: true, webex_suite: false },
      },
    });
  });

  it("leaves empty cells, missing columns and cells missing from a short row undefined", () => {
    const [row] = read(`${HEADER}\na@x.se,,Berg\n`);
    expect(row?.value).toMatchObject({
      firstName: undefined,
      lastName: "Berg",
      phoneNumber: undefined,
      packages: {},
    });
    expect(row?.value?.baseLicences).toEqual({});
  });

  it("accepts Swedish Excel's SANT and FALSKT", () => {
    const [row] = read(`${HEADER}\na@x.se,,,,,,falskt,SANT,FALSKT\n`);
    expect(row?.value?.baseLicences).toEqual({ basic_messaging: false });
    expect(row?.value?.packages).toEqual({ webex_calling: true, webex_suite: false });
  });

  it("reports a cell that is not TRUE, FALSE or empty on its row and column", () => {
    const [row] = read(`${HEADER}\na@x.se,,,,,,TRUE,yes,\n`);
    expect(row?.value).toBeUndefined();
    expect(row?.emailKey).toBe("a@x.se");
    expect(row?.problems).toEqual([
      {
        code: "csv_invalid_flag",
        message: 'Expected TRUE, FALSE or empty, found "yes".',
        row: 2,
        column: "Webex Calling",
        severity: "error",
      },
    ]);
  });

  it("refuses a formula in a name", () => {
    const [row] = read(`${HEADER}\na@x.se,"=HYPERLINK(""http://evil"",""x"")",Berg\n`);
    expect(row?.problems).toEqual([
      {
        code: "csv_formula_not_allowed",
        message:
          'First Name starts with "=", so a spreadsheet treats it as a formula ("=HYPERLINK("http://evil","x")"). We do not import formulas: type the plain text instead.',
        row: 2,
        column: "First Name",
        severity: "error",
      },
    ]);
  });

  it("undoes the export's protection: '+46… and '-Anna come back as written", () => {
    const [row] = read(`${HEADER}\na@x.se,'-Anna,'=Berg,'+46812345678\n`);
    expect(row?.problems).toEqual([]);
    expect(row?.value).toMatchObject({
      firstName: "-Anna",
      lastName: "=Berg",
      phoneNumber: "+46812345678",
    });
  });

  it("puts back a + the spreadsheet stripped, with a warning", () => {
    const [row] = read(`${HEADER}\na@x.se,,,46812345678\n`);
    expect(row?.value?.phoneNumber).toBe("+46812345678");
    expect(row?.problems).toEqual([
      {
        code: "phone_plus_restored",
        message:
          '"46812345678" has no leading +, so it was read as +46812345678. Check that this is the right number.',
        row: 2,
        column: "Phone Number",
        severity: "warning",
        params: { value: "46812345678", e164: "+46812345678" },
      },
    ]);
  });

  it("refuses an invalid phone number and extension with the rules module's messages", () => {
    const [row] = read(`${HEADER}\na@x.se,,,4.68123E+10,12a\n`);
    expect(row?.problems.map((p) => [p.column, p.message])).toEqual([
      [
        "Phone Number",
        '"4.68123E+10" is not a valid phone number. Use international format, e.g. +46 8 123 456 78.',
      ],
      ["Extension", '"12a" is not a valid extension. Use 2 to 10 digits, e.g. 1234.'],
    ]);
  });

  it("refuses a missing or invalid email on the email column", () => {
    const rows = read(`${HEADER}\n,Anna\nanna(at)x.se,Anna\n`);
    expect(rows.map((r) => r.problems)).toEqual([
      [
        {
          code: "csv_email_missing",
          message:
            "The email address is missing. Every row needs the user's email in User ID/Email (Required).",
          row: 2,
          column: "User ID/Email (Required)",
          severity: "error",
        },
      ],
      [
        {
          code: "csv_email_invalid",
          message: '"anna(at)x.se" is not a valid email address.',
          row: 3,
          column: "User ID/Email (Required)",
          severity: "error",
        },
      ],
    ]);
  });

  it("carries the parser's row error", () => {
    const [row] = read(`${HEADER}\na@x.se,Berg, Jr,B,,,,,TRUE,FALSE\n`);
    expect(row?.problems.map((p) => p.code)).toEqual(["csv_too_many_cells"]);
    expect(row?.value).toBeUndefined();
  });

  it("refuses a name longer than the limit", () => {
    const [row] = read(`${HEADER}\na@x.se,${"A".repeat(101)}\n`);
    expect(row?.problems.map((p) => p.message)).toEqual([
      "First Name is 101 characters long; at most 100 are allowed.",
    ]);
  });
});
