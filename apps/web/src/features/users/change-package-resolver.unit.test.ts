import { PACKAGES, type User } from "@partner-hub/shared";
import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import type { ChangeDraft } from "./change-package-form.ts";
import { issuesFromChangeProblem } from "./change-package-form.ts";
import {
  changePackageResolver,
  changeServerErrorEntries,
  fromChangeFormErrors,
  type ChangeFormContext,
} from "./change-package-resolver.ts";

const user: User = {
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
const context: ChangeFormContext = {
  user,
  locations: [
    { id: "loc-1", name: "Stockholm HQ" },
    { id: "loc-2", name: "Malmö kontor" },
  ],
  quotas: PACKAGES.map((p) => ({ package: p.id, maxUsers: 10, assignedUsers: 0 })),
};
const options = { shouldUseNativeValidation: false, fields: {} } as ResolverOptions<ChangeDraft>;

describe("changePackageResolver", () => {
  it("blocks a calling package without a number, each issue beside its field", async () => {
    const draft: ChangeDraft = {
      package: "webex_suite",
      phoneNumber: "",
      extension: "",
      locationId: "",
    };
    const result = await changePackageResolver(draft, context, options);
    expect(result.values).toEqual({});
    const issues = fromChangeFormErrors(result.errors);
    expect(issues.fields.phoneNumber?.map((i) => i.code)).toEqual(["calling_number_required"]);
    expect(issues.fields.locationId?.map((i) => i.code)).toEqual(["location_required"]);
  });

  it("lets a complete change through", async () => {
    const draft: ChangeDraft = {
      package: "webex_suite",
      phoneNumber: "+46 8 123 456 78",
      extension: "",
      locationId: "loc-2",
    };
    const result = await changePackageResolver(draft, context, options);
    expect(result).toEqual({ values: draft, errors: {} });
  });
});

describe("changeServerErrorEntries", () => {
  it("sets known fields and keeps the rest general", () => {
    const entries = changeServerErrorEntries(
      issuesFromChangeProblem([
        { code: "phone_taken", message: "taken", field: "phoneNumber", severity: "error" },
        { code: "invalid", message: "bad header", field: "headers.if-match" },
      ]),
    );
    expect(entries.map((e) => [e.name, e.error.type])).toEqual([
      ["phoneNumber", "phone_taken"],
      ["root.general", "invalid"],
    ]);
  });
});
