import { describe, expect, it } from "vitest";
import {
  checkQuotas,
  findDuplicateEmails,
  findNumberConflicts,
  findRowsOverQuota,
  ordinal,
  seatDemand,
  type NumberClaim,
  type NumberHolder,
  type PackageQuota,
  type SeatChange,
} from "./batch-rules.ts";

describe("findDuplicateEmails", () => {
  it("flags every row of an email that differs only in case, naming the other row", () => {
    const issues = findDuplicateEmails([
      { index: 0, email: "anna@example.se" },
      { index: 1, email: "bo@example.se" },
      { index: 2, email: " Anna@Example.SE " },
    ]);
    expect(issues).toEqual([
      {
        index: 0,
        field: "email",
        code: "email_duplicate",
        severity: "error",
        message:
          "anna@example.se appears more than once in this request (also in row 3). Each user can appear only once.",
        params: { value: "anna@example.se", row: 1, otherRow: 3, count: 2 },
      },
      {
        index: 2,
        field: "email",
        code: "email_duplicate",
        severity: "error",
        message:
          "Anna@Example.SE appears more than once in this request (also in row 1). Each user can appear only once.",
        params: { value: "Anna@Example.SE", row: 3, otherRow: 1, count: 2 },
      },
    ]);
  });

  it.each([
    { count: 3, message: "(also in row 1 and 1 more row)" },
    { count: 4, message: "(also in row 1 and 2 more rows)" },
  ])("says how many more rows share an email ($count)", ({ count, message }) => {
    const rows = Array.from({ length: count }, (_, index) => ({ index, email: "a@example.se" }));
    const issues = findDuplicateEmails(rows);
    expect(issues).toHaveLength(count);
    expect(issues.at(-1)?.message).toContain(message);
  });

  it.each([
    {
      name: "distinct emails",
      rows: [
        { index: 0, email: "a@x.se" },
        { index: 1, email: "b@x.se" },
      ],
    },
    {
      name: "blank emails (other rules report them)",
      rows: [
        { index: 0, email: "" },
        { index: 1, email: " " },
      ],
    },
    { name: "no rows", rows: [] },
  ])("finds nothing in $name", ({ rows }) => {
    expect(findDuplicateEmails(rows)).toEqual([]);
  });
});

