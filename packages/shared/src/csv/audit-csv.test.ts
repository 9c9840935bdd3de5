import { describe, expect, it } from "vitest";
import { auditTimeRange } from "../schemas/audit.ts";
import { auditChangesText, auditCsvRow } from "./audit-csv.ts";

describe("the audit log export", () => {
  it("says what changed as field: before → after, leaving out the location id beside its name", () => {
    expect(
      auditChangesText(
        {
          firstName: "Åsa",
          locationId: "a",
          location: "Göteborg HQ",
          extension: null,
          baseLicences: ["x"],
        },
        {
          firstName: "Åsa",
          locationId: "b",
          location: "Malmö kontor",
          extension: "1001",
          baseLicences: ["x", "y"],
        },
      ),
    ).toBe("location: Göteborg HQ → Malmö kontor; extension: — → 1001; baseLicences: x → x + y");
    expect(auditChangesText(null, { package: "webex_calling" })).toBe("package: — → webex_calling");
  });

  it("writes one line with the task and row, defusing cells a spreadsheet would run", () => {
    const line = auditCsvRow({
      at: "2026-03-01T10:00:00.000Z",
      actorEmail: "@admin@kund.se",
      customerName: "Kund; AB",
      userEmail: "=cmd@kund.se",
      action: "user.created",
      source: "csv_import",
      importId: "task-1",
      rowNumber: 7,
      before: null,
      after: { firstName: "-Bo" },
    });
    expect(line).toBe(
      `2026-03-01T10:00:00.000Z,'@admin@kund.se,"Kund; AB",'=cmd@kund.se,user.created,csv_import,task-1,7,firstName: — → -Bo\r\n`,
    );
  });
});

describe("auditTimeRange", () => {
  it("reads a day as the whole UTC day and an instant as itself", () => {
    expect(auditTimeRange({ from: "2026-11-30", to: "2026-11-30" })).toEqual({
      from: new Date("2026-11-30T00:00:00Z"),
      before: new Date("2026-12-01T00:00:00Z"),
    });
    expect(auditTimeRange({ from: "2026-11-30T00:00:00+01:00" })).toEqual({
      from: new Date("2026-11-29T23:00:00Z"),
    });
    expect(auditTimeRange({})).toEqual({});
  });
});
