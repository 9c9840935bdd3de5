import type { Location, UpdateLocationInputSchema } from "@partner-hub/shared";
import type { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { requireVersion } from "../../http/if-match.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { locationSnapshot, toLocationJson } from "./location-json.ts";
import { findLocation, refuseTakenLocationName } from "./location-rules.ts";

/** Spec §11 Locations: edit name, address, time zone; If-Match as for users (412 with current). */
export async function updateLocation(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  locationId: string,
  input: Omit<z.output<typeof UpdateLocationInputSchema>, "version">,
  version: number | undefined,
): Promise<Location> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  const expected = requireVersion(version, "location");
  return prisma.$transaction(async (tx) => {
    await lockWritableCustomer(tx, customerId);
    const before = await findLocation(tx, customerId, locationId);
    const userCount = await tx.user.count({ where: { locationId } });
    if (before.version !== expected)
      throw new AppError(
        "version_conflict",
        `${before.name} was changed by someone else since you loaded it (version ${expected}, now ${before.version}). Review the current details and try again.`,
        { extra: { current: toLocationJson(before, userCount) } },
      );
    const next = {
      name: input.name ?? before.name,
      street: input.address?.street ?? before.street,
      city: input.address?.city ?? before.city,
      postalCode: input.address ? input.address.postalCode : before.postalCode,
      country: input.address?.country ?? before.country,
      timeZone: input.timeZone ?? before.timeZone,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== before[k]);
    if (!changed) return toLocationJson(before, userCount);
    if (next.name.toLowerCase() !== before.name.toLowerCase())
      await refuseTakenLocationName(tx, customerId, next.name, locationId);
    const after = await tx.location.update({
      where: { id: locationId },
      data: { ...next, version: { increment: 1 } },
    });
    await recordAudit(tx, scope, customerId, "locations", [
      {
        userId: null,
        userEmail: "",
        action: "location.updated",
        before: locationSnapshot(before),
        after: locationSnapshot(after),
      },
    ]);
    return toLocationJson(after, userCount);
  });
}
