import { PACKAGES } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import en from "../../locales/en.json";
import sv from "../../locales/sv.json";

describe("package descriptions", () => {
  it.each([
    ["en", en],
    ["sv", sv],
  ])("tell every package of the catalogue apart in %s", (_, catalogue) => {
    const texts = PACKAGES.map(
      (p) => (catalogue.packages.descriptions as Record<string, string>)[p.description],
    );
    expect(texts.every((text) => typeof text === "string" && text.length > 0)).toBe(true);
    expect(new Set(texts).size).toBe(PACKAGES.length);
  });
});
