import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { locationSnapshot, toLocationJson } from "./location-json.ts";
import { findLocation } from "./location-rules.ts";

/**
 * Spec §11 Locations: delete one, refused while users belong to it (409 `location_in_use` with
 * the count and `usersUrl`, the list of them). If-Match is optional: when given, a stale version gets 412.
 */
export async function deleteLocation(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  locationId: string,
  expected: number | undefined,
): Promise<void> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  await prisma.$transaction(async (tx) => {
    // The customer's lock also holds back users being added to this location meanwhile.
    await lockWritableCustomer(tx, customerId);
    const location = await findLocation(tx, customerId, locationId);
    const userCount = await tx.user.count({ where: { locationId } });
    if (expected !== undefined && location.version !== expected)
      throw new AppError(
        "version_conflict",
        `${location.name} was changed by someone else since you loaded it (version ${expected}, now ${location.version}).`,
        { extra: { current: toLocationJson(location, userCount) } },
      );
    if (userCount > 0)
      throw new AppError(
        "location_in_use",
        `${userCount} users belong to ${location.name}: move them to another location or package first.`,
        {
          errors: [
            {
              code: "location_has_users",
              field: "locationId",
              message: `${userCount} users belong to ${location.name}.`,
              params: { count: userCount, location: location.name, locationId },
            },
          ],
          params: { count: userCount, location: location.name },
          extra: {
            userCount,
            usersUrl: `/api/v1/customers/${customerId}/users?location=${locationId}`,
          },
        },
      );
    await tx.location.delete({ where: { id: locationId } });
    await recordAudit(tx, scope, customerId, "locations", [
      {
        userId: null,
        userEmail: "",
        action: "location.deleted",
        before: locationSnapshot(location),
        after: null,
      },
    ]);
  });
}
