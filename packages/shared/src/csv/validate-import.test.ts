import { describe, expect, it } from "vitest";
import type { PackageQuota } from "../rules/batch-rules.ts";
import { csvText, existingUser, parseOk, snapshotOf } from "./test-support.ts";
import { type ImportContext, validateImport } from "./validate-import.ts";

const EMAIL = "User ID/Email (Required)";
const HEADERS = [
  EMAIL,
  "First Name",
  "Phone Number",
  "Extension",
  "Location",
  "Preferred Webex Site",
  "Webex Calling",
  "Webex Meetings",
];
const LOCATIONS = [
  { id: "loc-sthlm", name: "Stockholm" },
  { id: "loc-gbg", name: "Göteborg" },
];
const plenty: PackageQuota[] = [
  { package: "webex_calling", maxUsers: 100, assignedUsers: 1 },
  { package: "webex_meetings", maxUsers: 100, assignedUsers: 0 },
];
const context: ImportContext = { locations: LOCATIONS, quotas: plenty };
const anna = existingUser({
  email: "anna@kund.se",
  phoneNumber: "+46812345678",
  extension: "1001",
  locationName: "Stockholm",
});

function run(rows: string[][], ctx: ImportContext = context) {
  return validateImport(
    parseOk(csvText(HEADERS, rows)),
    "add_and_remove_services",
    snapshotOf([anna]),
    ctx,
  );
}

