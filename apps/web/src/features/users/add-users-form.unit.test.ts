import { PACKAGES, type PackageQuota, type ProblemError } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import {
  countErrors,
  emptyRow,
  isRowDirty,
  issuesFromProblem,
  rowsToSend,
  toNewUserInput,
  validateRows,
  type UserRowDraft,
} from "./add-users-form.ts";

const locations = [
  { id: "loc-1", name: "Stockholm HQ" },
  { id: "loc-2", name: "Malmö kontor" },
];

// Every package offered, with room to spare, unless a test says otherwise.
const quotas: PackageQuota[] = PACKAGES.map((p) => ({
  package: p.id,
  maxUsers: 100,
  assignedUsers: 0,
}));

function row(fields: Partial<UserRowDraft>): UserRowDraft {
  return {
    ...emptyRow(null),
    firstName: "Ada",
    lastName: "Lund",
    email: "ada@customer.example",
    ...fields,
  };
}

describe("toNewUserInput", () => {
  it("sends hidden calling fields as null, so a meetings user never carries a number", () => {
    const input = toNewUserInput(
      row({
        package: "webex_meetings",
        phoneNumber: "+46812345678",
        extension: "12",
        locationId: "loc-1",
      }),
    );
    expect(input).toMatchObject({ phoneNumber: null, extension: null, locationId: null });
  });

  it("sends the Preferred Webex Site only for a package with meetings", () => {
    expect(
      toNewUserInput(row({ package: "webex_calling", preferredWebexSite: "x.webex.com" }))
        .preferredWebexSite,
    ).toBeNull();
    expect(
      toNewUserInput(row({ package: "webex_suite", preferredWebexSite: " x.webex.com " }))
        .preferredWebexSite,
    ).toBe("x.webex.com");
  });
});

describe("isRowDirty", () => {
  it("does not count a defaulted location as typing", () => {
    expect(isRowDirty(emptyRow("loc-1"))).toBe(false);
    expect(isRowDirty({ ...emptyRow(null), email: "x" })).toBe(true);
  });
});

describe("blank rows (spec §5: ignored, not errors)", () => {
  const blank = emptyRow("loc-1", "kund.webex.com");

  it("a preselected location and site are not typing", () => {
    expect(isRowDirty(blank)).toBe(false);
  });

  it("are left out of what is sent and judged, and errors land on the rows the person sees", () => {
    const rows = [blank, row({ package: "webex_meetings", email: "" }), blank];
    expect(rowsToSend(rows).indexes).toEqual([1]);
    const issues = validateRows(rows, { locations, quotas });
    expect(issues.rows[0]).toEqual({});
    expect(issues.rows[2]).toEqual({});
    expect(issues.rows[1]?.email?.[0]?.severity).toBe("error");
    const fromServer = issuesFromProblem(
      [{ code: "email_exists", field: "users.0.email", row: 1, message: "x" }],
      3,
      [1],
    );
    expect(fromServer.rows[1]?.email?.[0]?.code).toBe("email_exists");
  });

  it("when every row is blank, the first is judged so the person learns what to fill in", () => {
    const issues = validateRows([blank, blank], { locations, quotas });
    expect(countErrors(issues).rows).toBe(1);
    expect(issues.rows[0]?.firstName?.length).toBeGreaterThan(0);
  });

  it("a site not among the customer's is refused in the browser too", () => {
    const issues = validateRows(
      [row({ package: "webex_meetings", preferredWebexSite: "annan.webex.com" })],
      { locations, quotas, webexSites: ["kund.webex.com"] },
    );
    expect(issues.rows[0]?.preferredWebexSite?.[0]).toMatchObject({
      code: "webex_site_unknown",
      severity: "error",
    });
  });
});

