import type { User } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import {
  changedFields,
  editValuesOf,
  editWarnings,
  serverFieldErrors,
  toUpdateInput,
  userEditResolver,
} from "./edit-user-form.ts";

const locations = [
  { id: "l1", name: "Stockholm" },
  { id: "l2", name: "Göteborg" },
];
const user: User = {
  id: "u1",
  email: "anna@x.se",
  firstName: "Anna",
  lastName: "Berg",
  displayName: "Anna Berg",
  package: "webex_suite",
  phoneNumber: "+46812345678",
  extension: "0042",
  locationId: "l1",
  locationName: "Stockholm",
  preferredWebexSite: null,
  baseLicences: [],
  status: "active",
  version: 3,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
const resolve = (values: ReturnType<typeof editValuesOf>) =>
  userEditResolver(user, locations)(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });

describe("the Edit details form", () => {
  it("resolves through the shared composition: a valid edit passes", async () => {
    const result = await resolve({ ...editValuesOf(user), firstName: "Åsa", locationId: "l2" });
    expect(result.errors).toEqual({});
  });

  it("puts the composition's errors on their fields", async () => {
    const result = await resolve({
      ...editValuesOf(user),
      firstName: " ",
      extension: "7",
      phoneNumber: "",
    });
    expect(Object.keys(result.errors).sort()).toEqual(["extension", "firstName"]);
    const none = await resolve({ ...editValuesOf(user), phoneNumber: "", extension: "" });
    expect(none.errors).toMatchObject({ phoneNumber: { type: "calling_number_required" } });
  });

  it("warns about a meetings user without a site, without blocking", () => {
    expect(editWarnings(user, editValuesOf(user), locations).map((w) => w.code)).toEqual([
      "webex_site_missing",
    ]);
  });

  it("sends every field, and says which differ from a newer version", () => {
    const typed = {
      ...editValuesOf(user),
      firstName: "Åsa",
      baseLicences: ["call_on_webex" as const],
    };
    expect(toUpdateInput(typed)).toMatchObject({ firstName: "Åsa", phoneNumber: "+46812345678" });
    expect(changedFields({ ...user, lastName: "Ek" }, typed)).toEqual([
      "firstName",
      "lastName",
      "baseLicences",
    ]);
  });

  it("maps the server's field errors for setError; unknown fields go to the form", () => {
    expect(
      serverFieldErrors([
        { code: "phone_taken", message: "taken", field: "phoneNumber" },
        { code: "custom", message: "other", field: "headers.if-match" },
        {
          code: "webex_site_missing",
          message: "w",
          field: "preferredWebexSite",
          severity: "warning",
        },
      ]).map(([field, e]) => [field, e.type]),
    ).toEqual([
      ["phoneNumber", "phone_taken"],
      ["root", "custom"],
    ]);
  });
});