describe("validateImport with the customer's context", () => {
  it("lets a complete calling user through", () => {
    const { rows, counts } = run([
      ["bo@kund.se", "Bo", "+46812345679", "1002", "göteborg", "", "TRUE", ""],
    ]);
    expect(counts.add).toBe(1);
    expect(rows[0]?.problems).toEqual([]);
  });

  it("refuses a calling user without number, naming the Phone Number column", () => {
    const { rows } = run([["bo@kund.se", "Bo", "", "", "Stockholm", "", "TRUE", ""]]);
    expect(rows[0]?.outcome).toBe("error");
    expect(rows[0]?.problems).toEqual([
      expect.objectContaining({
        code: "calling_number_required",
        message:
          "Webex Calling includes calling, so the user needs a phone number, an extension, or both.",
        row: 2,
        column: "Phone Number",
        severity: "error",
      }),
    ]);
  });

  it("refuses an unknown location on the Location column", () => {
    const { rows } = run([["bo@kund.se", "Bo", "+46812345679", "", "Malmö", "", "TRUE", ""]]);
    expect(rows[0]?.problems.map((p) => [p.column, p.message])).toEqual([
      [
        "Location",
        'This customer has no location named "Malmö". Use the name of one of the customer\'s locations.',
      ],
    ]);
  });

  it("defaults the location when the customer has only one, and shows it as a change", () => {
    const { rows } = run([["bo@kund.se", "Bo", "+46812345679", "", "", "", "TRUE", ""]], {
      ...context,
      locations: [LOCATIONS[0]!],
    });
    expect(rows[0]?.outcome).toBe("add");
    expect(rows[0]?.target?.locationName).toBe("Stockholm");
    expect(rows[0]?.changes).toContainEqual({
      field: "locationName",
      column: "Location",
      before: null,
      after: "Stockholm",
    });
  });

  it("refuses a phone number someone else has, and an extension taken at the location", () => {
    const { rows } = run([
      ["bo@kund.se", "Bo", "+46812345678", "1001", "Stockholm", "", "TRUE", ""],
    ]);
    expect(rows[0]?.problems.map((p) => [p.column, p.message])).toEqual([
      [
        "Phone Number",
        "+46812345678 is already used by anna@kund.se. Phone numbers must be unique within the customer.",
      ],
      [
        "Extension",
        "Extension 1001 at location Stockholm is already used by anna@kund.se. Extensions must be unique within a location.",
      ],
    ]);
  });

  it("lets a number move to a new user from a user the same file removes", () => {
    const packages = [
      "Webex Calling",
      "Webex Voice",
      "Webex Suite",
      "Webex Meetings",
      "Webex Calling Standard",
      "Customer Assist",
    ];
    const text = csvText(
      [EMAIL, "Phone Number", "Location", ...packages],
      [
        ["anna@kund.se", "", "", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE", "FALSE"],
        ["bo@kund.se", "+46812345678", "Stockholm", "TRUE", "", "", "", "", ""],
      ],
    );
    const { rows, counts } = validateImport(
      parseOk(text),
      "add_and_remove_services",
      snapshotOf([anna]),
      context,
    );
    expect(counts).toMatchObject({ remove: 1, add: 1, error: 0 });
    expect(rows[1]?.problems).toEqual([]);
  });

  it("marks both rows of a phone number or extension given twice in the file, as for emails", () => {
    const { rows, counts } = run([
      ["bo@kund.se", "Bo", "+46812345679", "2001", "Stockholm", "", "TRUE", ""],
      ["cia@kund.se", "Cia", "+46812345679", "2002", "Stockholm", "", "TRUE", ""],
      ["dan@kund.se", "Dan", "+46812345670", "2001", "Stockholm", "", "TRUE", ""],
      // The same extension at another location is fine.
      ["eva@kund.se", "Eva", "+46812345671", "2002", "Göteborg", "", "TRUE", ""],
    ]);
    expect(counts).toMatchObject({ add: 1, error: 3 });
    const seen = rows.map((r) => r.problems.map((p) => [p.code, p.column, p.params?.heldByRow]));
    expect(seen).toEqual([
      [
        ["phone_taken", "Phone Number", 3],
        ["extension_taken", "Extension", 4],
      ],
      [["phone_taken", "Phone Number", 2]],
      [["extension_taken", "Extension", 2]],
      [],
    ]);
    expect(rows[0]?.problems[0]?.message).toBe(
      "+46812345679 is also given to cia@kund.se in row 3 of this request. Phone numbers must be unique within the customer.",
    );
  });

  it("keeps a number with the user who has it when another row of the file claims it too", () => {
    const { rows, counts } = run([
      ["bo@kund.se", "Bo", "+46812345678", "1001", "Stockholm", "", "TRUE", ""],
      // Anna keeps her number and extension (and changes her name).
      ["anna@kund.se", "Annika", "+46812345678", "1001", "Stockholm", "", "TRUE", ""],
    ]);
    expect(counts).toMatchObject({ modify: 1, error: 1 });
    expect(rows[0]?.problems.map((p) => [p.code, p.params?.heldByRow])).toEqual([
      ["phone_taken", 3],
      ["extension_taken", 3],
    ]);
    expect(rows[1]?.problems).toEqual([]);
  });

  it("lets a number move from a user the file modifies to a new user", () => {
    const { rows, counts } = run([
      ["bo@kund.se", "Bo", "+46812345678", "1001", "Stockholm", "", "TRUE", ""],
      ["anna@kund.se", "Anna", "+46812345600", "1000", "Stockholm", "", "TRUE", ""],
    ]);
    expect(counts).toMatchObject({ add: 1, modify: 1, error: 0 });
    expect(rows.flatMap((r) => r.problems)).toEqual([]);
  });

  it("counts the quota over the whole file: rows past the free seats are errors", () => {
    const quotas: PackageQuota[] = [{ package: "webex_meetings", maxUsers: 2, assignedUsers: 0 }];
    const { rows, counts } = run(
      [
        ["m1@kund.se", "", "", "", "", "kund.webex.com", "", "TRUE"],
        ["m2@kund.se", "", "", "", "", "kund.webex.com", "", "TRUE"],
        ["m3@kund.se", "", "", "", "", "kund.webex.com", "", "TRUE"],
      ],
      { ...context, quotas },
    );
    expect(counts).toMatchObject({ add: 2, error: 1 });
    expect(rows[2]?.problems).toEqual([
      expect.objectContaining({
        code: "quota_exceeded",
        message:
          "No Webex Meetings seat is left for this user: only 2 of 2 seats are free, and this is the 3rd user in this request who needs one.",
        row: 4,
        column: "Webex Meetings",
        severity: "error",
      }),
    ]);
  });

  it("warns about a meetings user without Preferred Webex Site but still adds them", () => {
    const { rows } = run([["m@kund.se", "", "", "", "", "", "", "TRUE"]]);
    expect(rows[0]?.outcome).toBe("add");
    expect(rows[0]?.problems).toMatchObject([
      { code: "webex_site_missing", column: "Preferred Webex Site", severity: "warning" },
    ]);
  });

  it("refuses a number kept on a package without calling", () => {
    const { rows } = run([["anna@kund.se", "", "+46812345678", "", "", "", "FALSE", "TRUE"]]);
    expect(rows[0]?.outcome).toBe("error");
    expect(rows[0]?.problems.map((p) => [p.column, p.message])).toEqual([
      [
        "Phone Number",
        "Webex Meetings does not include calling, so the user cannot have a phone number. Remove it or choose a package with calling.",
      ],
      [
        "Preferred Webex Site",
        "Webex Meetings includes meetings but no Preferred Webex Site is set. The user can be added now, but set the site to avoid meeting problems later.",
      ],
    ]);
  });
});

describe("a row with an error names each column once", () => {
  it("drops a warning about a column that has an error in the same row", () => {
    // A meetings user given a number: the + is restored (a warning) but the number is not
    // allowed at all (the error); the missing Webex site is another column and stays.
    const { rows } = run([["bo@kund.se", "Bo", "46812345679", "", "", "", "", "TRUE"]]);
    expect(rows[0]?.outcome).toBe("error");
    expect(rows[0]?.problems.map((p) => [p.severity, p.column])).toEqual([
      ["error", "Phone Number"],
      ["warning", "Preferred Webex Site"],
    ]);
  });

  it("keeps the warning on a row that is otherwise fine", () => {
    const { rows } = run([["bo@kund.se", "Bo", "46812345679", "", "Stockholm", "", "TRUE", ""]]);
    expect(rows[0]?.outcome).toBe("add");
    expect(rows[0]?.problems.map((p) => p.code)).toEqual(["phone_plus_restored"]);
  });
});
