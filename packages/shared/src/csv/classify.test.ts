import { describe, expect, it } from "vitest";
import type { ExistingUser, ImportBehaviour } from "./classify.ts";
import { CSV_HEADERS } from "./columns.ts";
import { csvText, existingUser, parseOk, snapshotOf } from "./test-support.ts";
import { validateImport } from "./validate-import.ts";

// Every column the import reads (User Status is export-only).
const HEADERS = CSV_HEADERS.filter((h) => h !== "User Status");
type Cells = Partial<Record<(typeof CSV_HEADERS)[number], string>>;
const PACKAGE_HEADERS = [
  "Webex Calling",
  "Webex Voice",
  "Webex Suite",
  "Webex Meetings",
  "Webex Calling Standard",
  "Customer Assist",
];
const allPackages = (value: string): Cells =>
  Object.fromEntries(PACKAGE_HEADERS.map((h) => [h, value]));

function run(behaviour: ImportBehaviour, users: readonly ExistingUser[], ...rows: Cells[]) {
  const text = csvText(
    HEADERS,
    rows.map((r) => HEADERS.map((h) => r[h] ?? "")),
  );
  return validateImport(parseOk(text), behaviour, snapshotOf(users));
}

const BEHAVIOURS = ["add_services_only", "add_and_remove_services"] as const;
const anna = existingUser({ email: "anna@kund.se" });
const EMAIL = "User ID/Email (Required)";

