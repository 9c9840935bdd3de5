import { checkPassword, type PasswordIssue } from "@partner-hub/shared";
import { createStrengthEstimator } from "@partner-hub/shared/password/strength-estimator";
import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../../locales/en.json";
import sv from "../../locales/sv.json";
import { problemText } from "../../lib/problem-message.ts";

let tEn: TFunction;
let tSv: TFunction;
const estimator = createStrengthEstimator();

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

/** One password per reason, checked by the same policy the server applies. */
const CASES: [password: string, email: string][] = [
  ["kort-1", "anna@kund.example"],
  ["Anna.Berg-Otter-Lamp-42", "anna.berg@kund.example"],
  ["password1234", "anna@kund.example"],
  ["aaaaaaaaaaaaaaaa", "anna@kund.example"],
];

describe("the password policy's reasons in the browser", () => {
  const issues: PasswordIssue[] = CASES.flatMap(([p, e]) => checkPassword(p, e, estimator));

  it("covers every reason", () => {
    expect(new Set(issues.map((i) => i.code))).toEqual(
      new Set([
        "password_too_short",
        "password_contains_email",
        "password_too_common",
        "password_too_weak",
      ]),
    );
  });

  it("says in English exactly what the server says", () => {
    for (const issue of issues) expect(problemText(tEn, issue, "password")).toBe(issue.message);
  });

  it("says each reason in Swedish, with its values filled in", () => {
    const said = issues.map((i) => problemText(tSv, i, "password"));
    expect(said).toContain("Använd minst 12 tecken (det här har 6).");
    expect(said).toContain("Använd inte ditt e-postnamn ”anna.berg” i lösenordet.");
    for (const [i, text] of said.entries())
      expect(text, issues[i]!.code).not.toBe(issues[i]!.message);
  });
});
