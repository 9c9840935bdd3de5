import { describe, expect, it } from "vitest";
import { checkPassword, checkPasswordBasics, emailLocalPart } from "./password-policy.ts";
import { createStrengthEstimator } from "./strength-estimator.ts";

const estimator = createStrengthEstimator();
const codes = (password: string, email = "anna.berg@kund.example") =>
  checkPassword(password, email, estimator).map((i) => i.code);

describe("password policy", () => {
  it("accepts long passphrases and random passwords", () => {
    expect(codes("Brave-Otter-Lamp-42")).toEqual([]);
    expect(codes("correct-horse-battery-staple")).toEqual([]);
    expect(codes("x7#Kq9!vLm2$Rt")).toEqual([]);
  });

  it("asks for 12 characters and says how many there are, counting characters not bytes", () => {
    expect(checkPasswordBasics("Åsa-Öl-2024", "a@b.se")).toEqual([
      {
        code: "password_too_short",
        message: "Use at least 12 characters (this one has 11).",
        params: { minLength: 12, length: 11 },
      },
    ]);
    expect(codes("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂")).toContain("password_too_short");
  });

  it("refuses the email's local part in any case, but not a one- or two-letter one", () => {
    expect(codes("My-ANNA.BERG-Otter-Lamp")).toEqual(["password_contains_email"]);
    expect(checkPasswordBasics("Brave-Otter-Lamp-42", "ab@x.se")).toEqual([]);
    expect(emailLocalPart(" Anna.Berg@Kund.example ")).toBe("anna.berg");
  });

  it("refuses commonly used passwords from zxcvbn's maintained dictionary", () => {
    for (const p of [
      "password1234",
      "Password123!",
      "iloveyou1234",
      "qwertyuiop123",
      "1qaz2wsx3edc",
    ])
      expect(codes(p), p).toEqual(["password_too_common"]);
  });

  it("refuses easily guessed ones that are not on the list", () => {
    expect(codes("aaaaaaaaaaaaaaa")).toEqual(["password_too_weak"]);
    expect(codes("abcdefghijklmn")).toEqual(["password_too_weak"]);
  });

  it("names every broken rule at once where it can", () => {
    expect(codes("anna.berg1", "anna.berg@kund.example")).toEqual([
      "password_too_short",
      "password_contains_email",
    ]);
  });
});
