import { describe, expect, it } from "vitest";
import { normalisePhoneNumber } from "./phone-number.ts";

describe("normalisePhoneNumber", () => {
  it.each([
    ["+46 8 123 456 78", "+46812345678"],
    ["+46812345678", "+46812345678"],
    ["  +46 70-123 45 67 ", "+46701234567"],
    ["+46 (0)8 123 456 78", "+46812345678"],
    ["+46\u00a08\u00a0123\u00a0456\u00a078", "+46812345678"],
    ["+1 (212) 555-0100", "+12125550100"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("accepts %j as %s", (raw, e164) => {
    expect(normalisePhoneNumber(raw)).toEqual({ ok: true, e164, restoredPlus: false });
  });

  it.each([
    ["46812345678", "+46812345678"],
    ["46701234567", "+46701234567"],
    ["442079460958", "+442079460958"],
    ["46 8 123 456 78", "+46812345678"],
  ])("puts back the + a spreadsheet stripped from %j", (raw, e164) => {
    expect(normalisePhoneNumber(raw)).toEqual({ ok: true, e164, restoredPlus: true });
  });

  it.each([
    ["+46 12"],
    ["08-123 456 78"], // national format: no country code
    ["0046812345678"],
    ["1234"],
    ["+4681234567a"],
    ["+46 8 123 456 78 ext 12"],
    ["tel:+46812345678"],
    ["++46812345678"],
    ["phone"],
    [""],
  ])("refuses %j", (raw) => {
    expect(normalisePhoneNumber(raw)).toEqual({
      ok: false,
      code: "phone_invalid",
      message: `"${raw.trim()}" is not a valid phone number. Use international format, e.g. +46 8 123 456 78.`,
    });
  });

  it("names the number as typed in the message", () => {
    const result = normalisePhoneNumber(" +46 12 ");
    expect(result.ok ? "" : result.message).toBe(
      '"+46 12" is not a valid phone number. Use international format, e.g. +46 8 123 456 78.',
    );
  });
});
