import { RULE_ISSUE_CODES } from "@partner-hub/shared";
import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../locales/en.json";
import sv from "../locales/sv.json";
import { placeholders, problemText } from "./problem-message.ts";

let tEn: TFunction;
let tSv: TFunction;

beforeAll(async () => {
  const make = async (lng: "en" | "sv") => {
    const i18n = createInstance();
    await i18n.init({
      lng,
      showSupportNotice: false,
      resources: { en: { translation: en }, sv: { translation: sv } },
      interpolation: { escapeValue: false },
    });
    return i18n.t;
  };
  tEn = await make("en");
  tSv = await make("sv");
});

describe("problemText", () => {
  it("says a known code in the UI language, with its params", () => {
    const problem = {
      code: "quota_exceeded",
      message: "Webex Calling: 2 new users requested but 1 of 10 seats is free.",
      params: { package: "Webex Calling", free: 1, max: 10, requested: 2 },
    };
    expect(problemText(tEn, problem)).toBe("Not enough Webex Calling seats: 1 of 10 are free.");
    expect(problemText(tSv, problem)).toBe(
      "Inte tillräckligt med platser för Webex Calling: 1 av 10 är lediga.",
    );
  });

  it("takes row and column from the problem itself", () => {
    const problem = {
      code: "csv_unknown_column",
      message: "English",
      row: 1,
      column: "Favourite colour",
    };
    expect(problemText(tSv, problem)).toContain("”Favourite colour”");
  });

  it("falls back to the server's message for an unknown code", () => {
    expect(problemText(tSv, { code: "brand_new_rule", message: "Server says so." })).toBe(
      "Server says so.",
    );
  });

  it("falls back to the server's message when a param the text needs is missing", () => {
    const problem = {
      code: "email_duplicate",
      message: "a@b.se appears more than once.",
      params: { value: "a@b.se" },
    };
    expect(problemText(tSv, problem)).toBe("a@b.se appears more than once.");
    expect(problemText(tSv, { code: "phone_invalid", message: "English" })).toBe("English");
  });

  it("picks variants by params and by field", () => {
    const taken = {
      code: "phone_taken",
      message: "x",
      params: { value: "+46812345678", heldBy: "a@b.se", heldByRow: 2 },
    };
    expect(problemText(tEn, taken)).toBe(
      "+46812345678 is also given to user 2. Phone numbers must be unique within the customer.",
    );
    const noLocations = {
      code: "location_required",
      message: "x",
      params: { package: "Webex Calling", locationCount: 0 },
    };
    expect(problemText(tEn, noLocations)).toContain("has no locations yet");
    expect(problemText(tSv, { code: "too_small", message: "Too small" }, "firstName")).toBe(
      "Ange ett förnamn.",
    );
    expect(problemText(tSv, { code: "too_small", message: "Too small" }, "notes")).toBe(
      "Too small",
    );
  });
});

describe("problems texts", () => {
  it("has English and Swedish for every rule code", () => {
    for (const code of RULE_ISSUE_CODES) {
      expect(Object.hasOwn(en.problems, code), code).toBe(true);
      expect(Object.hasOwn(sv.problems, code), code).toBe(true);
    }
  });

  it("uses in Swedish only the params the English text needs", () => {
    for (const [key, text] of Object.entries(sv.problems)) {
      const english = (en.problems as Record<string, string>)[key] ?? "";
      expect(placeholders(text).sort(), key).toEqual(placeholders(english).sort());
    }
  });
});
