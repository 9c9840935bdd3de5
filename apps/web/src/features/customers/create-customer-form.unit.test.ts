import { describe, expect, it } from "vitest";
import type { ResolverOptions } from "react-hook-form";
import {
  createCustomerResolver,
  draftFieldOf,
  emptyDraft,
  stepOfField,
  stepsFor,
  toCreateCustomerInput,
  type CreateCustomerDraft,
} from "./create-customer-form.ts";

function draft(over: Partial<CreateCustomerDraft> = {}): CreateCustomerDraft {
  const d = emptyDraft("en");
  return {
    ...d,
    name: "Vindeln Kraft AB",
    externalId: "VK-1",
    adminEmail: "anna@vindeln.example",
    address: { street: "Storgatan 12", city: "Vindeln", postalCode: "", country: "SE" },
    location: {
      ...d.location,
      name: "HQ",
      address: { ...d.location.address, street: "A", city: "B" },
    },
    ...over,
  };
}

const offering = (on: Partial<Record<keyof CreateCustomerDraft["offer"], number>>) => {
  const offer = emptyDraft("en").offer;
  for (const [id, maxUsers] of Object.entries(on))
    offer[id as keyof typeof offer] = { on: true, maxUsers };
  return offer;
};

const resolve = async (d: CreateCustomerDraft) =>
  (await createCustomerResolver(d, undefined, {} as ResolverOptions<CreateCustomerDraft>)).errors;

describe("the create-customer draft", () => {
  it("shows the Location step, and sends the location, only with a calling package", () => {
    const meetings = draft({ offer: offering({ webex_meetings: 5 }) });
    expect(stepsFor(meetings)).toEqual(["customer", "address", "packages", "review"]);
    expect(toCreateCustomerInput(meetings).location).toBeUndefined();
    const calling = draft({ offer: offering({ webex_meetings: 5, webex_calling: 3 }) });
    expect(stepsFor(calling)).toEqual(["customer", "address", "packages", "location", "review"]);
    expect(toCreateCustomerInput(calling)).toMatchObject({
      quotas: [
        { package: "webex_calling", maxUsers: 3 },
        { package: "webex_meetings", maxUsers: 5 },
      ],
      location: { name: "HQ", timeZone: "Europe/Stockholm" },
    });
  });

  it("maps the API's quota paths back to the package's quota field, and fields to their step", () => {
    const d = draft({ offer: offering({ webex_calling: 3, webex_meetings: 0 }) });
    expect(draftFieldOf("quotas.1.maxUsers", d)).toBe("offer.webex_meetings.maxUsers");
    expect(draftFieldOf("quotas", d)).toBe("packages");
    expect(draftFieldOf("externalId", d)).toBe("externalId");
    expect(stepOfField("externalId")).toBe("customer");
    expect(stepOfField("address.country")).toBe("address");
    expect(stepOfField("offer.webex_meetings.maxUsers")).toBe("packages");
    expect(stepOfField("location.timeZone")).toBe("location");
  });

  it("judges the draft by the shared schema: each refusal on the field the person typed in", async () => {
    expect(await resolve(draft({ offer: offering({ webex_meetings: 5 }) }))).toEqual({});
    const errors = await resolve(
      draft({
        name: "Hundra % AB",
        address: { street: "", city: "x", postalCode: "", country: "XX" },
        offer: offering({ webex_calling: 0 }),
        location: { ...draft().location, timeZone: "Europe/Atlantis" },
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(["address", "location", "name", "offer"]);
    expect(errors).toMatchObject({
      address: { street: {}, country: {} },
      offer: { webex_calling: { maxUsers: { type: "too_small" } } },
      location: { timeZone: {} },
    });
    expect(await resolve(draft())).toMatchObject({ packages: { type: "too_small" } });
  });
});
