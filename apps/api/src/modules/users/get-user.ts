import type { User } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { notFound } from "../../http/app-error.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { toUserJson, userWithLocation } from "./user-json.ts";

export async function getUser(
  db: Db,
  scope: Scope,
  customerId: string,
  userId: string,
): Promise<User> {
  await requireCustomer(db, scope, customerId);
  const user = await db.user.findFirst({
    where: { id: userId, customerId },
    include: userWithLocation,
  });
  if (!user) throw notFound("user");
  return toUserJson(user);
}
