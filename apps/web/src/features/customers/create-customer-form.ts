import {
  CreateCustomerInputSchema,
  PACKAGE_IDS,
  isCallingPackage,
  type CreateCustomerInput,
  type CustomerLanguage,
  type PackageId,
} from "@partner-hub/shared";
import type { FieldErrors, Resolver } from "react-hook-form";
import { set } from "react-hook-form";

/**
 * The create-customer wizard's draft (React-free, decision 005): what the person has typed, one
 * checkbox and quota per package of the catalogue, and the location's fields kept while no
 * calling package is chosen. `toCreateCustomerInput` makes the request body of it; the shared
 * schema judges that body, and each issue's path is mapped back to the draft field it is about.
 */
export interface CreateCustomerDraft {
  name: string;
  externalId: string;
  adminEmail: string;
  language: CustomerLanguage;
  address: { street: string; city: string; postalCode: string; country: string };
  offer: Record<PackageId, { on: boolean; maxUsers: number }>;
  location: {
    name: string;
    address: { street: string; city: string; postalCode: string; country: string };
    timeZone: string;
  };
}

export const WIZARD_STEPS = ["customer", "address", "packages", "location", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export function emptyDraft(language: CustomerLanguage): CreateCustomerDraft {
  return {
    name: "",
    externalId: "",
    adminEmail: "",
    language,
    address: { street: "", city: "", postalCode: "", country: "SE" },
    offer: Object.fromEntries(
      PACKAGE_IDS.map((id) => [id, { on: false, maxUsers: 10 }]),
    ) as CreateCustomerDraft["offer"],
    location: {
      name: "",
      address: { street: "", city: "", postalCode: "", country: "SE" },
      timeZone: "Europe/Stockholm",
    },
  };
}

export function chosenPackages(draft: Pick<CreateCustomerDraft, "offer">): PackageId[] {
  return PACKAGE_IDS.filter((id) => draft.offer[id]?.on);
}

/** The Location step is shown (and its fields sent) only when a calling package is chosen. */
export function needsLocation(draft: Pick<CreateCustomerDraft, "offer">): boolean {
  return chosenPackages(draft).some(isCallingPackage);
}

export function stepsFor(draft: Pick<CreateCustomerDraft, "offer">): WizardStep[] {
  return WIZARD_STEPS.filter((s) => s !== "location" || needsLocation(draft));
}

export function toCreateCustomerInput(draft: CreateCustomerDraft): CreateCustomerInput {
  return {
    name: draft.name,
    externalId: draft.externalId,
    adminEmail: draft.adminEmail,
    language: draft.language,
    address: draft.address,
    quotas: chosenPackages(draft).map((id) => ({
      package: id,
      maxUsers: draft.offer[id].maxUsers,
    })),
    ...(needsLocation(draft) ? { location: draft.location } : {}),
  };
}

/**
 * The draft field a path of the request body names (`quotas.1.maxUsers` →
 * `offer.webex_meetings.maxUsers`; `quotas` → `packages`, the step's own message).
 */
export function draftFieldOf(path: string, draft: CreateCustomerDraft): string {
  const quota = /^quotas\.(\d+)(?:\.(\w+))?/.exec(path);
  if (quota) {
    const id = chosenPackages(draft)[Number(quota[1])];
    return id ? `offer.${id}.maxUsers` : "packages";
  }
  if (path === "quotas") return "packages";
  return path;
}

/** Which step shows a draft field, to go back to it when the server refuses the field. */
export function stepOfField(field: string): WizardStep {
  if (field.startsWith("address.")) return "address";
  if (field.startsWith("offer.") || field === "packages") return "packages";
  if (field.startsWith("location")) return "location";
  return "customer";
}

/** The draft fields each step judges when the person presses Next. */
export function fieldsOfStep(step: WizardStep, draft: CreateCustomerDraft): string[] {
  switch (step) {
    case "customer":
      return ["name", "externalId", "adminEmail", "language"];
    case "address":
      return ["address.street", "address.city", "address.postalCode", "address.country"];
    case "packages":
      return ["packages", ...chosenPackages(draft).map((id) => `offer.${id}.maxUsers`)];
    case "location":
      return [
        "location.name",
        "location.address.street",
        "location.address.city",
        "location.address.postalCode",
        "location.address.country",
        "location.timeZone",
      ];
    case "review":
      return [];
  }
}

/** react-hook-form resolver: the shared schema over the body the draft becomes. */
export const createCustomerResolver: Resolver<CreateCustomerDraft> = (draft) => {
  const result = CreateCustomerInputSchema.safeParse(toCreateCustomerInput(draft));
  if (result.success) return { values: draft, errors: {} };
  const errors: FieldErrors<CreateCustomerDraft> = {};
  for (const issue of result.error.issues) {
    const field = draftFieldOf(issue.path.map(String).join("."), draft);
    // The first problem of a field is the one shown.
    if (!hasError(errors, field)) set(errors, field, { type: issue.code, message: issue.message });
  }
  return { values: {}, errors };
};

function hasError(errors: object, path: string): boolean {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}
