import { describe, expect, it } from "vitest";
import { SetQuotasInputSchema, UpdateCustomerInputSchema } from "./customers.ts";
import { isCountryCode, isTimeZone } from "./customer-fields.ts";
import { CreateLocationInputSchema } from "./locations.ts";

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join("."));

describe("customer field rules (spec §11)", () => {
  it("takes names of 1–80 characters without %", () => {
    expect(UpdateCustomerInputSchema.safeParse({ name: "Fjällbacka AB" }).success).toBe(true);
    expect(fieldsOf(UpdateCustomerInputSchema.safeParse({ name: " " }))).toEqual(["name"]);
    expect(fieldsOf(UpdateCustomerInputSchema.safeParse({ name: "x".repeat(81) }))).toEqual([
      "name",
    ]);
    expect(fieldsOf(UpdateCustomerInputSchema.safeParse({ name: "50 % AB" }))).toEqual(["name"]);
  });

  it("takes ISO 3166-1 alpha-2 countries only, and address lines of at most 50", () => {
    expect(isCountryCode("SE")).toBe(true);
    expect(isCountryCode("XX")).toBe(false);
    expect(isCountryCode("se")).toBe(false);
    const address = { street: "Storgatan 1", city: "Umeå", country: "SWE" };
    expect(fieldsOf(UpdateCustomerInputSchema.safeParse({ address }))).toEqual(["address.country"]);
    expect(
      fieldsOf(
        UpdateCustomerInputSchema.safeParse({
          address: { ...address, country: "NO", street: "x".repeat(51) },
        }),
      ),
    ).toEqual(["address.street"]);
  });

  it("takes quotas of 1 to 1,000,000, each package once", () => {
    const q = (maxUsers: number, pkg = "webex_meetings") => ({ package: pkg, maxUsers });
    expect(
      SetQuotasInputSchema.safeParse({ quotas: [q(1), q(1_000_000, "webex_suite")] }).success,
    ).toBe(true);
    expect(fieldsOf(SetQuotasInputSchema.safeParse({ quotas: [q(0)] }))).toEqual([
      "quotas.0.maxUsers",
    ]);
    expect(fieldsOf(SetQuotasInputSchema.safeParse({ quotas: [q(1_000_001)] }))).toEqual([
      "quotas.0.maxUsers",
    ]);
    expect(fieldsOf(SetQuotasInputSchema.safeParse({ quotas: [q(5), q(6)] }))).toEqual([
      "quotas.1.package",
    ]);
  });

  it("takes IANA time zones for locations", () => {
    expect(isTimeZone("Europe/Stockholm")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    const location = {
      name: "HQ",
      address: { street: "Gatan 1", city: "Ort", country: "SE" },
      timeZone: "Europe/Stockhlm",
    };
    expect(fieldsOf(CreateLocationInputSchema.safeParse(location))).toEqual(["timeZone"]);
  });
});
