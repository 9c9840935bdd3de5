import { describe, expect, it } from "vitest";
import { resolveLocationName } from "./location.ts";

const locations = [
  { id: "loc-sthlm", name: "Stockholm HQ" },
  { id: "loc-gbg", name: "Göteborg" },
];

describe("resolveLocationName", () => {
  it.each([
    ["Stockholm HQ", "loc-sthlm"],
    [" stockholm hq ", "loc-sthlm"],
    ["GÖTEBORG", "loc-gbg"],
  ])("finds %j", (name, locationId) => {
    expect(resolveLocationName(name, locations)).toEqual({ ok: true, locationId });
  });

  it("reports a name the customer does not have", () => {
    expect(resolveLocationName(" Malmö ", locations)).toEqual({
      ok: false,
      issue: {
        field: "locationId",
        code: "location_unknown",
        severity: "error",
        message:
          'This customer has no location named "Malmö". Use the name of one of the customer\'s locations.',
        params: { value: "Malmö" },
      },
    });
  });
});
