import { describe, expect, it } from "vitest";
import type { ExistingUser } from "./classify.ts";
import { readCsvFile } from "./read-csv-file.ts";
import {
  CSV_BOM,
  errorReportWriter,
  type CsvExportUser,
  serialiseCsvHeader,
  serialiseUserRow,
  serialiseUsersCsv,
  templateCsv,
} from "./serialise.ts";
import { snapshotOf } from "./test-support.ts";
import { validateImport } from "./validate-import.ts";

const USERS: CsvExportUser[] = [
  {
    email: "asa.oberg@kund.se",
    firstName: "Åsa",
    lastName: "Öberg-Ström",
    displayName: "Åsa Öberg-Ström",
    phoneNumber: "+46812345678",
    extension: "0042",
    locationName: "Göteborg",
    preferredWebexSite: null,
    status: "active",
    package: "webex_calling",
    baseLicences: ["basic_messaging", "basic_space_meetings", "call_on_webex"],
  },
  {
    email: "Lars.Nilsson@Kund.se",
    firstName: "Lars",
    lastName: "Nilsson, jr",
    displayName: 'Lars "Lasse" Nilsson\nSälj; Norr',
    phoneNumber: null,
    extension: null,
    locationName: null,
    preferredWebexSite: "kund.webex.com",
    status: "pending",
    package: "webex_meetings",
    baseLicences: [],
  },
  {
    email: "minus@kund.se",
    firstName: "-Anna",
    lastName: "=Berg",
    displayName: "@anna",
    phoneNumber: "+46701234567",
    extension: "1001",
    locationName: "Stockholm",
    preferredWebexSite: "kund.webex.com",
    status: "inactive",
    package: "webex_suite",
    baseLicences: ["call_on_webex"],
  },
  {
    email: "eva@kund.se",
    firstName: "Eva",
    lastName: "Ek",
    displayName: "Eva Ek",
    phoneNumber: "+4687654321",
    extension: null,
    locationName: "Stockholm",
    preferredWebexSite: null,
    status: "active",
    package: "cx_essentials",
    baseLicences: ["basic_messaging"],
  },
];

function asExisting(u: CsvExportUser): ExistingUser {
  return { ...u, id: `id-${u.email}` };
}

async function exportFile(users: CsvExportUser[]): Promise<string> {
  let text = "";
  for await (const chunk of serialiseUsersCsv(users)) text += chunk;
  return text;
}

describe("serialising", () => {
  it("writes the header and rows with CRLF, TRUE/FALSE and quoting only where needed", () => {
    expect(serialiseCsvHeader()).toBe(
      'User ID/Email (Required),First Name,Last Name,Display Name,Phone Number,Extension,Location,Preferred Webex Site,User Status,Basic Messaging,Basic Space Meetings,"Call on Webex (1:1 call, non-PSTN)",Webex Calling,Webex Voice,Webex Suite,Webex Meetings,Webex Calling Standard,Customer Assist\r\n',
    );
    expect(serialiseUserRow(USERS[1]!)).toBe(
      'Lars.Nilsson@Kund.se,Lars,"Nilsson, jr","Lars ""Lasse"" Nilsson\nSälj; Norr",,,,kund.webex.com,Pending,FALSE,FALSE,FALSE,FALSE,FALSE,FALSE,TRUE,FALSE,FALSE\r\n',
    );
  });

  it("protects cells a spreadsheet would run as formulas", () => {
    expect(serialiseUserRow(USERS[2]!)).toMatch(
      /^minus@kund\.se,'-Anna,'=Berg,'@anna,'\+46701234567,1001,/,
    );
  });

  it("streams a file: BOM and header first, then one chunk per user", async () => {
    async function* fromCursor() {
      yield USERS[0]!;
      yield USERS[1]!;
    }
    const chunks: string[] = [];
    for await (const chunk of serialiseUsersCsv(fromCursor())) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(chunks[0]).toBe(CSV_BOM + serialiseCsvHeader());
  });

  it("makes a template that reads back as one valid new user", () => {
    const template = templateCsv();
    expect(template.startsWith(CSV_BOM)).toBe(true);
    const parsed = readCsvFile(new TextEncoder().encode(template));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = validateImport(parsed, "add_and_remove_services", new Map());
    expect(result.counts.add).toBe(1);
    expect(result.rows[0]?.problems).toEqual([]);
  });
});

