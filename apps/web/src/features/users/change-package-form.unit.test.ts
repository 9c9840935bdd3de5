import { PACKAGES, type PackageQuota, type User } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import {
  askedFields,
  hasChangeErrors,
  issuesFromChangeProblem,
  toChangePackageInput,
  validateChange,
} from "./change-package-form.ts";

const locations = [
  { id: "loc-1", name: "Stockholm HQ" },
  { id: "loc-2", name: "Malmö kontor" },
];

const quotas: PackageQuota[] = PACKAGES.map((p) => ({
  package: p.id,
  maxUsers: 100,
  assignedUsers: 0,
}));
const ctx = { locations, quotas };

const meetingsUser: User = {
  id: "u1",
  email: "ville@customer.example",
  firstName: "Ville",
  lastName: "Andersson",
  displayName: "Ville Andersson",
  package: "webex_meetings",
  phoneNumber: null,
  extension: null,
  locationId: null,
  locationName: null,
  preferredWebexSite: "customer.webex.com",
  baseLicences: [],
  status: "active",
  version: 3,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
const callingUser: User = {
  ...meetingsUser,
  package: "webex_calling",
  extension: "1234",
  locationId: "loc-1",
  locationName: "Stockholm HQ",
};

describe("askedFields", () => {
  it("asks for numbers and a location when a user without a number moves to calling", () => {
    expect(askedFields(meetingsUser, "webex_suite")).toEqual({ numbers: true, location: true });
  });
  it("asks nothing when the user already has a number, or the package has no calling", () => {
    expect(askedFields(callingUser, "webex_suite")).toEqual({ numbers: false, location: false });
    expect(askedFields(meetingsUser, "webex_meetings")).toEqual({
      numbers: false,
      location: false,
    });
  });
  it("asks only the location when the user has a number but no location", () => {
    expect(askedFields({ ...callingUser, locationId: null }, "webex_voice")).toEqual({
      numbers: false,
      location: true,
    });
  });
});

describe("toChangePackageInput", () => {
  it("sends what was asked, trimmed, and null for the rest", () => {
    const draft = {
      package: "webex_suite" as const,
      phoneNumber: " +46 8 123 456 78 ",
      extension: "",
      locationId: "loc-2",
    };
    expect(toChangePackageInput(meetingsUser, draft)).toEqual({
      package: "webex_suite",
      phoneNumber: "+46 8 123 456 78",
      extension: null,
      locationId: "loc-2",
    });
    expect(toChangePackageInput(callingUser, { ...draft, package: "webex_meetings" })).toEqual({
      package: "webex_meetings",
      phoneNumber: null,
      extension: null,
      locationId: null,
    });
  });
});

describe("validateChange", () => {
  it("needs a number and a location for a calling package", () => {
    const issues = validateChange(
      meetingsUser,
      { package: "webex_suite", phoneNumber: "", extension: "", locationId: "" },
      ctx,
    );
    expect(issues.fields.phoneNumber?.[0]?.code).toBe("calling_number_required");
    expect(issues.fields.locationId?.[0]?.code).toBe("location_required");
  });
  it("accepts a user who keeps their numbers, and ignores the site warning", () => {
    const issues = validateChange(
      callingUser,
      { package: "webex_suite", phoneNumber: "", extension: "", locationId: "" },
      ctx,
    );
    expect(hasChangeErrors(issues)).toBe(false);
  });
  it("reports a bad phone number beside the field", () => {
    const issues = validateChange(
      meetingsUser,
      { package: "webex_calling", phoneNumber: "12ab", extension: "", locationId: "loc-1" },
      ctx,
    );
    expect(issues.fields.phoneNumber?.[0]?.code).toBe("phone_invalid");
  });
  it("refuses a move into a package with no free seat, beside the package", () => {
    const full = quotas.map((q) =>
      q.package === "webex_suite" ? { ...q, maxUsers: 5, assignedUsers: 5 } : q,
    );
    const issues = validateChange(
      callingUser,
      { package: "webex_suite", phoneNumber: "", extension: "", locationId: "" },
      { locations, quotas: full },
    );
    expect(issues.fields.package?.map((i) => i.code)).toEqual(["quota_exceeded"]);
  });
  it("says about a bad number and a full package in the same round", () => {
    const full = quotas.map((q) =>
      q.package === "webex_calling" ? { ...q, maxUsers: 5, assignedUsers: 5 } : q,
    );
    const issues = validateChange(
      meetingsUser,
      { package: "webex_calling", phoneNumber: "12ab", extension: "", locationId: "loc-1" },
      { locations, quotas: full },
    );
    expect(issues.fields.phoneNumber?.[0]?.code).toBe("phone_invalid");
    expect(issues.fields.package?.[0]?.code).toBe("quota_exceeded");
  });
});

describe("issuesFromChangeProblem", () => {
  it("puts known fields beside them and the rest at the top", () => {
    const issues = issuesFromChangeProblem([
      { code: "phone_taken", message: "taken", field: "phoneNumber", severity: "error" },
      { code: "invalid", message: "bad header", field: "headers.if-match" },
    ]);
    expect(issues.fields.phoneNumber).toHaveLength(1);
    expect(issues.general.map((i) => i.code)).toEqual(["invalid"]);
  });
});
