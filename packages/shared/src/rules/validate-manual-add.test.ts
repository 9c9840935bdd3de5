import { describe, expect, it } from "vitest";
import { PACKAGES } from "../catalogue/packages.ts";
import type { PackageQuota } from "../schemas/customers.ts";
import { numbersToLookUp, validateManualAdd, type ManualAddRow } from "./validate-manual-add.ts";

const locations = [
  { id: "loc-1", name: "Stockholm HQ" },
  { id: "loc-2", name: "Malmö kontor" },
];
const roomy: PackageQuota[] = PACKAGES.map((p) => ({
  package: p.id,
  maxUsers: 100,
  assignedUsers: 0,
}));
const codes = (rows: ManualAddRow[], ctx = {}) =>
  validateManualAdd(rows, { locations, quotas: roomy, ...ctx }).issues.map(
    (i) => `${i.index}.${i.field}.${i.code}`,
  );
const calling = (over: Partial<ManualAddRow> = {}): ManualAddRow => ({
  email: "a@x.se",
  package: "webex_calling",
  phoneNumber: "+46812345678",
  locationId: "loc-1",
  ...over,
});

describe("validateManualAdd", () => {
  it("counts every row with a package against the quota, even one with another error", () => {
    const oneFree: PackageQuota[] = [{ package: "webex_voice", maxUsers: 3, assignedUsers: 2 }];
    const rows: ManualAddRow[] = [
      { email: "a@x.se", package: "webex_voice", extension: "1", locationId: "loc-1" },
      { email: "b@x.se", package: "webex_voice", extension: "200", locationId: "loc-1" },
    ];
    expect(codes(rows, { quotas: oneFree })).toEqual([
      "0.extension.extension_invalid",
      "1.package.quota_exceeded",
    ]);
  });

  it("checks the numbers of every row, but only numbers that are numbers", () => {
    expect(
      codes([
        calling(),
        calling({ email: "b@x.se", extension: "1" }),
        calling({ email: "c@x.se", phoneNumber: "12ab" }),
        calling({ email: "d@x.se", phoneNumber: "12ab" }),
      ]),
    ).toEqual([
      "1.extension.extension_invalid",
      "1.phoneNumber.phone_taken",
      "2.phoneNumber.phone_invalid",
      "3.phoneNumber.phone_invalid",
    ]);
  });

  it("leaves emails and numbers others hold to whoever knows them", () => {
    const row = calling({ email: " Taken@X.se " });
    expect(codes([row])).toEqual([]);
    expect(
      codes([row], {
        existingUserKeys: new Set(["taken@x.se"]),
        numberHolders: [
          { userKey: "z@x.se", phoneNumber: "+46812345678", extension: null, locationId: null },
        ],
      }),
    ).toEqual(["0.email.email_exists", "0.phoneNumber.phone_taken"]);
  });

  it("judges a row without a package on its email only", () => {
    const { issues, values } = validateManualAdd(
      [
        { email: "a@x.se", package: null, phoneNumber: "nonsense" },
        { email: "A@x.se", package: null },
      ],
      { locations, quotas: [] },
    );
    expect(issues.map((i) => i.code)).toEqual(["email_duplicate", "email_duplicate"]);
    expect(values).toEqual([null, null]);
  });

  it("returns the values normalised, the only location defaulted", () => {
    const { values } = validateManualAdd(
      [calling({ phoneNumber: "+46 8 123 456 78", locationId: null })],
      { locations: [locations[0]!], quotas: roomy },
    );
    expect(values[0]).toMatchObject({ phoneNumber: "+46812345678", locationId: "loc-1" });
  });
});

describe("numbersToLookUp", () => {
  it("gives the valid numbers as stored, once each", () => {
    expect(
      numbersToLookUp([
        calling({ phoneNumber: "+46 8 123 456 78", extension: "0042" }),
        calling({ phoneNumber: "+46812345678", extension: "x" }),
      ]),
    ).toEqual({ phoneNumbers: ["+46812345678"], extensions: ["0042"] });
  });
});
