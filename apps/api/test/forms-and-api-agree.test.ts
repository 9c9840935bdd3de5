import {
  CustomerSchema,
  LocationSchema,
  UserSchema,
  pageOf,
  type Customer,
  type Location,
  type PackageId,
  type ProblemError,
  type User,
} from "@partner-hub/shared";
import { beforeAll, describe, expect, it } from "vitest";
// The web app's own validation modules (free of React), as the forms' resolvers call them. The
// API never imports the SPA (eslint.config.js); this test is the one deliberate exception, since
// its whole point is to run the browser's validation beside the API's.
/* eslint-disable import-x/no-restricted-paths -- see above */
import {
  emptyRow,
  toNewUserInput,
  validateRows,
  type UserRowDraft,
  type WizardIssues,
} from "../../web/src/features/users/add-users-form.ts";
import {
  toChangePackageInput,
  validateChange,
  type ChangeDraft,
  type ChangeIssues,
} from "../../web/src/features/users/change-package-form.ts";
/* eslint-enable import-x/no-restricted-paths */
import { client, useTestApp } from "./setup/test-app.ts";

// Issue 16, item 1: the manual-add wizard and the change-package dialog run the same shared
// composition as the API. Each row of these tables goes through the web form's validation, with
// what the browser fetched (locations, the customer's quotas), and through the API; both must
// find the same issues. Only checks the browser cannot make (an email or number already held
// by someone in the database) are left out: those stay the server's.

interface Found {
  row?: number;
  field: string;
  code: string;
  severity: string;
}

const sorted = (found: Found[]) =>
  [...found].sort((a, b) =>
    `${a.row ?? ""}|${a.field}|${a.code}`.localeCompare(`${b.row ?? ""}|${b.field}|${b.code}`),
  );

function fromWizard(issues: WizardIssues): Found[] {
  const found: Found[] = issues.rows.flatMap((row, index) =>
    Object.entries(row).flatMap(([field, list]) =>
      list.map((i) => ({ row: index, field, code: i.code, severity: i.severity })),
    ),
  );
  for (const i of issues.general) found.push({ field: "", code: i.code, severity: i.severity });
  return sorted(found);
}

function fromDialog(issues: ChangeIssues): Found[] {
  const found: Found[] = Object.entries(issues.fields).flatMap(([field, list]) =>
    list.map((i) => ({ field, code: i.code, severity: i.severity })),
  );
  for (const i of issues.general) found.push({ field: "", code: i.code, severity: i.severity });
  return sorted(found);
}

const ROW_FIELD = /^users\.(\d+)\.(\w+)$/;

function fromApi(problems: ProblemError[], rows: boolean): Found[] {
  return sorted(
    problems.map((p) => {
      const match = rows ? ROW_FIELD.exec(p.field ?? "") : null;
      return match
        ? {
            row: Number(match[1]),
            field: match[2] ?? "",
            code: p.code,
            severity: p.severity ?? "error",
          }
        : { field: p.field ?? "", code: p.code, severity: p.severity ?? "error" };
    }),
  );
}

