import { nextExtensionAfter, type NextExtension } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { queryRows, sql } from "../../db/sql.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { findLocation } from "./location-rules.ts";

/**
 * The extension to suggest for a new calling user of a location (issue 15): one after the
 * highest of its longest all-digit extensions, which is free by construction. One statement
 * over the location's users (the (locationId, extension) unique index bounds it to them).
 */
export async function nextExtension(
  db: Db,
  scope: Scope,
  customerId: string,
  locationId: string,
): Promise<NextExtension> {
  await requireCustomer(db, scope, customerId);
  await findLocation(db, customerId, locationId);
  const [highest] = await queryRows<{ extension: string }>(
    db,
    sql`SELECT "extension" FROM "User"
      WHERE "locationId" = ${locationId}::uuid AND "extension" ~ '^[0-9]+$'
      ORDER BY length("extension") DESC, "extension" DESC LIMIT 1`,
  );
  return { extension: nextExtensionAfter(highest?.extension ?? null) };
}
