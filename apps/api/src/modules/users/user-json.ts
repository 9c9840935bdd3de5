import { baseLicencesOf, type PackageId, type User } from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import { iso } from "../../db/sql.ts";

export const userWithLocation = {
  location: { select: { name: true } },
} satisfies Prisma.UserInclude;
export type UserRow = Prisma.UserGetPayload<{ include: typeof userWithLocation }>;

/** The columns the REST user is made of, whether read by Prisma or by plain SQL. */
export type UserColumns = Omit<
  UserRow,
  "location" | "customerId" | "emailLower" | "status" | "createdAt" | "updatedAt"
> & {
  status: string;
  createdAt: Date | string;
  updatedAt: Date | string;
};

/** The user as the REST contract shows it (spec §9). */
export function toUserJson(u: UserRow): User {
  return userJson(u, u.location?.name ?? null);
}

export function userJson(u: UserColumns, locationName: string | null): User {
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
    locationName,
    preferredWebexSite: u.preferredWebexSite,
    baseLicences: baseLicencesOf(u),
    status: u.status as User["status"],
    version: Number(u.version),
    createdAt: iso(u.createdAt),
    updatedAt: iso(u.updatedAt),
  };
}
