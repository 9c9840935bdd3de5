import { describe, expect, it } from "vitest";
import { validateUserEdit, type EditableUser } from "./user-edit.ts";

const locations = [
  { id: "sthlm", name: "Stockholm" },
  { id: "gbg", name: "Göteborg" },
];
const caller: EditableUser = {
  userKey: "anna@x.se",
  firstName: "Anna",
  lastName: "Berg",
  displayName: "Anna Berg",
  package: "webex_calling",
  phoneNumber: "+46812345678",
  extension: "0042",
  locationId: "sthlm",
  preferredWebexSite: null,
  baseLicences: [],
};
const meetings: EditableUser = {
  ...caller,
  userKey: "bo@x.se",
  package: "webex_meetings",
  phoneNumber: null,
  extension: null,
  locationId: null,
  preferredWebexSite: "kund.webex.com",
};
const errors = (r: ReturnType<typeof validateUserEdit>) =>
  r.issues.filter((i) => i.severity === "error").map((i) => [i.field, i.code]);

describe("validateUserEdit", () => {
  it("fixes a name and leaves everything left out as it is", () => {
    const r = validateUserEdit(caller, { firstName: " Åsa " }, { locations });
    expect(r.issues).toEqual([]);
    expect(r.changed).toEqual(["firstName"]);
    expect(r.value).toMatchObject({
      firstName: "Åsa",
      lastName: "Berg",
      phoneNumber: "+46812345678",
    });
  });

  it("moves a calling user to another location, normalising the number typed", () => {
    const r = validateUserEdit(
      caller,
      { locationId: "gbg", phoneNumber: "+46 8 765 432 10" },
      { locations },
    );
    expect(errors(r)).toEqual([]);
    expect(r.value).toMatchObject({ locationId: "gbg", phoneNumber: "+46876543210" });
    expect(r.changed).toEqual(["phoneNumber", "locationId"]);
  });

  it("a cleared display name becomes first and last name", () => {
    const r = validateUserEdit(caller, { displayName: "", firstName: "Eva" }, { locations });
    expect(r.value.displayName).toBe("Eva Berg");
  });

  it.each([
    {
      name: "an empty first name",
      edit: { firstName: "  " },
      field: "firstName",
      code: "too_small",
    },
    {
      name: "an extension of one digit",
      edit: { extension: "7" },
      field: "extension",
      code: "extension_invalid",
    },
    {
      name: "a phone number that is not one",
      edit: { phoneNumber: "12ab" },
      field: "phoneNumber",
      code: "phone_invalid",
    },
    {
      name: "a location of another customer",
      edit: { locationId: "elsewhere" },
      field: "locationId",
      code: "location_unknown",
    },
    {
      name: "no number left",
      edit: { phoneNumber: null, extension: "" },
      field: "phoneNumber",
      code: "calling_number_required",
    },
    {
      name: "no location left",
      edit: { locationId: null },
      field: "locationId",
      code: "location_required",
    },
    {
      name: "an unknown base licence",
      edit: { baseLicences: ["free_lunch"] },
      field: "baseLicences.0",
      code: "invalid_value",
    },
    {
      name: "a package change (its own flow)",
      edit: { package: "webex_suite" },
      field: "package",
      code: "unrecognized_keys",
    },
  ])("refuses $name, naming the field", ({ edit, field, code }) => {
    const r = validateUserEdit(caller, edit as never, { locations });
    expect(errors(r)).toEqual([[field, code]]);
  });

  it("refuses numbers held by another user: phone in the customer, extension in the location", () => {
    const numberHolders = [
      { userKey: "cia@x.se", phoneNumber: "+46701234567", extension: "100", locationId: "gbg" },
    ];
    const r = validateUserEdit(
      caller,
      { phoneNumber: "+46701234567", extension: "100", locationId: "gbg" },
      { locations, numberHolders },
    );
    expect(errors(r)).toEqual([
      ["phoneNumber", "phone_taken"],
      ["extension", "extension_taken"],
    ]);
    expect(r.issues[0]?.message).toContain("cia@x.se");
    // The same extension in another location is free.
    expect(
      errors(validateUserEdit(caller, { extension: "100" }, { locations, numberHolders })),
    ).toEqual([]);
  });

  it("a user keeps their own numbers", () => {
    const numberHolders = [
      { userKey: "anna@x.se", phoneNumber: "+46812345678", extension: "0042", locationId: "sthlm" },
    ];
    expect(
      errors(validateUserEdit(caller, { firstName: "A" }, { locations, numberHolders })),
    ).toEqual([]);
  });

  it("warns (does not refuse) when a meetings user has no Preferred Webex Site", () => {
    const r = validateUserEdit(meetings, { preferredWebexSite: null }, { locations });
    expect(r.issues).toEqual([
      expect.objectContaining({
        field: "preferredWebexSite",
        code: "webex_site_missing",
        severity: "warning",
      }),
    ]);
  });

  it("gives a meetings user no calling details", () => {
    const r = validateUserEdit(meetings, { extension: "55" }, { locations });
    expect(errors(r)).toEqual([["extension", "calling_fields_not_allowed"]]);
  });

  it("changes base licences, order aside", () => {
    const withTwo = { ...caller, baseLicences: ["basic_messaging", "call_on_webex"] as const };
    expect(
      validateUserEdit(
        withTwo,
        { baseLicences: ["call_on_webex", "basic_messaging"] },
        { locations },
      ).changed,
    ).toEqual([]);
    expect(validateUserEdit(withTwo, { baseLicences: [] }, { locations }).changed).toEqual([
      "baseLicences",
    ]);
  });
});
