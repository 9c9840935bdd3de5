import { describe, expect, it } from "vitest";
import { FIRST_EXTENSION, nextExtensionAfter, normaliseExtension } from "./extension.ts";

describe("normaliseExtension", () => {
  it.each([
    ["0042", "0042"],
    ["00", "00"],
    ["12", "12"],
    [" 1234 ", "1234"],
    ["1234567890", "1234567890"],
  ])("keeps %j as %j", (raw, extension) => {
    expect(normaliseExtension(raw)).toEqual({ ok: true, extension });
  });

  it.each([["1"], ["12345678901"], ["12a"], ["12 34"], ["+1234"], ["-12"], ["１２３"], [""]])(
    "refuses %j",
    (raw) => {
      expect(normaliseExtension(raw)).toEqual({
        ok: false,
        code: "extension_invalid",
        message: `"${raw.trim()}" is not a valid extension. Use 2 to 10 digits, e.g. 1234.`,
      });
    },
  );
});

describe("nextExtensionAfter", () => {
  it("suggests one more than the highest, as many digits, leading zeros kept", () => {
    expect(nextExtensionAfter("1041")).toBe("1042");
    expect(nextExtensionAfter("0042")).toBe("0043");
    expect(nextExtensionAfter("0999")).toBe("1000");
    expect(nextExtensionAfter("9999")).toBe("10000");
  });

  it("starts at 1000 and gives up at the digit limit", () => {
    expect(nextExtensionAfter(null)).toBe(FIRST_EXTENSION);
    expect(nextExtensionAfter("9999999999")).toBeNull();
  });
});
