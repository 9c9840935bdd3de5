import { describe, expect, it } from "vitest";
import { checkPackageFields } from "../rules/user-package-rules.ts";
import {
  WebexSitesInputSchema,
  defaultWebexSite,
  storedWebexSites,
  webexSitesJson,
} from "./webex-sites.ts";

describe("defaultWebexSite", () => {
  it.each([
    ["Fjällbacka Fastigheter AB", "fjallbacka-fastigheter-ab.webex.com"],
    ["Norrsken Energi AB", "norrsken-energi-ab.webex.com"],
    ["Ørsted & Søn A/S", "orsted-son-a-s.webex.com"],
    ["  Straße -- Œuvre  ", "strasse-oeuvre.webex.com"],
    ["%%%", "customer.webex.com"],
  ])("%s → %s", (name, site) => {
    expect(defaultWebexSite(name)).toBe(site);
  });

  it("keeps a host-name label within 63 characters", () => {
    const label = defaultWebexSite("a".repeat(70) + " b").replace(".webex.com", "");
    expect(label).toHaveLength(63);
  });
});

describe("the sites list", () => {
  it("is stored default first and read back as JSON", () => {
    const stored = storedWebexSites([
      { name: "a.webex.com", default: false },
      { name: "b.webex.com", default: true },
    ]);
    expect(stored).toEqual(["b.webex.com", "a.webex.com"]);
    expect(webexSitesJson(stored)).toEqual([
      { name: "b.webex.com", default: true },
      { name: "a.webex.com", default: false },
    ]);
  });

  it("lower-cases and refuses duplicates ignoring case", () => {
    const parsed = WebexSitesInputSchema.safeParse([
      { name: "A.Webex.com", default: true },
      { name: "a.webex.com", default: false },
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([1, "name"]);
  });
});

describe("Preferred Webex Site against the customer's sites", () => {
  const base = {
    package: "webex_meetings" as const,
    phoneNumber: null,
    extension: null,
    locationId: null,
  };
  const sites = ["kund.webex.com", "moten.webex.com"];

  it("takes the list's spelling of a listed site", () => {
    const r = checkPackageFields(
      { ...base, preferredWebexSite: "KUND.webex.com" },
      { locations: [], webexSites: sites },
    );
    expect(r.issues).toEqual([]);
    expect(r.value.preferredWebexSite).toBe("kund.webex.com");
  });

  it("refuses another site in forms, warns in a CSV, and lists the known ones", () => {
    const input = { ...base, preferredWebexSite: "annan.webex.com" };
    const asError = checkPackageFields(input, { locations: [], webexSites: sites });
    expect(asError.issues).toEqual([
      expect.objectContaining({
        code: "webex_site_unknown",
        severity: "error",
        field: "preferredWebexSite",
        params: { value: "annan.webex.com", sites: "kund.webex.com, moten.webex.com" },
      }),
    ]);
    const asWarning = checkPackageFields(input, {
      locations: [],
      webexSites: sites,
      unknownWebexSite: "warning",
    });
    expect(asWarning.issues[0]?.severity).toBe("warning");
  });

  it("leaves a user's own site alone even when it is no longer listed", () => {
    const r = checkPackageFields(
      { ...base, preferredWebexSite: "gammal.webex.com" },
      { locations: [], webexSites: sites, currentWebexSite: "gammal.webex.com" },
    );
    expect(r.issues).toEqual([]);
  });
});
