import { describe, expect, it } from "vitest";
import { csvText, existingUser, parseOk, snapshotOf } from "../csv/test-support.ts";
import { validateImport } from "../csv/validate-import.ts";
import type { ProblemError } from "../schemas/problem.ts";
import { MESSAGE_PARAMS } from "./codes.ts";

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
  "Basic Messaging",
  "Favourite Colour",
];
const anna = existingUser({ email: "anna@kund.se", package: "webex_calling" });
// One row per problem worth provoking: cells in HEADERS order.
const ROWS = [
  ["bo@kund.se", "=1+1", "", "", "", "", "", "TRUE", "", ""],
  ["not-an-email", "", "", "", "", "", "", "TRUE", "", ""],
  ["", "Ingen", "", "", "", "", "", "TRUE", "", ""],
  ["c@kund.se", "", "123", "", "", "", "TRUE", "", "", ""],
  ["d@kund.se", "", "", "", "", "", "TRUE", "TRUE", "", ""],
  ["new@kund.se", "", "", "", "", "", "FALSE", "FALSE", "", ""],
  ["anna@kund.se", "", "", "", "", "", "FALSE", "", "FALSE", ""],
  ["e@kund.se", "", "", "", "", "", "TRUE", "", "", ""],
  ["f@kund.se", "", "", "", "", "", "", "TRUE", "", ""],
  ["g@kund.se", "", "", "", "", "s.webex.com", "", "TRUE", "", ""],
  ["g@kund.se", "", "", "", "", "s.webex.com", "", "TRUE", "", ""],
  ["h@kund.se", "", "+46812345678", "", "Stockholm", "", "TRUE", "", "", ""],
  ["i@kund.se", "", "", "", "", "", "", "kanske", "", ""],
  ["j@kund.se", "", "", "x", "Stockholm", "", "TRUE", "", "", ""],
  ["k@kund.se", "", "", "1234", "Malmö", "", "TRUE", "", "", ""],
];

describe("the params problems carry", () => {
  it("are ones their code declares, for every problem and reason the CSV import gives", () => {
    const seen = new Set<string>();
    for (const behaviour of ["add_services_only", "add_and_remove_services"] as const) {
      const { rows, warnings } = validateImport(
        parseOk(csvText(HEADERS, ROWS)),
        behaviour,
        snapshotOf([anna]),
        {
          locations: [{ id: "loc-sthlm", name: "Stockholm" }],
          quotas: [{ package: "webex_calling", maxUsers: 1, assignedUsers: 1 }],
        },
      );
      const problems: ProblemError[] = [
        ...warnings,
        ...rows.flatMap((r) => [...r.problems, ...r.skipped]),
      ];
      for (const p of problems) {
        seen.add(p.code);
        const declared = MESSAGE_PARAMS.get(p.code) ?? [];
        const undeclared = Object.keys(p.params ?? {}).filter((k) => !declared.includes(k));
        expect(undeclared, `${p.code}: ${p.message}`).toEqual([]);
      }
    }
    // The file above is meant to provoke these; a rule that stops firing shows up here.
    expect([...seen].sort()).toEqual([
      "calling_number_required",
      "csv_email_invalid",
      "csv_email_missing",
      "csv_formula_not_allowed",
      "csv_invalid_flag",
      "csv_licence_kept",
      "csv_new_user_without_package",
      "csv_package_kept",
      "csv_package_removed_without_replacement",
      "csv_several_packages",
      "csv_unknown_column",
      "email_duplicate",
      "extension_invalid",
      "location_unknown",
      "package_not_offered",
      "phone_invalid",
      "phone_taken",
      "webex_site_missing",
    ]);
  });
});
