import { describe, expect, it } from "vitest";
import { UuidParamSchema } from "./path-ids.ts";

describe("UuidParamSchema", () => {
  const id = "3f2d8c1e-5b7a-4e9d-8c6b-1a2b3c4d5e6f";

  it("takes a UUID in either case and hands it on in lower case", () => {
    expect(UuidParamSchema.parse(id)).toBe(id);
    expect(UuidParamSchema.parse(id.toUpperCase())).toBe(id);
    // Any version, as PostgreSQL's uuid type takes any.
    expect(UuidParamSchema.parse("00000000-0000-0000-0000-000000000000")).toBe(
      "00000000-0000-0000-0000-000000000000",
    );
  });

  it("refuses anything else, however close", () => {
    for (const value of [
      "",
      "not-a-uuid",
      `${id}\u0000`,
      `${id}\n`,
      ` ${id}`,
      `{${id}}`,
      id.replace(/-/g, ""),
      `${id.slice(0, -1)}g`,
    ])
      expect(UuidParamSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });
});
