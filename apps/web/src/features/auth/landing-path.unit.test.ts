import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "../../config/paths.ts";
import { landingPath } from "./landing-path.ts";

describe("landingPath", () => {
  it("sends partner roles to Partner Hub and a customer admin to their own Control Hub", () => {
    expect(landingPath({ role: "partner_full_admin", customerId: null })).toBe(
      "/partner/customers",
    );
    expect(landingPath({ role: "partner_readonly_admin", customerId: null })).toBe(
      "/partner/customers",
    );
    expect(landingPath({ role: "customer_full_admin", customerId: "c 1" })).toBe(
      "/customers/c%201/users",
    );
  });
});

describe("safeRedirectTarget", () => {
  it("accepts paths inside the app only", () => {
    expect(safeRedirectTarget("/partner/customers?status=active")).toBe(
      "/partner/customers?status=active",
    );
    expect(safeRedirectTarget("//evil.example/x")).toBeNull();
    expect(safeRedirectTarget("https://evil.example")).toBeNull();
    expect(safeRedirectTarget("/\\evil.example")).toBeNull();
    expect(safeRedirectTarget("/sign-in?redirectTo=/x")).toBeNull();
    expect(safeRedirectTarget(null)).toBeNull();
  });
});
