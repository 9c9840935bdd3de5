import { PACKAGES, type PackageQuota } from "@partner-hub/shared";
import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { emptyRow, issuesFromProblem, type UserRowDraft } from "./add-users-form.ts";
import {
  addUsersResolver,
  fromFormErrors,
  serverErrorEntries,
  type AddUsersValues,
} from "./add-users-resolver.ts";

const locations = [
  { id: "loc-1", name: "Stockholm HQ" },
  { id: "loc-2", name: "Malmö kontor" },
];
const quotas: PackageQuota[] = PACKAGES.map((p) => ({
  package: p.id,
  maxUsers: 100,
  assignedUsers: 0,
}));
const options = { shouldUseNativeValidation: false, fields: {} } as ResolverOptions<AddUsersValues>;

function row(fields: Partial<UserRowDraft>): UserRowDraft {
  return {
    ...emptyRow(null),
    firstName: "Ada",
    lastName: "Lund",
    email: "ada@customer.example",
    ...fields,
  };
}

async function resolve(users: UserRowDraft[]) {
  return addUsersResolver({ users }, { locations, quotas }, options);
}

describe("addUsersResolver", () => {
  it("lets complete rows through, warnings and all", async () => {
    const result = await resolve([row({ package: "webex_meetings" })]);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ users: [row({ package: "webex_meetings" })] });
  });

  it("blocks with each issue at users.<row>.<field>, warnings shown beside the errors", async () => {
    const result = await resolve([
      row({ package: "webex_meetings" }),
      row({ email: "b@c.example", package: "webex_calling" }),
    ]);
    expect(result.values).toEqual({});
    const issues = fromFormErrors(result.errors, 2);
    expect(issues.rows[0]?.preferredWebexSite?.map((i) => i.severity)).toEqual(["warning"]);
    expect(issues.rows[1]?.phoneNumber?.map((i) => i.code)).toEqual(["calling_number_required"]);
    expect(issues.rows[1]?.locationId?.map((i) => i.code)).toEqual(["location_required"]);
    // The params travel with the issue, so the text can be said in the UI language.
    expect(issues.rows[1]?.phoneNumber?.[0]?.params).toMatchObject({ package: "Webex Calling" });
  });
});

describe("serverErrorEntries", () => {
  it("turns a refusal into setError calls per row field, the rest general", () => {
    const issues = issuesFromProblem(
      [
        { code: "email_exists", message: "exists", field: "users.1.email", row: 2 },
        { code: "too_big", message: "too many", field: "users" },
      ],
      2,
    );
    const entries = serverErrorEntries(issues);
    expect(entries.map((e) => e.name)).toEqual(["users.1.email", "root.general"]);
    expect(entries[0]?.error).toMatchObject({ type: "email_exists", message: "exists" });
  });
});
