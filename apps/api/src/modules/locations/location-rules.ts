import type { Db } from "../../db/types.ts";
import { queryRows, sql } from "../../db/sql.ts";
import { AppError, notFound } from "../../http/app-error.ts";

/** 409 naming `name` when another location of the customer has it, ignoring case (spec §11). */
export async function refuseTakenLocationName(
  db: Db,
  customerId: string,
  name: string,
  exceptLocationId: string | null,
): Promise<void> {
  const [taken] = await queryRows<{ name: string }>(
    db,
    sql`SELECT "name" FROM "Location" WHERE "customerId" = ${customerId}::uuid
      AND lower("name") = lower(${name}) AND "id" IS DISTINCT FROM ${exceptLocationId}::uuid LIMIT 1`,
  );
  if (taken)
    throw new AppError(
      "location_name_taken",
      `The customer already has a location named "${taken.name}" (names are unique ignoring case).`,
      {
        params: { value: taken.name },
        errors: [
          {
            code: "location_name_duplicate",
            field: "name",
            message: `The customer already has a location named "${taken.name}".`,
            params: { value: taken.name },
          },
        ],
      },
    );
}

/** The location of this customer, or 404 (a location of another customer does not exist here). */
export async function findLocation(db: Db, customerId: string, locationId: string) {
  const location = await db.location.findFirst({ where: { id: locationId, customerId } });
  if (!location) throw notFound("location");
  return location;
}
