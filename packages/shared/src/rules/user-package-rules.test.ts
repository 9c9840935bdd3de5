import { describe, expect, it } from "vitest";
import type { PackageId } from "../catalogue/packages.ts";
import { checkPackageFields, type PackageFields } from "./user-package-rules.ts";

const stockholm = { id: "loc-sthlm", name: "Stockholm" };
const goteborg = { id: "loc-gbg", name: "Göteborg" };
const oneLocation = { locations: [stockholm] };
const twoLocations = { locations: [stockholm, goteborg] };
const noLocations = { locations: [] };

function fields(pkg: PackageId, over: Partial<PackageFields> = {}): PackageFields {
  return {
    package: pkg,
    phoneNumber: null,
    extension: null,
    locationId: null,
    preferredWebexSite: null,
    ...over,
  };
}

describe("checkPackageFields: valid users", () => {
  it.each([
    {
      name: "calling user with a spaced +46 number and a location",
      input: fields("webex_calling", { phoneNumber: "+46 8 123 456 78", locationId: "loc-gbg" }),
      ctx: twoLocations,
      value: fields("webex_calling", { phoneNumber: "+46812345678", locationId: "loc-gbg" }),
    },
    {
      name: "calling user with an extension only, leading zeros kept",
      input: fields("webex_voice", { extension: "0042", locationId: "loc-sthlm" }),
      ctx: twoLocations,
      value: fields("webex_voice", { extension: "0042", locationId: "loc-sthlm" }),
    },
    {
      name: "location defaulted when the customer has exactly one",
      input: fields("cx_essentials", { phoneNumber: "+46701234567", extension: "12" }),
      ctx: oneLocation,
      value: fields("cx_essentials", {
        phoneNumber: "+46701234567",
        extension: "12",
        locationId: "loc-sthlm",
      }),
    },
    {
      name: "suite user with everything",
      input: fields("webex_suite", { extension: "1001", preferredWebexSite: "acme.webex.com" }),
      ctx: oneLocation,
      value: fields("webex_suite", {
        extension: "1001",
        locationId: "loc-sthlm",
        preferredWebexSite: "acme.webex.com",
      }),
    },
    {
      name: "meetings user with a site; blank calling fields count as not given",
      input: fields("webex_meetings", {
        phoneNumber: " ",
        extension: "",
        preferredWebexSite: " acme.webex.com ",
      }),
      ctx: twoLocations,
      value: fields("webex_meetings", { preferredWebexSite: "acme.webex.com" }),
    },
    {
      name: "a site on a package without meetings is kept",
      input: fields("webex_calling", { extension: "10", preferredWebexSite: "acme.webex.com" }),
      ctx: oneLocation,
      value: fields("webex_calling", {
        extension: "10",
        locationId: "loc-sthlm",
        preferredWebexSite: "acme.webex.com",
      }),
    },
  ])("$name", ({ input, ctx, value }) => {
    expect(checkPackageFields(input, ctx)).toEqual({ value, issues: [] });
  });
});

