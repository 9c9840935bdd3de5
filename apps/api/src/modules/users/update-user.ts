import {
  baseLicencesOf,
  validateUserEdit,
  type PackageId,
  type UpdateUserInput,
  type UpdateUserResult,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { toProblemError } from "./issues-to-problems.ts";
import { requireVersion } from "../../http/if-match.ts";
import { loadUserForWrite } from "./load-user-for-write.ts";
import { refuseChangedEchoes, type EchoedUserMembers } from "./echoed-user-members.ts";
import { saveUserChange } from "./save-user-change.ts";
import { toUserJson } from "./user-json.ts";

/**
 * Spec §13: edit a user's details with the rules of §4 (validateUserEdit, the same composition
 * the form runs) and optimistic concurrency: 428 without a version, 412 with the current user
 * when it is stale. Under the customer lock, so two edits cannot both take one number.
 */
export async function updateUser(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  userId: string,
  input: Omit<UpdateUserInput, "version">,
  expectedVersion: number | undefined,
  echoed: EchoedUserMembers = {},
): Promise<UpdateUserResult> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  const version = requireVersion(expectedVersion, "user");
  return prisma.$transaction(
    async (tx) => {
      // Spec §3, §11: a customer that is not active refuses every change to its users.
      await lockWritableCustomer(tx, customerId);
      const user = await loadUserForWrite(tx, customerId, userId, version);
      refuseChangedEchoes(echoed, user);
      const [locations, { webexSites }] = await Promise.all([
        tx.location.findMany({ where: { customerId }, select: { id: true, name: true } }),
        tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { webexSites: true } }),
      ]);
      const current = {
        userKey: user.emailLower,
        firstName: user.firstName,
        lastName: user.lastName,
        displayName: user.displayName,
        package: user.package as PackageId,
        phoneNumber: user.phoneNumber,
        extension: user.extension,
        locationId: user.locationId,
        preferredWebexSite: user.preferredWebexSite,
        baseLicences: baseLicencesOf(user),
      };
      // First without holders: a malformed number is reported as such, not looked up.
      const draft = validateUserEdit(current, input, { locations, webexSites });
      const phones = draft.value.phoneNumber ? [draft.value.phoneNumber] : [];
      const extensions = draft.value.extension ? [draft.value.extension] : [];
      const holders =
        phones.length || extensions.length
          ? await tx.user.findMany({
              where: {
                customerId,
                id: { not: user.id },
                OR: [{ phoneNumber: { in: phones } }, { extension: { in: extensions } }],
              },
              select: { emailLower: true, phoneNumber: true, extension: true, locationId: true },
            })
          : [];
      const checked = validateUserEdit(current, input, {
        locations,
        webexSites,
        numberHolders: holders.map((h) => ({ ...h, userKey: h.emailLower })),
      });
      const problems = checked.issues.map((i) => toProblemError(i));
      const errors = problems.filter((p) => p.severity !== "warning");
      if (errors.length) {
        throw new AppError(
          "validation_failed",
          `${user.displayName || user.email} cannot be saved: ${errors.map((e) => e.message).join(" ")}`,
          { errors: problems },
        );
      }
      if (!checked.changed.length) return { ...toUserJson(user), warnings: problems };

      const next = checked.value;
      const licences = new Set(next.baseLicences);
      const updated = await saveUserChange(
        tx,
        scope,
        customerId,
        user,
        {
          firstName: next.firstName,
          lastName: next.lastName,
          displayName: next.displayName,
          phoneNumber: next.phoneNumber,
          extension: next.extension,
          locationId: next.locationId,
          preferredWebexSite: next.preferredWebexSite,
          basicMessaging: licences.has("basic_messaging"),
          basicSpaceMeetings: licences.has("basic_space_meetings"),
          callOnWebex: licences.has("call_on_webex"),
        },
        { source: "user_edit", action: "user.updated" },
      );
      return { ...toUserJson(updated), warnings: problems };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
