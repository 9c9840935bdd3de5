import { baseLicencesOf, type ExistingUser, type ImportContext, type PackageId } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { loadQuotaState } from "../customers/quota-state.ts";

/**
 * Everything the CSV rules need to know about a customer, read in a handful of queries: every
 * user (the snapshot rows are compared with), locations and quotas. 20,000 users is a few MB.
 */
export async function loadImportContext(db: Db, customerId: string) {
  const [users, locations, quotas] = await Promise.all([
    db.user.findMany({
      where: { customerId },
      select: {
        id: true,
        email: true,
        emailLower: true,
        firstName: true,
        lastName: true,
        displayName: true,
        package: true,
        phoneNumber: true,
        extension: true,
        locationId: true,
        preferredWebexSite: true,
        basicMessaging: true,
        basicSpaceMeetings: true,
        callOnWebex: true,
        status: true,
        version: true,
      },
    }),
    db.location.findMany({ where: { customerId }, select: { id: true, name: true } }),
    loadQuotaState(db, customerId),
  ]);
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const snapshot = new Map<string, ExistingUser>();
  const byId = new Map<string, (typeof users)[number]>();
  for (const u of users) {
    byId.set(u.id, u);
    snapshot.set(u.emailLower, {
      id: u.id,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      displayName: u.displayName,
      package: u.package as PackageId,
      phoneNumber: u.phoneNumber,
      extension: u.extension,
      locationName: u.locationId ? (locationName.get(u.locationId) ?? null) : null,
      preferredWebexSite: u.preferredWebexSite,
      baseLicences: baseLicencesOf(u),
    });
  }
  const context: ImportContext = {
    locations,
    quotas,
    numberHolders: users.map((u) => ({
      userKey: u.emailLower,
      phoneNumber: u.phoneNumber,
      extension: u.extension,
      locationId: u.locationId,
    })),
  };
  return { snapshot, context, usersById: byId, locations };
}

export type LoadedImportContext = Awaited<ReturnType<typeof loadImportContext>>;