describe("checkPackageFields: issues", () => {
  it.each([
    {
      name: "calling package without any number",
      input: fields("webex_calling", { locationId: "loc-sthlm" }),
      ctx: twoLocations,
      issues: [
        {
          field: "phoneNumber",
          code: "calling_number_required",
          severity: "error",
          message:
            "Webex Calling includes calling, so the user needs a phone number, an extension, or both.",
          params: { package: "Webex Calling", packageId: "webex_calling" },
        },
      ],
    },
    {
      name: "calling package without a location when there are several",
      input: fields("webex_voice", { extension: "0042" }),
      ctx: twoLocations,
      issues: [
        {
          field: "locationId",
          code: "location_required",
          severity: "error",
          message:
            "Webex Voice includes calling, so the user needs a location. Choose one of the customer's locations.",
          params: { package: "Webex Voice", packageId: "webex_voice", locationCount: 2 },
        },
      ],
    },
    {
      name: "calling package when the customer has no locations",
      input: fields("webex_voice", { extension: "0042" }),
      ctx: noLocations,
      issues: [
        {
          field: "locationId",
          code: "location_required",
          severity: "error",
          message:
            "Webex Voice includes calling, so the user needs a location, but this customer has no locations yet. Add a location first.",
          params: { package: "Webex Voice", packageId: "webex_voice", locationCount: 0 },
        },
      ],
    },
    {
      name: "a location of another customer",
      input: fields("webex_calling", { extension: "0042", locationId: "loc-elsewhere" }),
      ctx: oneLocation,
      issues: [
        {
          field: "locationId",
          code: "location_unknown",
          severity: "error",
          message:
            'Location "loc-elsewhere" does not exist in this customer. Choose one of the customer\'s locations.',
          params: { value: "loc-elsewhere" },
        },
      ],
    },
    {
      name: "an invalid phone number (no calling_number_required on top)",
      input: fields("webex_calling", { phoneNumber: "+46 12" }),
      ctx: oneLocation,
      issues: [
        {
          field: "phoneNumber",
          code: "phone_invalid",
          severity: "error",
          message:
            '"+46 12" is not a valid phone number. Use international format, e.g. +46 8 123 456 78.',
          params: { value: "+46 12" },
        },
      ],
    },
    {
      name: "an invalid extension",
      input: fields("webex_calling", { phoneNumber: "+46812345678", extension: "7" }),
      ctx: oneLocation,
      issues: [
        {
          field: "extension",
          code: "extension_invalid",
          severity: "error",
          message: '"7" is not a valid extension. Use 2 to 10 digits, e.g. 1234.',
          params: { value: "7" },
        },
      ],
    },
    {
      name: "a phone number whose + a spreadsheet stripped (warning only)",
      input: fields("webex_calling", { phoneNumber: "46812345678" }),
      ctx: oneLocation,
      issues: [
        {
          field: "phoneNumber",
          code: "phone_plus_restored",
          severity: "warning",
          message:
            '"46812345678" has no leading +, so it was read as +46812345678. Check that this is the right number.',
          params: { value: "46812345678", e164: "+46812345678" },
        },
      ],
    },
    {
      name: "a meetings package without a Preferred Webex Site (warning only)",
      input: fields("webex_meetings"),
      ctx: oneLocation,
      issues: [
        {
          field: "preferredWebexSite",
          code: "webex_site_missing",
          severity: "warning",
          message:
            "Webex Meetings includes meetings but no Preferred Webex Site is set. The user can be added now, but set the site to avoid meeting problems later.",
          params: { package: "Webex Meetings", packageId: "webex_meetings" },
        },
      ],
    },
    {
      name: "suite without a site gets the warning beside its calling checks",
      input: fields("webex_suite", { extension: "12" }),
      ctx: oneLocation,
      issues: [
        expect.objectContaining({
          field: "preferredWebexSite",
          code: "webex_site_missing",
          severity: "warning",
        }),
      ],
    },
    {
      name: "calling fields given for a package without calling",
      input: fields("webex_meetings", {
        phoneNumber: "+46812345678",
        extension: "0042",
        locationId: "loc-sthlm",
        preferredWebexSite: "acme.webex.com",
      }),
      ctx: oneLocation,
      issues: [
        {
          field: "phoneNumber",
          code: "calling_fields_not_allowed",
          severity: "error",
          message:
            "Webex Meetings does not include calling, so the user cannot have a phone number. Remove it or choose a package with calling.",
          params: { package: "Webex Meetings", packageId: "webex_meetings", value: "+46812345678" },
        },
        {
          field: "extension",
          code: "calling_fields_not_allowed",
          severity: "error",
          message:
            "Webex Meetings does not include calling, so the user cannot have an extension. Remove it or choose a package with calling.",
          params: { package: "Webex Meetings", packageId: "webex_meetings", value: "0042" },
        },
        {
          field: "locationId",
          code: "calling_fields_not_allowed",
          severity: "error",
          message:
            "Webex Meetings does not include calling, so the user cannot have a location. Remove it or choose a package with calling.",
          params: { package: "Webex Meetings", packageId: "webex_meetings", value: "loc-sthlm" },
        },
      ],
    },
  ])("$name", ({ input, ctx, issues }) => {
    expect(checkPackageFields(input, ctx).issues).toEqual(issues);
  });

  it("clears the calling fields of a non-calling package in the value", () => {
    const result = checkPackageFields(
      fields("webex_meetings", {
        phoneNumber: "+46812345678",
        extension: "0042",
        locationId: "loc-sthlm",
      }),
      oneLocation,
    );
    expect(result.value).toEqual(fields("webex_meetings"));
  });

  it("returns the restored E.164 number in the value", () => {
    const result = checkPackageFields(
      fields("webex_calling", { phoneNumber: "46812345678" }),
      oneLocation,
    );
    expect(result.value.phoneNumber).toBe("+46812345678");
  });

  it("does not change its input", () => {
    const input = fields("webex_calling", { phoneNumber: "+46 8 123 456 78" });
    checkPackageFields(input, oneLocation);
    expect(input).toEqual(fields("webex_calling", { phoneNumber: "+46 8 123 456 78" }));
  });
});
