import type { CreateLocationInputSchema, Location } from "@partner-hub/shared";
import type { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { locationSnapshot, toLocationJson } from "./location-json.ts";
import { refuseTakenLocationName } from "./location-rules.ts";

/** Spec §11 Locations: add one (name unique in the customer ignoring case, address, time zone). */
export async function createLocation(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  input: z.output<typeof CreateLocationInputSchema>,
): Promise<Location> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  return prisma.$transaction(async (tx) => {
    await lockWritableCustomer(tx, customerId);
    await refuseTakenLocationName(tx, customerId, input.name, null);
    const created = await tx.location.create({
      data: { customerId, name: input.name, ...input.address, timeZone: input.timeZone },
    });
    await recordAudit(tx, scope, customerId, "locations", [
      {
        userId: null,
        userEmail: "",
        action: "location.created",
        before: null,
        after: locationSnapshot(created),
      },
    ]);
    return toLocationJson(created, 0);
  });
}
