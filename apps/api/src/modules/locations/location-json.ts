import type { Location } from "@partner-hub/shared";
import type { Location as LocationRow } from "../../generated/prisma/client.ts";

export function toLocationJson(l: LocationRow, userCount: number): Location {
  return {
    id: l.id,
    name: l.name,
    address: { street: l.street, city: l.city, postalCode: l.postalCode, country: l.country },
    timeZone: l.timeZone,
    userCount,
    version: l.version,
  };
}

/** What the audit log keeps of a location. */
export function locationSnapshot(l: LocationRow): Record<string, unknown> {
  return {
    name: l.name,
    street: l.street,
    city: l.city,
    postalCode: l.postalCode,
    country: l.country,
    timeZone: l.timeZone,
  };
}
