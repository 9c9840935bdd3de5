import {
  baseLicencesOf,
  type ExistingUser,
  type ImportContext,
  type PackageId,
} from "@partner-hub/shared";
import { queryRows, sql, type Reader } from "../../db/sql.ts";
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
 * Who and which numbers the file is about: the customer's users read for an import are only
 * these (a superset is fine; a key missing here is read afterwards, see validate-file.ts).
 */
export interface ImportKeys {
  /** Users by `emailLower`. */
  emails: ReadonlySet<string>;
  /** E.164 numbers someone in the file would hold. */
  phoneNumbers: ReadonlySet<string>;
  /** Extensions someone in the file would hold, at any location. */
  extensions: ReadonlySet<string>;
}

const USER_COLUMNS = sql`"id"::text AS "id", "email", "emailLower", "firstName", "lastName", "displayName", "package",
  "phoneNumber", "extension", "locationId"::text AS "locationId", "preferredWebexSite", "basicMessaging",
  "basicSpaceMeetings", "callOnWebex", "status"::text AS "status", "version"`;

/**
 * What the CSV rules need to know about a customer, in a handful of queries: the users the
 * file names (the snapshot its rows are compared with), the users holding a number the file
 * claims, locations and quotas. Never every user: a customer may have 1,000,000 (spec §2), and
 * reading 100,000 of them cost ~1 s and ~150 MB on every preview and apply while the file is at
 * most 20,000 rows (docs/performance.md).
 */
export async function loadImportContext(
  db: Db,
  customerId: string,
  keys: ImportKeys,
  reader?: Reader,
) {
  // Plain SQL on the driver when the caller has it: 20,000 users through Prisma's JS engine cost
  // seconds of CPU (decision 002), and even $queryRaw spent ~0.2 s of CPU on 10,000 users.
  const [users, locations, quotas, customer] = await Promise.all([
    queryRows<SnapshotUser>(
      reader ?? db,
      sql`SELECT ${USER_COLUMNS} FROM "User"
        WHERE "customerId" = ${customerId}::uuid AND "emailLower" = ANY(${[...keys.emails]}::text[])`,
      { prepare: false },
    ),
    db.location.findMany({ where: { customerId }, select: { id: true, name: true } }),
    loadQuotaState(db, customerId),
    db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { webexSites: true } }),
  ]);
  // A row that keeps its number claims the user's own one: those count as claimed too.
  const phoneNumbers = new Set(keys.phoneNumbers);
  const extensions = new Set(keys.extensions);
  for (const u of users) {
    if (u.phoneNumber) phoneNumbers.add(u.phoneNumber);
    if (u.extension) extensions.add(u.extension);
  }
  const holders = await loadNumberHolders(reader ?? db, customerId, phoneNumbers, extensions);

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
    // findNumberConflicts takes "only the users holding one of the rows' numbers".
    numberHolders: holders.map((u) => ({
      userKey: u.emailLower,
      phoneNumber: u.phoneNumber,
      extension: u.extension,
      locationId: u.locationId,
    })),
  };
  return {
    snapshot,
    context,
    usersById: byId,
    locations,
    keys: { emails: keys.emails, phoneNumbers, extensions } satisfies ImportKeys,
  };
}

interface HolderRow {
  emailLower: string;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
}

/**
 * The users holding one of these numbers: phone numbers are unique in the customer, extensions
 * at a location (spec §4), and each branch is answered by its unique index.
 */
async function loadNumberHolders(
  reader: Reader | Db,
  customerId: string,
  phoneNumbers: ReadonlySet<string>,
  extensions: ReadonlySet<string>,
): Promise<HolderRow[]> {
  if (phoneNumbers.size === 0 && extensions.size === 0) return [];
  const phones = [...phoneNumbers];
  const exts = [...extensions];
  return queryRows<HolderRow>(
    reader,
    sql`SELECT "emailLower", "phoneNumber", "extension", "locationId"::text AS "locationId" FROM "User"
        WHERE "customerId" = ${customerId}::uuid AND "phoneNumber" = ANY(${phones}::text[])
      UNION
      SELECT u."emailLower", u."phoneNumber", u."extension", u."locationId"::text FROM "User" u
        WHERE u."locationId" IN (SELECT "id" FROM "Location" WHERE "customerId" = ${customerId}::uuid)
          AND u."extension" = ANY(${exts}::text[])
      UNION
      SELECT "emailLower", "phoneNumber", "extension", NULL FROM "User"
        WHERE "customerId" = ${customerId}::uuid AND "locationId" IS NULL AND "extension" = ANY(${exts}::text[])`,
    { prepare: false },
  );
}

export type LoadedImportContext = Awaited<ReturnType<typeof loadImportContext>>;
