import {
  baseLicencesOf,
  type ExistingUser,
  type ImportContext,
  type PackageId,
} from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import type { EditableUserColumns } from "../audit/record-audit.ts";
import { loadQuotaState } from "../customers/quota-state.ts";

interface SnapshotUser extends EditableUserColumns {
  id: string;
  emailLower: string;
  status: string;
  version: number;
}

/**
 * Everything the CSV rules need to know about a customer, read in a handful of queries: every
 * user (the snapshot rows are compared with), locations and quotas. 20,000 users is a few MB.
 */
export async function loadImportContext(db: Db, customerId: string) {
  const [users, locations, quotas, customer] = await Promise.all([
    // Plain SQL: 20,000 users through Prisma's JS engine cost seconds of CPU (decision 002).
    db.$queryRaw<SnapshotUser[]>`
      SELECT "id", "email", "emailLower", "firstName", "lastName", "displayName", "package", "phoneNumber",
        "extension", "locationId", "preferredWebexSite", "basicMessaging", "basicSpaceMeetings", "callOnWebex",
        "status"::text AS "status", "version"
      FROM "User" WHERE "customerId" = ${customerId}::uuid`,
    db.location.findMany({ where: { customerId }, select: { id: true, name: true } }),
    loadQuotaState(db, customerId),
    db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { webexSites: true } }),
  ]);
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const snapshot = new Map<string, ExistingUser>();
  const byId = new Map<string, SnapshotUser>();
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
    webexSites: customer.webexSites,
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
