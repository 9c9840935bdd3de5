import { MESSAGE_PARAMS, isMessageKey, registeredKeyCounts } from "@partner-hub/shared";
import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../locales/en.json";
import sv from "../locales/sv.json";
import { ApiError } from "./api-client.ts";
import { describeError, placeholders, problemText } from "./problem-message.ts";

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

  it("says an import's reasons and a refused upload in Swedish", () => {
    expect(
      problemText(tSv, {
        code: "csv_package_kept",
        message: "Webex Calling is FALSE, but…",
        params: { package: "Webex Calling" },
      }),
    ).toBe(
      "Webex Calling är FALSE, men Lägg till tjänster tar aldrig bort ett paket, så användaren behåller det.",
    );
    expect(problemText(tSv, { code: "apply_taken_meanwhile", message: "taken" })).toMatch(
      /^E-postadressen eller ett nummer/,
    );
    const running = describeError(
      new ApiError({
        type: "t",
        title: "Running",
        status: 409,
        code: "import_running",
        params: { fileName: "kunder.csv", startedBy: "eva@partner.example" },
      }),
    );
    expect(problemText(tSv, running)).toBe(
      "Importen av ”kunder.csv” som eva@partner.example startade pågår fortfarande för den här kunden. Vänta tills den är klar och ladda sedan upp igen.",
    );
  });

  it("shows prose stored before codes as it is, in any language", () => {
    const stored = { code: "stored_text", message: "Old words.", params: { text: "Old words." } };
    expect(problemText(tSv, stored)).toBe("Old words.");
  });

  it("names the package columns a partial file lacks when it cannot remove a user", () => {
    const problem = {
      code: "csv_package_removed_without_replacement",
      message: "English",
      params: { package: "Webex Calling", missingColumns: "Webex Voice, Webex Suite" },
    };
    expect(problemText(tEn, problem)).toContain("this file lacks (Webex Voice, Webex Suite)");
    expect(problemText(tSv, problem)).toContain("som filen saknar (Webex Voice, Webex Suite)");
    const { missingColumns: _, ...complete } = problem.params;
    expect(problemText(tSv, { ...problem, params: complete })).toContain(
      "sätt alla paketkolumner till FALSE för att ta bort användaren",
    );
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
    // The same problems on a CSV row (which carries `row`) point at a row of the file.
    expect(problemText(tEn, { ...taken, row: 5 })).toBe(
      "+46812345678 is also given in row 2 of the file. Phone numbers must be unique within the customer.",
    );
    const duplicate = {
      code: "email_duplicate",
      message: "x",
      row: 11,
      params: { value: "dup@kund.se", row: 11, otherRow: 12, count: 2 },
    };
    expect(problemText(tSv, duplicate)).toBe(
      "dup@kund.se förekommer mer än en gång i filen (även på rad 12). Varje användare får bara förekomma en gång.",
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
      "Det här är för kort eller för litet.",
    );
  });
});

describe("problems texts", () => {
  const languages = { en: en.problems, sv: sv.problems } as Record<string, Record<string, string>>;
  const keys = [...MESSAGE_PARAMS.keys()];

  it("registers each key in one group only", () => {
    const twice = [...registeredKeyCounts()].filter(([, n]) => n > 1).map(([key]) => key);
    expect(twice).toEqual([]);
  });

  describe.each(Object.keys(languages))("in %s", (lng) => {
    const texts = languages[lng] ?? {};

    it.each(keys)("has a text for %s, using only the params it declares", (key) => {
      const text = texts[key];
      expect(text, `problems.${key} is missing in ${lng}`).toBeTruthy();
      const declared = MESSAGE_PARAMS.get(key) ?? [];
      const undeclared = placeholders(text ?? "").filter((name) => !declared.includes(name));
      expect(undeclared, `problems.${key} in ${lng} uses params it does not declare`).toEqual([]);
    });

    it("has no text for a key nobody registered", () => {
      expect(Object.keys(texts).filter((key) => !isMessageKey(key))).toEqual([]);
    });
  });

  it("uses in Swedish only the params the English text needs", () => {
    for (const [key, text] of Object.entries(sv.problems)) {
      const english = (en.problems as Record<string, string>)[key] ?? "";
      expect(placeholders(text).sort(), key).toEqual(placeholders(english).sort());
    }
  });
});
