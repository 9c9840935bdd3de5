import type { Location } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { toLocationJson } from "./location-json.ts";
import { findLocation } from "./location-rules.ts";

export async function getLocation(
  db: Db,
  scope: Scope,
  customerId: string,
  locationId: string,
): Promise<Location> {
  await requireCustomer(db, scope, customerId);
  const location = await findLocation(db, customerId, locationId);
  return toLocationJson(location, await db.user.count({ where: { locationId } }));
}
