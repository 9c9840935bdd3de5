import type { RuleIssue } from "./rule-issue.ts";

export interface CustomerLocation {
  id: string;
  name: string;
}

export type LocationNameResult = { ok: true; locationId: string } | { ok: false; issue: RuleIssue };

/**
 * The CSV names a location rather than giving its id (spec §6). Matching ignores case and
 * surrounding spaces, like the CSV headers. Returns the id to pass to `checkPackageFields`.
 */
export function resolveLocationName(
  name: string,
  locations: readonly CustomerLocation[],
): LocationNameResult {
  const wanted = name.trim().toLowerCase();
  const found = locations.find((l) => l.name.trim().toLowerCase() === wanted);
  if (found) return { ok: true, locationId: found.id };
  return {
    ok: false,
    issue: {
      field: "locationId",
      code: "location_unknown",
      severity: "error",
      message: `This customer has no location named "${name.trim()}". Use the name of one of the customer's locations.`,
      params: { value: name.trim() },
    },
  };
}
