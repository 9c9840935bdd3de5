import { describe, expect, it } from "vitest";
import { checkBulkChangePackage, type BulkUser } from "./bulk-change-package.ts";

const locations = [
  { id: "sthlm", name: "Stockholm" },
  { id: "gbg", name: "Göteborg" },
];
const quotas = [
  { package: "webex_calling" as const, maxUsers: 100, assignedUsers: 3 },
  { package: "webex_suite" as const, maxUsers: 10, assignedUsers: 8 },
  { package: "webex_meetings" as const, maxUsers: 10, assignedUsers: 1 },
];
let n = 0;
const calling = (over: Partial<BulkUser> = {}): BulkUser => ({
  id: `u${++n}`,
  email: `u${n}@x.se`,
  displayName: `User ${n}`,
  package: "webex_calling",
  phoneNumber: null,
  extension: String(100 + n),
  locationId: "sthlm",
  preferredWebexSite: null,
  ...over,
});

describe("checkBulkChangePackage", () => {
  it("moves calling users to Webex Suite keeping their numbers, warning about the site", () => {
    const users = [calling(), calling()];
    const r = checkBulkChangePackage(users, "webex_suite", { locations, quotas });
    expect(r.moving).toEqual(users);
    expect(r.issues.every((i) => i.severity === "warning")).toBe(true);
  });

  it("leaves out users already on the target package", () => {
    const users = [calling({ package: "webex_suite" }), calling()];
    expect(checkBulkChangePackage(users, "webex_suite", { locations, quotas }).moving).toEqual([
      users[1],
    ]);
  });

  it("names each user who cannot take the package as they are", () => {
    const meetingsUser = calling({
      package: "webex_meetings",
      extension: null,
      locationId: null,
      displayName: "Mona Möte",
      email: "mona@x.se",
    });
    const users = [calling(), meetingsUser];
    const r = checkBulkChangePackage(users, "webex_calling", { locations, quotas });
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        index: 1,
        code: "calling_number_required",
        params: expect.objectContaining({ userId: meetingsUser.id, email: "mona@x.se" }),
      }),
      expect.objectContaining({ index: 1, code: "location_required" }),
    ]);
    expect(errors[0]?.message).toMatch(/^Mona Möte \(mona@x\.se\): /);
  });

  it("refuses a move that would take a calling user's number away", () => {
    const r = checkBulkChangePackage([calling()], "webex_meetings", { locations, quotas });
    expect(r.issues.map((i) => i.code)).toContain("calling_fields_not_allowed");
  });

  it("counts seats over the whole selection: the third of two free Suite seats is named", () => {
    const users = [calling(), calling(), calling()];
    const r = checkBulkChangePackage(users, "webex_suite", { locations, quotas });
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((e) => [e.index, e.code])).toEqual([[2, "quota_exceeded"]]);
  });

  it("refuses a package the customer is not offered", () => {
    const r = checkBulkChangePackage([calling()], "webex_voice", { locations, quotas });
    expect(r.issues.map((i) => i.code)).toEqual(["package_not_offered"]);
  });
});
