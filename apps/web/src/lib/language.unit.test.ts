import { describe, expect, it } from "vitest";
import en from "../locales/en.json";
import sv from "../locales/sv.json";
import { initialLanguage } from "./language.ts";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("initialLanguage", () => {
  it("prefers the remembered choice, then the browser, then English", () => {
    expect(initialLanguage("sv", ["en-US"])).toBe("sv");
    expect(initialLanguage(null, ["sv-SE", "en"])).toBe("sv");
    expect(initialLanguage("klingon", ["de-DE", "en-GB"])).toBe("en");
    expect(initialLanguage(null, ["fi"])).toBe("en");
  });
});

describe("translations", () => {
  it("has every English string in Swedish too, and nothing extra", () => {
    expect(keysOf(sv).sort()).toEqual(keysOf(en).sort());
  });

  it("has no empty strings", () => {
    for (const [name, catalogue] of [
      ["en", en],
      ["sv", sv],
    ] as const) {
      const empty = keysOf(catalogue).filter(
        (k) =>
          k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalogue) ===
          "",
      );
      expect(empty, name).toEqual([]);
    }
  });
});