describe("classifying rows", () => {
  it("names columns in problems and changes as the file writes them", () => {
    const text = csvText(
      ["email", " first NAME ", "Webex Calling", "webex suite"],
      [
        ["anna@kund.se", "Annie", "TRUE", "yes"],
        ["anna@kund.se", "Annie", "", ""],
      ],
    );
    const { rows } = validateImport(parseOk(text), "add_services_only", snapshotOf([anna]));
    expect(rows.map((r) => r.problems.map((p) => p.column))).toEqual([
      ["webex suite", "email"],
      ["email"],
    ]);
    const single = validateImport(
      parseOk(csvText(["email", " first NAME "], [["anna@kund.se", "Annie"]])),
      "add_services_only",
      snapshotOf([anna]),
    );
    expect(single.rows[0]?.changes.map((c) => c.column)).toEqual(["first NAME"]);
  });

  describe.each(BEHAVIOURS)("under %s", (behaviour) => {
    it("adds a new user with one package TRUE", () => {
      const { rows, counts } = run(behaviour, [], {
        [EMAIL]: "Bo.Berg@kund.se",
        "First Name": "Bo",
        "Last Name": "Berg",
        "Phone Number": "+46812345679",
        Location: "Stockholm",
        "Basic Messaging": "TRUE",
        "Webex Calling": "TRUE",
      });
      expect(counts).toEqual({ add: 1, modify: 0, remove: 0, unchanged: 0, skipped: 0, error: 0 });
      expect(rows[0]?.target).toEqual({
        email: "Bo.Berg@kund.se",
        firstName: "Bo",
        lastName: "Berg",
        displayName: "Bo Berg",
        package: "webex_calling",
        phoneNumber: "+46812345679",
        extension: null,
        locationName: "Stockholm",
        preferredWebexSite: null,
        // Add services only: every new user gets all three; otherwise only what says TRUE.
        baseLicences:
          behaviour === "add_services_only"
            ? ["basic_messaging", "basic_space_meetings", "call_on_webex"]
            : ["basic_messaging"],
      });
      expect(rows[0]?.changes).toContainEqual({
        field: "package",
        column: "Webex Calling",
        before: null,
        after: "webex_calling",
      });
    });

    it("modifies an existing user's package and attributes (email matched ignoring case)", () => {
      const { rows } = run(behaviour, [anna], {
        [EMAIL]: "ANNA@kund.se",
        "First Name": "Annie",
        Extension: "2002",
        "Webex Calling": "FALSE",
        "Webex Suite": "TRUE",
      });
      expect(rows[0]?.outcome).toBe("modify");
      expect(rows[0]?.userId).toBe("id-anna@kund.se");
      expect(rows[0]?.target).toMatchObject({
        email: "anna@kund.se",
        firstName: "Annie",
        package: "webex_suite",
        extension: "2002",
      });
      expect(rows[0]?.changes).toEqual([
        { field: "firstName", column: "First Name", before: "Anna", after: "Annie" },
        { field: "extension", column: "Extension", before: "1001", after: "2002" },
        { field: "package", column: "Webex Suite", before: "webex_calling", after: "webex_suite" },
      ]);
    });

    it("modifies names only when no package column is TRUE, keeping the package", () => {
      const { rows } = run(behaviour, [anna], {
        [EMAIL]: "anna@kund.se",
        "Last Name": "Öberg-Ström",
      });
      expect(rows[0]?.outcome).toBe("modify");
      expect(rows[0]?.target?.package).toBe("webex_calling");
      expect(rows[0]?.changes).toEqual([
        { field: "lastName", column: "Last Name", before: "Svensson", after: "Öberg-Ström" },
      ]);
    });

    it("finds nothing to change when the row says what is stored (location case ignored)", () => {
      const { rows, counts } = run(behaviour, [anna], {
        [EMAIL]: "anna@kund.se",
        "First Name": "Anna",
        "Phone Number": "+46812345678",
        Location: "STOCKHOLM",
        "Basic Messaging": "TRUE",
        "Webex Calling": "TRUE",
      });
      expect(rows[0]).toMatchObject({ outcome: "unchanged", changes: [], problems: [] });
      expect(counts.unchanged).toBe(1);
    });

    it("refuses more than one package TRUE", () => {
      const { rows } = run(behaviour, [anna], {
        [EMAIL]: "anna@kund.se",
        "Webex Calling": "TRUE",
        "Webex Suite": "TRUE",
      });
      expect(rows[0]?.outcome).toBe("error");
      expect(rows[0]?.problems).toEqual([
        {
          code: "csv_several_packages",
          message:
            "More than one package is TRUE (Webex Calling, Webex Suite). A user has exactly one package: leave TRUE in one package column only.",
          row: 2,
          column: "Webex Suite",
          severity: "error",
          params: { packages: "Webex Calling, Webex Suite" },
        },
      ]);
    });

    it("refuses a new user without a package", () => {
      const { rows } = run(behaviour, [], {
        [EMAIL]: "new@kund.se",
        "First Name": "Ny",
        "Webex Calling": "FALSE",
      });
      expect(rows[0]?.outcome).toBe("error");
      expect(rows[0]?.problems.map((p) => [p.column, p.message])).toEqual([
        [
          EMAIL,
          "This customer has no user new@kund.se, so the row adds one, but no package is TRUE. Set exactly one package column to TRUE (or check the email address if the user should already exist).",
        ],
      ]);
    });

    it("refuses the same email twice, on both rows, each naming the other", () => {
      const { rows, counts } = run(
        behaviour,
        [],
        { [EMAIL]: "bo@kund.se", "Webex Calling": "TRUE" },
        { [EMAIL]: "eva@kund.se", "Webex Calling": "TRUE" },
        { [EMAIL]: "BO@kund.se ", "Webex Voice": "TRUE" },
      );
      expect(counts).toMatchObject({ add: 1, error: 2 });
      expect(rows.map((r) => r.problems.map((p) => p.message))).toEqual([
        [
          "bo@kund.se appears more than once in this request (also in row 4). Each user can appear only once.",
        ],
        [],
        [
          "bo@kund.se appears more than once in this request (also in row 2). Each user can appear only once.",
        ],
      ]);
      expect(rows[0]?.problems[0]).toMatchObject({
        row: 2,
        column: EMAIL,
        code: "email_duplicate",
      });
    });

    it("refuses a bad email", () => {
      const { rows } = run(behaviour, [], { [EMAIL]: "bo@", "Webex Calling": "TRUE" });
      expect(rows[0]).toMatchObject({ outcome: "error" });
      expect(rows[0]?.problems.map((p) => p.message)).toEqual([
        '"bo@" is not a valid email address.',
      ]);
    });

    it("sees nothing to remove when every package is FALSE for an email the customer does not have", () => {
      const { rows } = run(behaviour, [], { [EMAIL]: "gone@kund.se", ...allPackages("FALSE") });
      expect(rows[0]?.outcome).toBe("unchanged");
      expect(rows[0]?.problems).toEqual([
        {
          code: "csv_remove_unknown_user",
          message:
            "Every package is FALSE, which removes a user, but this customer has no user gone@kund.se. Nothing to remove; check the email address if you expected one.",
          row: 2,
          column: EMAIL,
          severity: "warning",
          params: { email: "gone@kund.se" },
        },
      ]);
    });

    it("gives up the numbers when a calling user moves to a package without calling", () => {
      const { rows } = run(behaviour, [anna], {
        [EMAIL]: "anna@kund.se",
        "Webex Calling": "FALSE",
        "Webex Meetings": "TRUE",
      });
      expect(rows[0]?.outcome).toBe("modify");
      expect(rows[0]?.target).toMatchObject({
        package: "webex_meetings",
        phoneNumber: null,
        extension: null,
        locationName: null,
      });
    });
  });

  describe("removing a user (every package column FALSE)", () => {
    it("removes under Add and remove services", () => {
      const { rows, counts } = run("add_and_remove_services", [anna], {
        [EMAIL]: "anna@kund.se",
        ...allPackages("FALSE"),
      });
      expect(rows[0]).toMatchObject({ outcome: "remove", userId: "id-anna@kund.se", changes: [] });
      expect(counts.remove).toBe(1);
    });

    it("skips with the reason under Add services only", () => {
      const { rows, counts } = run("add_services_only", [anna], {
        [EMAIL]: "anna@kund.se",
        ...allPackages("falskt"),
      });
      expect(rows[0]).toMatchObject({
        outcome: "skipped",
        skipped: [
          {
            code: "csv_removal_skipped",
            message:
              "Every package is FALSE, which would remove this user, but Add services only never removes users. Upload with Add and remove services to remove them.",
            row: 2,
          },
        ],
      });
      expect(counts.skipped).toBe(1);
    });

    it("never removes when only some package columns are in the file, naming the ones it lacks", () => {
      const text = csvText([EMAIL, "Webex Calling"], [["anna@kund.se", "FALSE"]]);
      const remove = validateImport(parseOk(text), "add_and_remove_services", snapshotOf([anna]));
      expect(remove.rows[0]?.outcome).toBe("error");
      const missing = PACKAGE_HEADERS.filter((h) => h !== "Webex Calling").join(", ");
      expect(remove.rows[0]?.problems).toEqual([
        {
          code: "csv_package_removed_without_replacement",
          message: `Webex Calling is FALSE but no other package is TRUE. A user has exactly one package: set the new package to TRUE. To remove the user instead, add the package columns this file lacks (${missing}) and set every package column to FALSE.`,
          row: 2,
          column: "Webex Calling",
          severity: "error",
          params: { package: "Webex Calling", missingColumns: missing },
        },
      ]);
      const addOnly = validateImport(parseOk(text), "add_services_only", snapshotOf([anna]));
      expect(addOnly.rows[0]).toMatchObject({
        outcome: "skipped",
        skipped: [
          {
            code: "csv_package_kept",
            message:
              "Webex Calling is FALSE, but Add services only never takes a package away, so the user keeps it.",
            params: { package: "Webex Calling" },
          },
        ],
      });
    });

    it("asks for FALSE in every package column when the file has them all but some are empty", () => {
      const { rows } = run("add_and_remove_services", [anna], {
        [EMAIL]: "anna@kund.se",
        "Webex Calling": "FALSE",
      });
      expect(rows[0]?.problems).toMatchObject([
        {
          code: "csv_package_removed_without_replacement",
          message:
            "Webex Calling is FALSE but no other package is TRUE. A user has exactly one package: set the new package to TRUE, or set every package column to FALSE to remove the user.",
          params: { package: "Webex Calling" },
        },
      ]);
      expect(rows[0]?.problems[0]?.params).not.toHaveProperty("missingColumns");
    });
  });

  describe("base licences", () => {
    const noLicences = existingUser({ email: "eva@kund.se", baseLicences: ["basic_messaging"] });

    it("removes a licence on FALSE under Add and remove services", () => {
      const { rows } = run("add_and_remove_services", [noLicences], {
        [EMAIL]: "eva@kund.se",
        "Basic Messaging": "FALSE",
      });
      expect(rows[0]?.outcome).toBe("modify");
      expect(rows[0]?.changes).toEqual([
        {
          field: "baseLicences",
          licence: "basic_messaging",
          column: "Basic Messaging",
          before: true,
          after: false,
        },
      ]);
      expect(rows[0]?.target?.baseLicences).toEqual([]);
    });

    it("skips a licence removal with the reason under Add services only", () => {
      const { rows } = run("add_services_only", [noLicences], {
        [EMAIL]: "eva@kund.se",
        "Basic Messaging": "FALSE",
      });
      expect(rows[0]).toMatchObject({
        outcome: "skipped",
        skipped: [
          {
            code: "csv_licence_kept",
            message:
              "Basic Messaging is FALSE, but Add services only never removes a licence, so the user keeps it. Upload with Add and remove services to remove it.",
            params: { column: "Basic Messaging" },
          },
        ],
      });
    });

    it("applies the rest of the row and reports the skipped part under Add services only", () => {
      const { rows } = run("add_services_only", [noLicences], {
        [EMAIL]: "eva@kund.se",
        "First Name": "Eva",
        "Basic Messaging": "FALSE",
        "Basic Space Meetings": "TRUE",
      });
      expect(rows[0]?.outcome).toBe("modify");
      expect(rows[0]?.target?.baseLicences).toEqual(["basic_messaging", "basic_space_meetings"]);
      expect(rows[0]?.changes.map((c) => c.column)).toEqual(["First Name", "Basic Space Meetings"]);
      expect(rows[0]?.skipped).toHaveLength(1);
    });

    it("gives a new user every licence under Add services only, saying so when a column says FALSE", () => {
      const { rows } = run("add_services_only", [], {
        [EMAIL]: "ny@kund.se",
        "Webex Meetings": "TRUE",
        "Call on Webex (1:1 call, non-PSTN)": "FALSE",
      });
      expect(rows[0]?.target?.baseLicences).toEqual([
        "basic_messaging",
        "basic_space_meetings",
        "call_on_webex",
      ]);
      expect(rows[0]?.problems).toEqual([
        {
          code: "csv_licence_given_anyway",
          message:
            "Call on Webex (1:1 call, non-PSTN) is FALSE, but under Add services only every new user gets all base licences. Upload with Add and remove services to leave it out.",
          row: 2,
          column: "Call on Webex (1:1 call, non-PSTN)",
          severity: "warning",
          params: { column: "Call on Webex (1:1 call, non-PSTN)" },
        },
      ]);
    });
  });
});
