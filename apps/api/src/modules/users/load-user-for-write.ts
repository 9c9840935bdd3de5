import type { Db } from "../../db/types.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { toUserJson, userWithLocation, type UserRow } from "./user-json.ts";

/**
 * The user inside the write transaction (after the customer lock), checked against the version
 * the caller saw: a user changed since answers 412 with the current user, and nothing changes.
 */
export async function loadUserForWrite(
  tx: Db,
  customerId: string,
  userId: string,
  expectedVersion: number,
): Promise<UserRow> {
  const user = await tx.user.findFirst({
    where: { id: userId, customerId },
    include: userWithLocation,
  });
  if (!user) throw notFound("user");
  if (user.version !== expectedVersion) {
    throw new AppError(
      "version_conflict",
      `${user.displayName || user.email} was changed by someone else since you loaded it (version ${expectedVersion}, now ${user.version}). Review the current details and try again.`,
      { extra: { current: toUserJson(user) } },
    );
  }
  return user;
}
