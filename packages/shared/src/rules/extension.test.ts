import { describe, expect, it } from "vitest";
import { normaliseExtension } from "./extension.ts";

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
