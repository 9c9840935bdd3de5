import { baseLicencesOf, type PackageId, type User } from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";

export const userWithLocation = { location: { select: { name: true } } } satisfies Prisma.UserInclude;
export type UserRow = Prisma.UserGetPayload<{ include: typeof userWithLocation }>;

/** The user as the REST contract shows it (spec §9). */
export function toUserJson(u: UserRow): User {
  return {
    id: u.id,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    displayName: u.displayName,
    package: u.package as PackageId,
    phoneNumber: u.phoneNumber,
    extension: u.extension,
    locationId: u.locationId,
    locationName: u.location?.name ?? null,
    preferredWebexSite: u.preferredWebexSite,
    baseLicences: baseLicencesOf(u),
    status: u.status,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