describe("round trip: export → import of the same file changes nothing", () => {
  it.each(["add_services_only", "add_and_remove_services"] as const)(
    "under %s",
    async (behaviour) => {
      const bytes = new TextEncoder().encode(await exportFile(USERS));
      const parsed = readCsvFile(bytes);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.encoding).toBe("utf-8-bom");
      expect(parsed.warnings).toEqual([]);

      const snapshot = snapshotOf(USERS.map(asExisting));
      const context = {
        locations: [
          { id: "l1", name: "Stockholm" },
          { id: "l2", name: "Göteborg" },
        ],
        quotas: [],
      };
      const result = validateImport(parsed, behaviour, snapshot, context);
      expect(result.rows.map((r) => [r.rowNumber, r.outcome, r.problems, r.changes])).toEqual(
        USERS.map((_, i) => [i + 2, "unchanged", [], []]),
      );
      expect(result.counts).toEqual({
        add: 0,
        modify: 0,
        remove: 0,
        unchanged: USERS.length,
        skipped: 0,
        error: 0,
      });
    },
  );

  it("also after Swedish Excel saved it with semicolons, SANT/FALSKT and a stripped +", () => {
    const excel = [
      "User ID/Email (Required);First Name;Last Name;Phone Number;Extension;Location;Basic Messaging;Basic Space Meetings;Call on Webex (1:1 call, non-PSTN);Webex Calling;Webex Voice;Webex Suite;Webex Meetings;Webex Calling Standard;Customer Assist",
      "asa.oberg@kund.se;Åsa;Öberg-Ström;46812345678;0042;Göteborg;SANT;SANT;SANT;SANT;FALSKT;FALSKT;FALSKT;FALSKT;FALSKT",
    ].join("\r\n");
    const parsed = readCsvFile(new TextEncoder().encode(CSV_BOM + excel + "\r\n"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = validateImport(
      parsed,
      "add_and_remove_services",
      snapshotOf(USERS.map(asExisting)),
    );
    expect(result.rows[0]?.outcome).toBe("unchanged");
    expect(result.rows[0]?.problems.map((p) => [p.column, p.severity, p.code])).toEqual([
      ["Phone Number", "warning", "phone_plus_restored"],
    ]);
  });
});

describe("error report", () => {
  it("writes the failed rows as uploaded plus an Errors column, and reads back with it ignored", () => {
    const upload =
      'Email;First Name;Webex Calling;Webex Suite\r\nbo@kund.se;=HYPERLINK("x");TRUE;TRUE\r\n';
    const parsed = readCsvFile(new TextEncoder().encode(upload));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = validateImport(parsed, "add_services_only", new Map());
    const report = errorReportWriter(parsed.headers);
    const text =
      CSV_BOM +
      report.header() +
      result.rows
        .filter((r) => r.outcome === "error")
        .map((r) =>
          report.row(parsed.rows.find((p) => p.rowNumber === r.rowNumber)!.cells, r.problems),
        )
        .join("");
    expect(text).toBe(
      CSV_BOM +
        "Email,First Name,Webex Calling,Webex Suite,Errors\r\n" +
        `bo@kund.se,"'=HYPERLINK(""x"")",TRUE,TRUE,"First Name: First Name starts with ""="", so a spreadsheet treats it as a formula (""=HYPERLINK(""x"")""). We do not import formulas: type the plain text instead."\r\n`,
    );

    const again = readCsvFile(new TextEncoder().encode(text));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.warnings.map((w) => w.column)).toEqual(["Errors"]);
    // A second report reuses the Errors column instead of adding another.
    expect(errorReportWriter(again.headers).header()).toBe(
      "Email,First Name,Webex Calling,Webex Suite,Errors\r\n",
    );
  });
});

describe("error report of a semicolon upload", () => {
  it("keeps the semicolons, so the spreadsheet that wrote the file opens the report in columns", () => {
    const report = errorReportWriter(["Email", "First Name"], ";");
    expect(report.header() + report.row(["bo@kund", "Bo, jr"], [])).toBe(
      'Email;First Name;Errors\r\nbo@kund;"Bo, jr";\r\n',
    );
  });
});