describe("findNumberConflicts", () => {
  const locations = [
    { id: "sthlm", name: "Stockholm" },
    { id: "gbg", name: "Göteborg" },
  ];
  const existing: NumberHolder[] = [
    { userKey: "anna@x.se", phoneNumber: "+46812345678", extension: "0042", locationId: "sthlm" },
    { userKey: "bo@x.se", phoneNumber: "+46701234567", extension: "100", locationId: "gbg" },
  ];
  const claim = (index: number, userKey: string, over: Partial<NumberClaim> = {}): NumberClaim => ({
    index,
    userKey,
    phoneNumber: null,
    extension: null,
    locationId: "sthlm",
    ...over,
  });

  const allowed = [
    {
      name: "a user keeping their own number and extension",
      rows: [claim(0, "anna@x.se", { phoneNumber: "+46812345678", extension: "0042" })],
    },
    {
      name: "the same extension in another location",
      rows: [claim(0, "cia@x.se", { extension: "0042", locationId: "gbg" })],
    },
    {
      name: "an extension that differs only by leading zeros",
      rows: [claim(0, "cia@x.se", { extension: "42" })],
    },
    {
      name: "two users swapping phone numbers in one request",
      rows: [
        claim(0, "anna@x.se", { phoneNumber: "+46701234567" }),
        claim(1, "bo@x.se", { phoneNumber: "+46812345678" }),
      ],
    },
    {
      name: "a number freed by a user whose row clears it",
      rows: [claim(0, "anna@x.se"), claim(1, "cia@x.se", { phoneNumber: "+46812345678" })],
    },
    { name: "rows without numbers", rows: [claim(0, "cia@x.se"), claim(1, "dan@x.se")] },
    {
      name: "a number moved from one user to another, both in the request",
      rows: [claim(0, "cia@x.se", { phoneNumber: "+46812345678" }), claim(1, "anna@x.se")],
    },
  ];
  it.each(allowed)("allows $name", ({ rows }) => {
    expect(findNumberConflicts(rows, existing, { locations })).toEqual([]);
  });
  it.each(allowed)("allows $name, also when marking every row", ({ rows }) => {
    expect(findNumberConflicts(rows, existing, { locations, everyRow: true })).toEqual([]);
  });

  it("refuses a phone number held by an existing user, naming them", () => {
    expect(
      findNumberConflicts([claim(4, "cia@x.se", { phoneNumber: "+46812345678" })], existing),
    ).toEqual([
      {
        index: 4,
        field: "phoneNumber",
        code: "phone_taken",
        severity: "error",
        message:
          "+46812345678 is already used by anna@x.se. Phone numbers must be unique within the customer.",
        params: { value: "+46812345678", heldBy: "anna@x.se" },
      },
    ]);
  });

  it("refuses a phone number given to an earlier row, naming that row", () => {
    const rows = [
      claim(0, "cia@x.se", { phoneNumber: "+46855512345" }),
      claim(1, "dan@x.se", { phoneNumber: "+46855512345" }),
    ];
    expect(findNumberConflicts(rows, existing)).toEqual([
      {
        index: 1,
        field: "phoneNumber",
        code: "phone_taken",
        severity: "error",
        message:
          "+46855512345 is also given to cia@x.se in row 1 of this request. Phone numbers must be unique within the customer.",
        params: { value: "+46855512345", heldBy: "cia@x.se", heldByRow: 1 },
      },
    ]);
  });

  it("refuses an extension held in the same location, naming the holder and location", () => {
    expect(
      findNumberConflicts([claim(2, "cia@x.se", { extension: "0042" })], existing, { locations }),
    ).toEqual([
      {
        index: 2,
        field: "extension",
        code: "extension_taken",
        severity: "error",
        message:
          "Extension 0042 at location Stockholm is already used by anna@x.se. Extensions must be unique within a location.",
        params: { value: "0042", heldBy: "anna@x.se", location: "Stockholm" },
      },
    ]);
  });

  it("refuses an extension given to an earlier row in the same location", () => {
    const rows = [
      claim(0, "cia@x.se", { extension: "200" }),
      claim(1, "dan@x.se", { extension: "200" }),
    ];
    expect(findNumberConflicts(rows, existing)).toEqual([
      {
        index: 1,
        field: "extension",
        code: "extension_taken",
        severity: "error",
        message:
          "Extension 200 at this location is also given to cia@x.se in row 1 of this request. Extensions must be unique within a location.",
        params: { value: "200", heldBy: "cia@x.se", heldByRow: 1 },
      },
    ]);
  });

  describe("marking every row (a CSV file)", () => {
    const everyRow = { locations, everyRow: true };
    const codesByRow = (issues: ReturnType<typeof findNumberConflicts>) =>
      issues.map((i) => [i.index, i.field, i.params?.heldByRow ?? i.params?.heldBy]);

    it("marks both rows that give the same new phone number, each naming the other", () => {
      const rows = [
        claim(0, "cia@x.se", { phoneNumber: "+46855512345" }),
        claim(1, "dan@x.se"),
        claim(2, "eva@x.se", { phoneNumber: "+46855512345" }),
      ];
      const issues = findNumberConflicts(rows, existing, everyRow);
      expect(issues).toEqual([
        {
          index: 0,
          field: "phoneNumber",
          code: "phone_taken",
          severity: "error",
          message:
            "+46855512345 is also given to eva@x.se in row 3 of this request. Phone numbers must be unique within the customer.",
          params: { value: "+46855512345", heldBy: "eva@x.se", heldByRow: 3 },
        },
        {
          index: 2,
          field: "phoneNumber",
          code: "phone_taken",
          severity: "error",
          message:
            "+46855512345 is also given to cia@x.se in row 1 of this request. Phone numbers must be unique within the customer.",
          params: { value: "+46855512345", heldBy: "cia@x.se", heldByRow: 1 },
        },
      ]);
    });

    it("marks every one of three rows: the first names the second, the others the first", () => {
      const rows = [0, 1, 2].map((i) => claim(i, `n${i}@x.se`, { phoneNumber: "+46855512345" }));
      expect(codesByRow(findNumberConflicts(rows, existing, everyRow))).toEqual([
        [0, "phoneNumber", 2],
        [1, "phoneNumber", 1],
        [2, "phoneNumber", 1],
      ]);
    });

    it("marks both rows that give the same extension in one location, not in two", () => {
      const rows = [
        claim(0, "cia@x.se", { extension: "200" }),
        claim(1, "dan@x.se", { extension: "200" }),
        claim(2, "eva@x.se", { extension: "200", locationId: "gbg" }),
      ];
      const issues = findNumberConflicts(rows, existing, everyRow);
      expect(issues.map((i) => i.message)).toEqual([
        "Extension 200 at location Stockholm is also given to dan@x.se in row 2 of this request. Extensions must be unique within a location.",
        "Extension 200 at location Stockholm is also given to cia@x.se in row 1 of this request. Extensions must be unique within a location.",
      ]);
      expect(codesByRow(issues)).toEqual([
        [0, "extension", 2],
        [1, "extension", 1],
      ]);
    });

    it("marks a number freed by one row and given to two others on both of them", () => {
      const rows = [
        claim(0, "anna@x.se"),
        claim(1, "cia@x.se", { phoneNumber: "+46812345678" }),
        claim(2, "dan@x.se", { phoneNumber: "+46812345678" }),
      ];
      expect(codesByRow(findNumberConflicts(rows, existing, everyRow))).toEqual([
        [1, "phoneNumber", 3],
        [2, "phoneNumber", 2],
      ]);
    });

    it.each([
      { name: "after", order: [0, 1] },
      { name: "before", order: [1, 0] },
    ])(
      "leaves a user who keeps their number alone when a row $name theirs claims it",
      ({ order }) => {
        const keeper = claim(0, "anna@x.se", { phoneNumber: "+46812345678", extension: "0042" });
        const other = claim(1, "cia@x.se", { phoneNumber: "+46812345678", extension: "0042" });
        const rows = order.map((i) => [keeper, other][i]!);
        expect(codesByRow(findNumberConflicts(rows, existing, everyRow))).toEqual([
          [1, "phoneNumber", 1],
          [1, "extension", 1],
        ]);
      },
    );

    it("names the user without a row who holds a number, on every row that claims it", () => {
      const rows = [
        claim(0, "cia@x.se", { phoneNumber: "+46812345678" }),
        claim(1, "dan@x.se", { phoneNumber: "+46812345678" }),
      ];
      expect(codesByRow(findNumberConflicts(rows, existing, everyRow))).toEqual([
        [0, "phoneNumber", "anna@x.se"],
        [1, "phoneNumber", "anna@x.se"],
      ]);
    });
  });

  // A quadratic pass would take minutes here; the generous bound keeps a busy CI machine green.
  it("stays linear on 20,000 rows against 100,000 users", () => {
    const many: NumberHolder[] = Array.from({ length: 100_000 }, (_, i) => ({
      userKey: `u${i}@x.se`,
      phoneNumber: `+4681${String(i).padStart(7, "0")}`,
      extension: String(1000 + i),
      locationId: "sthlm",
    }));
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      claim(i, `new${i}@x.se`, { extension: String(200_000 + i) }),
    );
    const started = performance.now();
    expect(findNumberConflicts(rows, many)).toEqual([]);
    expect(findNumberConflicts(rows, many, { everyRow: true })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("quotas", () => {
  const quotas: PackageQuota[] = [
    { package: "webex_calling", maxUsers: 100, assignedUsers: 80 },
    { package: "webex_meetings", maxUsers: 50, assignedUsers: 50 },
    { package: "webex_suite", maxUsers: 10, assignedUsers: 12 },
  ];
  const newUsers = (count: number, pkg: SeatChange["package"], from = 0): SeatChange[] =>
    Array.from({ length: count }, (_, i) => ({
      index: from + i,
      package: pkg,
      previousPackage: null,
    }));

  describe("checkQuotas", () => {
    it.each([
      { name: "exactly the free seats (20 of 20)", demand: [["webex_calling", 20]] },
      { name: "fewer than the free seats", demand: [["webex_calling", 1]] },
      { name: "a net release on a full package", demand: [["webex_meetings", -3]] },
      { name: "nothing asked of an unoffered package", demand: [["webex_voice", 0]] },
    ] as const)("accepts $name", ({ demand }) => {
      expect(checkQuotas(new Map(demand), quotas)).toEqual([]);
    });

    it.each([
      {
        demand: 21,
        message: "Webex Calling: 21 new users requested but only 20 of 100 seats are free.",
      },
      {
        demand: 500,
        message: "Webex Calling: 500 new users requested but only 20 of 100 seats are free.",
      },
    ])("refuses $demand new Webex Calling users against 20 free seats", ({ demand, message }) => {
      expect(checkQuotas(new Map([["webex_calling", demand]]), quotas)).toEqual([
        {
          field: "package",
          code: "quota_exceeded",
          severity: "error",
          message,
          params: {
            package: "Webex Calling",
            packageId: "webex_calling",
            requested: demand,
            free: 20,
            max: 100,
          },
        },
      ]);
    });

    it.each([
      {
        pkg: "webex_meetings",
        message: "Webex Meetings: 1 new user requested but all 50 seats are taken.",
      },
      {
        pkg: "webex_suite",
        message: "Webex Suite: 1 new user requested but all 10 seats are taken.",
      },
    ] as const)("refuses a seat on a full package ($pkg)", ({ pkg, message }) => {
      expect(checkQuotas(new Map([[pkg, 1]]), quotas).map((i) => i.message)).toEqual([message]);
    });

    it("says 'is' for a single free seat", () => {
      const issues = checkQuotas(new Map([["webex_voice", 2]]), [
        { package: "webex_voice", maxUsers: 5, assignedUsers: 4 },
      ]);
      expect(issues[0]?.message).toBe(
        "Webex Voice: 2 new users requested but only 1 of 5 seats is free.",
      );
    });

    it("refuses a package the customer is not offered", () => {
      expect(checkQuotas(new Map([["cx_essentials", 1]]), quotas)).toEqual([
        {
          field: "package",
          code: "package_not_offered",
          severity: "error",
          message:
            "Customer Assist is not offered to this customer. Choose one of the customer's packages, or ask the partner to offer Customer Assist.",
          params: { package: "Customer Assist", packageId: "cx_essentials" },
        },
      ]);
    });
  });

  describe("seatDemand", () => {
    it("counts new users, moves and removals; unchanged packages use no seat", () => {
      const rows: SeatChange[] = [
        ...newUsers(2, "webex_calling"),
        { index: 2, package: "webex_suite", previousPackage: "webex_calling" },
        { index: 3, package: null, previousPackage: "webex_meetings" },
        { index: 4, package: "webex_voice", previousPackage: "webex_voice" },
      ];
      expect(seatDemand(rows)).toEqual(
        new Map([
          ["webex_calling", 1],
          ["webex_suite", 1],
          ["webex_meetings", -1],
        ]),
      );
    });
  });

  describe("findRowsOverQuota", () => {
    it("accepts 20 new users against 20 free seats", () => {
      expect(findRowsOverQuota(newUsers(20, "webex_calling"), quotas)).toEqual([]);
    });

    it("flags exactly the 21st new user against 20 free seats", () => {
      expect(findRowsOverQuota(newUsers(21, "webex_calling"), quotas)).toEqual([
        {
          index: 20,
          field: "package",
          code: "quota_exceeded",
          severity: "error",
          message:
            "No Webex Calling seat is left for this user: only 20 of 100 seats are free, and this is the 21st user in this request who needs one.",
          params: {
            package: "Webex Calling",
            packageId: "webex_calling",
            position: 21,
            free: 20,
            max: 100,
          },
        },
      ]);
    });

    it("flags the 21st to the 500th of 500 new users, and nobody before", () => {
      const issues = findRowsOverQuota(newUsers(500, "webex_calling"), quotas);
      expect(issues.map((i) => i.index)).toEqual(Array.from({ length: 480 }, (_, i) => 20 + i));
      expect(issues.at(-1)?.message).toContain("this is the 500th user");
    });

    it("counts seats freed anywhere in the operation, agreeing with checkQuotas", () => {
      const rows: SeatChange[] = [
        ...newUsers(2, "webex_meetings"),
        { index: 2, package: "webex_calling", previousPackage: "webex_meetings" },
        { index: 3, package: null, previousPackage: "webex_meetings" },
      ];
      expect(findRowsOverQuota(rows, quotas)).toEqual([]);
      expect(checkQuotas(seatDemand(rows), quotas)).toEqual([]);
    });

    it("ignores rows that keep their package, even on a full or unoffered package", () => {
      const rows: SeatChange[] = [
        { index: 0, package: "webex_meetings", previousPackage: "webex_meetings" },
        { index: 1, package: "cx_essentials", previousPackage: "cx_essentials" },
      ];
      expect(findRowsOverQuota(rows, quotas)).toEqual([]);
    });

    it("flags every row moving to a package the customer is not offered", () => {
      const rows: SeatChange[] = [
        ...newUsers(1, "cx_essentials"),
        { index: 1, package: "cx_essentials", previousPackage: "webex_calling" },
      ];
      expect(findRowsOverQuota(rows, quotas).map((i) => [i.index, i.code])).toEqual([
        [0, "package_not_offered"],
        [1, "package_not_offered"],
      ]);
    });

    it("treats an over-subscribed package as having no free seats", () => {
      const issues = findRowsOverQuota(newUsers(1, "webex_suite"), quotas);
      expect(issues[0]?.message).toBe(
        "No Webex Suite seat is left for this user: all 10 seats are taken, and this is the 1st user in this request who needs one.",
      );
    });
  });
});

describe("ordinal", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [111, "111th"],
    [501, "501st"],
  ])("%i → %s", (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
});
