import { describe, expect, it } from "vitest";
import { CSV_HEADERS, matchHeaders } from "./columns.ts";

describe("CSV columns", () => {
  it("lists the columns in export order, licences and packages from the catalogue", () => {
    expect(CSV_HEADERS).toEqual([
      "User ID/Email (Required)",
      "First Name",
      "Last Name",
      "Display Name",
      "Phone Number",
      "Extension",
      "Location",
      "Preferred Webex Site",
      "User Status",
      "Basic Messaging",
      "Basic Space Meetings",
      "Call on Webex (1:1 call, non-PSTN)",
      "Webex Calling",
      "Webex Voice",
      "Webex Suite",
      "Webex Meetings",
      "Webex Calling Standard",
      "Customer Assist",
    ]);
  });

  it("matches headers ignoring case, surrounding spaces, order and a BOM", () => {
    const match = matchHeaders(["\uFEFF  webex suite ", "USER ID/EMAIL (REQUIRED)", " first name"]);
    expect(match.errors).toEqual([]);
    expect(match.warnings).toEqual([]);
    expect(match.columns.get("package:webex_suite")).toBe(0);
    expect(match.columns.get("email")).toBe(1);
    expect(match.columns.get("firstName")).toBe(2);
  });

  it("warns about an unknown column and ignores it", () => {
    const match = matchHeaders(["User ID/Email (Required)", "Department"]);
    expect(match.errors).toEqual([]);
    expect(match.columns.size).toBe(1);
    expect(match.warnings).toEqual([
      {
        code: "csv_unknown_column",
        message:
          'The column "Department" is not one we know, so it is ignored. Check the spelling against the template if it should be imported.',
        row: 1,
        column: "Department",
        severity: "warning",
      },
    ]);
  });

  it("refuses a duplicated column, also when spelled differently", () => {
    const match = matchHeaders(["User ID/Email (Required)", "First Name", "first name "]);
    expect(match.errors.map((e) => e.message)).toEqual([
      'The column "First Name" appears more than once (columns 2 and 3). Keep one and delete the other.',
    ]);
  });

  it("refuses a file without the email column", () => {
    const match = matchHeaders(["First Name", "Webex Calling"]);
    expect(match.errors).toEqual([
      {
        code: "csv_missing_email_column",
        message:
          'The file has no "User ID/Email (Required)" column. Every row needs the user\'s email address: start from the template or an export.',
        row: 1,
        column: "User ID/Email (Required)",
        severity: "error",
      },
    ]);
  });

  it("accepts the short forms of the email header", () => {
    expect(matchHeaders(["Email"]).columns.get("email")).toBe(0);
    expect(matchHeaders(["user id/email"]).columns.get("email")).toBe(0);
  });
});
