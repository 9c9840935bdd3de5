import { describe, expect, it } from "vitest";
import { validateChangePackage, type ChangePackageUser } from "./validate-change-package.ts";

const locations = [
  { id: "loc-1", name: "Stockholm HQ" },
  { id: "loc-2", name: "Malmö kontor" },
];
const quotas = [
  { package: "webex_calling" as const, maxUsers: 5, assignedUsers: 5 },
  { package: "webex_suite" as const, maxUsers: 5, assignedUsers: 1 },
  { package: "webex_meetings" as const, maxUsers: 5, assignedUsers: 1 },
];
const callingUser: ChangePackageUser = {
  userKey: "ville@x.se",
  package: "webex_calling",
  phoneNumber: "+46812345678",
  extension: null,
  locationId: "loc-1",
  preferredWebexSite: null,
};
const codes = (r: ReturnType<typeof validateChangePackage>) =>
  r.issues.map((i) => `${i.field}.${i.code}`);

describe("validateChangePackage", () => {
  it("carries the user's numbers over to a calling package", () => {
    const result = validateChangePackage(
      callingUser,
      { package: "webex_suite" },
      { locations, quotas },
    );
    expect(codes(result)).toEqual(["preferredWebexSite.webex_site_missing"]);
    expect(result.value).toMatchObject({ phoneNumber: "+46812345678", locationId: "loc-1" });
  });

  it("reports a bad number and a full package in one round", () => {
    const result = validateChangePackage(
      { ...callingUser, package: "webex_meetings", phoneNumber: null, locationId: null },
      { package: "webex_calling", phoneNumber: "12ab", locationId: "loc-2" },
      { locations, quotas },
    );
    expect(codes(result)).toEqual(["phoneNumber.phone_invalid", "package.quota_exceeded"]);
  });

  it("keeps the user's own number, and refuses someone else's", () => {
    const holders = [
      { userKey: "ville@x.se", phoneNumber: "+46812345678", extension: null, locationId: "loc-1" },
      { userKey: "other@x.se", phoneNumber: "+46812345679", extension: null, locationId: "loc-1" },
    ];
    const ctx = { locations, quotas, numberHolders: holders };
    expect(codes(validateChangePackage(callingUser, { package: "webex_suite" }, ctx))).toEqual([
      "preferredWebexSite.webex_site_missing",
    ]);
    expect(
      codes(
        validateChangePackage(
          callingUser,
          { package: "webex_suite", phoneNumber: "+46812345679" },
          ctx,
        ),
      ),
    ).toEqual(["preferredWebexSite.webex_site_missing", "phoneNumber.phone_taken"]);
  });
});