describe("validateRows", () => {
  it("accepts a complete calling row and a meetings row with a site", () => {
    const issues = validateRows(
      [
        row({ package: "webex_calling", phoneNumber: "+46812345678", locationId: "loc-1" }),
        row({
          email: "bo@customer.example",
          package: "webex_meetings",
          preferredWebexSite: "c.webex.com",
        }),
      ],
      { locations, quotas },
    );
    expect(countErrors(issues)).toEqual({ rows: 0, errors: 0 });
  });

  it("puts zod and rule errors beside the field, per row", () => {
    const issues = validateRows(
      [
        row({ email: "not-an-email", firstName: " ", package: "" }),
        row({ email: "b@c.example", package: "webex_calling" }),
      ],
      { locations, quotas },
    );
    expect(issues.rows[0]?.email?.[0]?.code).toBe("invalid_format");
    expect(issues.rows[0]?.firstName?.[0]?.code).toBe("too_small");
    expect(issues.rows[0]?.package?.[0]).toBeDefined();
    expect(issues.rows[1]?.phoneNumber?.[0]?.code).toBe("calling_number_required");
    expect(issues.rows[1]?.locationId?.[0]?.code).toBe("location_required");
    expect(countErrors(issues).rows).toBe(2);
  });

  it("flags every row of a duplicated email, whatever its case", () => {
    const issues = validateRows(
      [
        row({ package: "webex_meetings" }),
        row({ package: "webex_meetings", email: "ADA@customer.example" }),
      ],
      { locations, quotas },
    );
    expect(issues.rows.map((r) => r.email?.[0]?.code)).toEqual([
      "email_duplicate",
      "email_duplicate",
    ]);
  });

  it("keeps a missing Webex site a warning, not an error", () => {
    const issues = validateRows([row({ package: "webex_meetings" })], { locations, quotas });
    expect(issues.rows[0]?.preferredWebexSite?.[0]?.severity).toBe("warning");
    expect(countErrors(issues).errors).toBe(0);
  });

  it("counts seats over all rows against the customer's quota", () => {
    const quotas: PackageQuota[] = [{ package: "webex_meetings", maxUsers: 10, assignedUsers: 9 }];
    const issues = validateRows(
      [
        row({ package: "webex_meetings" }),
        row({ package: "webex_meetings", email: "b@c.example" }),
      ],
      { locations, quotas },
    );
    expect(issues.rows[0]?.package).toBeUndefined();
    expect(issues.rows[1]?.package?.[0]?.code).toBe("quota_exceeded");
  });

  it("finds two rows claiming the same phone number", () => {
    const issues = validateRows(
      [
        row({ package: "webex_calling", phoneNumber: "+46812345678", locationId: "loc-1" }),
        row({
          package: "webex_calling",
          phoneNumber: "+46812345678",
          locationId: "loc-1",
          email: "b@c.example",
        }),
      ],
      { locations, quotas },
    );
    expect(issues.rows[1]?.phoneNumber?.[0]?.code).toBe("phone_taken");
  });

  it("checks the numbers of a row that has another error too", () => {
    const issues = validateRows(
      [
        row({ package: "webex_calling", phoneNumber: "+46812345678", locationId: "loc-1" }),
        row({
          package: "webex_calling",
          phoneNumber: "+46812345678",
          extension: "1",
          locationId: "loc-1",
          email: "b@c.example",
        }),
      ],
      { locations, quotas },
    );
    expect(issues.rows[1]?.extension?.[0]?.code).toBe("extension_invalid");
    expect(issues.rows[1]?.phoneNumber?.[0]?.code).toBe("phone_taken");
  });
});

describe("issuesFromProblem", () => {
  it("maps users.<i>.<field> back to the row and field, and keeps the rest general", () => {
    const errors: ProblemError[] = [
      {
        code: "email_exists",
        message: "exists",
        field: "users.2.email",
        row: 3,
        severity: "error",
      },
      { code: "invalid_format", message: "bad", field: "users.0.email" },
      { code: "quota_exceeded", message: "no seats", field: "package" },
      { code: "custom", message: "out of range", field: "users.9.email" },
    ];
    const issues = issuesFromProblem(errors, 3);
    expect(issues.rows[2]?.email?.[0]?.code).toBe("email_exists");
    expect(issues.rows[0]?.email?.[0]).toMatchObject({ code: "invalid_format", severity: "error" });
    expect(issues.general.map((i) => i.code)).toEqual(["quota_exceeded", "custom"]);
  });

  it("uses the row number when the field names no row", () => {
    const issues = issuesFromProblem(
      [{ code: "invalid", message: "m", row: 2, field: "email" }],
      2,
    );
    expect(issues.general).toHaveLength(1);
    expect(issuesFromProblem([{ code: "invalid", message: "m", row: 2 }], 2).general).toHaveLength(
      1,
    );
  });
});
