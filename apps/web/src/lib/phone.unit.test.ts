import { describe, expect, it } from "vitest";
import { formatPhoneNumber } from "./phone.ts";

describe("formatPhoneNumber", () => {
  it("groups an E.164 number the way people write it", () => {
    expect(formatPhoneNumber("+46812345678")).toBe("+46 8 123 456 78");
    expect(formatPhoneNumber("+14155552671")).toBe("+1 415 555 2671");
  });

  it("shows what it cannot parse as it is", () => {
    expect(formatPhoneNumber("not a number")).toBe("not a number");
    expect(formatPhoneNumber("")).toBe("");
  });
});
