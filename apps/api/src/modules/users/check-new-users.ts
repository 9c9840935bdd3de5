import {
  MAX_MANUAL_USERS,
  numbersToLookUp,
  userKeyOf,
  validateManualAdd,
  type NewUser,
  type PackageFields,
  type ProblemError,
} from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { AppError } from "../../http/app-error.ts";
import { loadQuotaState } from "../customers/quota-state.ts";
import { rowIssueToProblem } from "./issues-to-problems.ts";

export type CheckedNewUser = NewUser &
  Partial<PackageFields> & { emailLower: string; index: number };

/**
 * The manual add's whole judgement (spec §5), shared by the add itself and its pre-check
 * (`POST …/users/validate`), so the wizard's Summary promises exactly what Add will do: every
 * row against validateManualAdd with the customer's current state (emails it has, numbers its
 * users hold, quotas, locations, Webex sites). Any error refuses the whole batch with
 * `validation_failed` naming row and field; warnings are returned.
 */
export async function checkNewUsers(
  db: Db,
  customerId: string,
  users: NewUser[],
): Promise<{ rows: CheckedNewUser[]; warnings: ProblemError[] }> {
  if (users.length > MAX_MANUAL_USERS) {
    throw new AppError(
      "too_many_users",
      `At most ${MAX_MANUAL_USERS} users can be added at a time.`,
    );
  }
  const keys = users.map((u) => userKeyOf(u.email));
  const { phoneNumbers, extensions } = numbersToLookUp(users);
  const [locations, taken, holders, quotas, customer] = await Promise.all([
    db.location.findMany({ where: { customerId }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { customerId, emailLower: { in: keys } },
      select: { emailLower: true },
    }),
    phoneNumbers.length || extensions.length
      ? db.user.findMany({
          where: {
            customerId,
            OR: [{ phoneNumber: { in: phoneNumbers } }, { extension: { in: extensions } }],
          },
          select: { emailLower: true, phoneNumber: true, extension: true, locationId: true },
        })
      : [],
    loadQuotaState(db, customerId),
    db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { webexSites: true } }),
  ]);
  // The same composition the wizard runs, here with the database's truth.
  const { issues, values } = validateManualAdd(users, {
    locations,
    quotas,
    webexSites: customer.webexSites,
    existingUserKeys: new Set(taken.map((t) => t.emailLower)),
    numberHolders: holders.map((h) => ({
      userKey: h.emailLower,
      phoneNumber: h.phoneNumber,
      extension: h.extension,
      locationId: h.locationId,
    })),
  });
  const rows = users.map((u, index) => ({
    ...u,
    ...values[index],
    emailLower: keys[index] ?? userKeyOf(u.email),
    index,
  }));

  const problems: ProblemError[] = issues.map(rowIssueToProblem);
  const errors = problems.filter((p) => p.severity !== "warning");
  if (errors.length) {
    const badRows = new Set(errors.map((e) => e.row)).size;
    throw new AppError(
      "validation_failed",
      `${badRows} of ${users.length} ${users.length === 1 ? "user has" : "users have"} errors; nothing was added.`,
      { errors: problems },
    );
  }
  return { rows, warnings: problems.filter((p) => p.severity === "warning") };
}