describe("the forms and the API find the same issues", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 6, usersOfOthers: [1, 1] });
  let customerId: string;
  const admin = () => client(ctx.app, ctx.sessions.customerAdmin);
  const usersUrl = () => `/api/v1/customers/${customerId}/users`;
  let loc1: string;
  let loc2: string;
  const run = Date.now().toString().slice(-5);
  let seq = 0;
  const phone = () => `+46 8 ${run}${String(++seq).padStart(3, "0")}`;
  const ext = () => `7${String(++seq).padStart(3, "0")}`;

  /** What the browser has when the form is on screen: fetched through the API like the SPA. */
  async function browserContext(): Promise<{ customer: Customer; locations: Location[] }> {
    const customer = CustomerSchema.parse(
      (await admin().get(`/api/v1/customers/${customerId}`)).json(),
    );
    const locations = pageOf(LocationSchema).parse(
      (await admin().get(`/api/v1/customers/${customerId}/locations?max=100`)).json(),
    ).items;
    return { customer, locations };
  }

  async function setQuota(pkg: PackageId, free: number | null) {
    const { prisma } = ctx.database.db;
    if (free === null) {
      await prisma.customerPackageQuota.deleteMany({ where: { customerId, package: pkg } });
      return;
    }
    const assigned = await prisma.user.count({ where: { customerId, package: pkg } });
    await prisma.customerPackageQuota.upsert({
      where: { customerId_package: { customerId, package: pkg } },
      update: { maxUsers: assigned + free },
      create: { customerId, package: pkg, maxUsers: assigned + free },
    });
  }

  beforeAll(async () => {
    customerId = ctx.sessions.customerAdmin.me.customerId!;
    const locations = await ctx.database.db.prisma.location.findMany({
      where: { customerId },
      orderBy: { name: "asc" },
    });
    expect(locations.length).toBeGreaterThan(1);
    loc1 = locations[0]!.id;
    loc2 = locations[1]!.id;
  });

  describe("manual add", () => {
    const user = (fields: Partial<UserRowDraft>): UserRowDraft => ({
      ...emptyRow(null),
      firstName: "Åsa",
      lastName: "Parity",
      email: `parity${++seq}.${run}@customer.example`,
      preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
      ...fields,
    });
    const calling = (fields: Partial<UserRowDraft> = {}) =>
      user({ package: "webex_calling", phoneNumber: phone(), locationId: loc1, ...fields });

    // Each case: rows as typed in the wizard, and any quota to set first (free seats; null =
    // not offered). `expected` is what both must find, so the table also says what the rules are.
    const cases: {
      name: string;
      quota?: [PackageId, number | null];
      rows: () => UserRowDraft[];
      expected: string[];
    }[] = [
      {
        // Used to disagree: the server counted seats only over rows without errors.
        name: "a row with another error still takes its seat",
        quota: ["webex_voice", 1],
        rows: () => [
          user({ package: "webex_voice", extension: "1", locationId: loc1 }),
          user({ package: "webex_voice", extension: ext(), locationId: loc1 }),
        ],
        expected: ["0.extension.extension_invalid", "1.package.quota_exceeded"],
      },
      {
        // Used to disagree: the browser checked numbers only on rows without errors.
        name: "a row with another error still clashes on its number",
        rows: () => {
          const shared = phone();
          return [
            calling({ phoneNumber: shared }),
            calling({ phoneNumber: shared, extension: "1" }),
          ];
        },
        expected: ["1.extension.extension_invalid", "1.phoneNumber.phone_taken"],
      },
      {
        name: "an extension given twice at one location, but fine at another",
        rows: () => {
          const shared = ext();
          return [
            calling({ extension: shared }),
            calling({ extension: shared }),
            calling({ extension: shared, locationId: loc2 }),
          ];
        },
        expected: ["1.extension.extension_taken"],
      },
      {
        name: "a calling package without number or location",
        rows: () => [user({ package: "webex_suite" })],
        expected: ["0.locationId.location_required", "0.phoneNumber.calling_number_required"],
      },
      {
        name: "an unknown location and a number that is not one",
        rows: () => [
          calling({ locationId: "7d9f0c0e-0000-4000-8000-000000000000" }),
          calling({ phoneNumber: "12ab" }),
        ],
        expected: ["0.locationId.location_unknown", "1.phoneNumber.phone_invalid"],
      },
      {
        name: "the same email twice, whatever its case",
        rows: () => {
          const first = user({ package: "webex_meetings" });
          return [first, user({ package: "webex_meetings", email: first.email.toUpperCase() })];
        },
        expected: ["0.email.email_duplicate", "1.email.email_duplicate"],
      },
      {
        name: "a package the customer is not offered",
        quota: ["cx_essentials", null],
        rows: () => [user({ package: "cx_essentials", extension: ext(), locationId: loc1 })],
        expected: ["0.package.package_not_offered"],
      },
      {
        name: "warnings only: the users are added and both say so",
        rows: () => [
          user({ package: "webex_meetings", preferredWebexSite: "" }),
          calling({ phoneNumber: `46 8 ${run}${String(++seq).padStart(3, "0")}` }),
        ],
        expected: [
          "0.preferredWebexSite.webex_site_missing:warning",
          "1.phoneNumber.phone_plus_restored:warning",
        ],
      },
      {
        name: "exactly the free seats",
        quota: ["webex_voice", 2],
        rows: () => [
          user({ package: "webex_voice", extension: ext(), locationId: loc1 }),
          user({ package: "webex_voice", extension: ext(), locationId: loc2 }),
        ],
        expected: [],
      },
    ];

    it.each(cases)("$name", async ({ quota, rows: make, expected }) => {
      if (quota) await setQuota(...quota);
      const rows = make();
      const { customer, locations } = await browserContext();

      const browser = fromWizard(validateRows(rows, { locations, quotas: customer.quotas }));
      const res = await admin().post(usersUrl(), { users: rows.map(toNewUserInput) });
      const body = res.json();
      const api = fromApi(res.statusCode === 201 ? body.warnings : body.errors, true);

      expect(res.statusCode, res.body).toBe(
        expected.some((e) => !e.endsWith(":warning")) ? 400 : 201,
      );
      expect(browser).toEqual(api);
      expect(
        browser.map(
          (f) => `${f.row}.${f.field}.${f.code}${f.severity === "warning" ? ":warning" : ""}`,
        ),
      ).toEqual([...expected].sort());
    });
  });

  describe("change package", () => {
    /** A fresh Webex Meetings user per case, so every change starts from the same place. */
    async function meetingsUser(): Promise<User> {
      const res = await admin().post(usersUrl(), {
        users: [
          {
            email: `change${++seq}.${run}@customer.example`,
            firstName: "Ville",
            lastName: "Parity",
            package: "webex_meetings",
            preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      return UserSchema.parse(res.json().items[0]);
    }

    const cases: {
      name: string;
      quota?: [PackageId, number | null];
      draft: () => ChangeDraft;
      expected: string[];
    }[] = [
      {
        name: "to a calling package without a number or location",
        draft: () => ({ package: "webex_suite", phoneNumber: "", extension: "", locationId: "" }),
        expected: ["locationId.location_required", "phoneNumber.calling_number_required"],
      },
      {
        // Used to disagree: the dialog never looked at quotas, the server only when the fields
        // were fine.
        name: "a number that is not one, into a full package",
        quota: ["webex_calling_standard", 0],
        draft: () => ({
          package: "webex_calling_standard",
          phoneNumber: "12ab",
          extension: "",
          locationId: loc1,
        }),
        expected: ["package.quota_exceeded", "phoneNumber.phone_invalid"],
      },
      {
        name: "a valid number into a full package",
        quota: ["webex_voice", 0],
        draft: () => ({
          package: "webex_voice",
          phoneNumber: phone(),
          extension: "",
          locationId: loc1,
        }),
        expected: ["package.quota_exceeded"],
      },
      {
        name: "a package the customer is not offered",
        quota: ["cx_essentials", null],
        draft: () => ({
          package: "cx_essentials",
          phoneNumber: "",
          extension: ext(),
          locationId: loc2,
        }),
        expected: ["package.package_not_offered"],
      },
      {
        name: "a number without its + is read and changed, with a warning from both",
        quota: ["webex_suite", 5],
        draft: () => ({
          package: "webex_suite",
          phoneNumber: `46 8 ${run}${String(++seq).padStart(3, "0")}`,
          extension: "",
          locationId: loc2,
        }),
        expected: ["phoneNumber.phone_plus_restored:warning"],
      },
    ];

    it.each(cases)("$name", async ({ quota, draft: make, expected }) => {
      if (quota) await setQuota(...quota);
      const user = await meetingsUser();
      const draft = make();
      const { customer, locations } = await browserContext();

      const browser = fromDialog(
        validateChange(user, draft, { locations, quotas: customer.quotas }),
      );
      const res = await admin().put(
        `${usersUrl()}/${user.id}/package`,
        toChangePackageInput(user, draft),
        {
          "if-match": `"${user.version}"`,
        },
      );
      const body = res.json();
      const api = fromApi(res.statusCode === 200 ? body.warnings : body.errors, false);

      expect(res.statusCode, res.body).toBe(
        expected.some((e) => !e.endsWith(":warning")) ? 400 : 200,
      );
      expect(browser).toEqual(api);
      expect(
        browser.map((f) => `${f.field}.${f.code}${f.severity === "warning" ? ":warning" : ""}`),
      ).toEqual([...expected].sort());
    });
  });
});
