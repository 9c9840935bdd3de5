import { describe, expect, it } from "vitest";
import { diffAudit } from "./audit-diff.ts";

const meetingsUser = {
  email: "ville@customer.example",
  firstName: "Ville",
  lastName: "Andersson",
  displayName: "Ville Andersson",
  package: "webex_meetings",
  phoneNumber: null,
  extension: null,
  locationId: null,
  location: null,
  preferredWebexSite: "customer.webex.com",
  baseLicences: ["call_on_webex"],
  status: "active",
};

describe("diffAudit", () => {
  it("lists only the fields a package change touched, location by name", () => {
    const after = {
      ...meetingsUser,
      package: "webex_suite",
      phoneNumber: "+46812345678",
      locationId: "loc-1",
      location: "Stockholm HQ",
    };
    expect(diffAudit(meetingsUser, after)).toEqual([
      { field: "package", before: "webex_meetings", after: "webex_suite" },
      { field: "phoneNumber", before: null, after: "+46812345678" },
      { field: "location", before: null, after: "Stockholm HQ" },
    ]);
  });

  it("shows what a created user was created with, leaving empty fields out", () => {
    const fields = diffAudit(null, meetingsUser).map((c) => c.field);
    expect(fields).toEqual([
      "package",
      "preferredWebexSite",
      "email",
      "firstName",
      "lastName",
      "displayName",
      "status",
      "baseLicences",
    ]);
  });

  it("shows what a removed user had", () => {
    expect(diffAudit(meetingsUser, null)).toContainEqual({
      field: "package",
      before: "webex_meetings",
      after: null,
    });
  });

  it("compares licence lists regardless of order, and treats empty as none", () => {
    const a = { ...meetingsUser, baseLicences: ["basic_messaging", "call_on_webex"] };
    const b = { ...meetingsUser, baseLicences: ["call_on_webex", "basic_messaging"] };
    expect(diffAudit(a, b)).toEqual([]);
    expect(
      diffAudit({ ...meetingsUser, baseLicences: [] }, { ...meetingsUser, baseLicences: [] }),
    ).toEqual([]);
    expect(diffAudit({ ...meetingsUser, extension: "" }, meetingsUser)).toEqual([]);
  });

  it("falls back to the location id when a snapshot has no name", () => {
    expect(diffAudit({ locationId: null }, { locationId: "loc-9" })).toEqual([
      { field: "location", before: null, after: "loc-9" },
    ]);
  });
});
