import {
  isCallingPackage,
  numbersToLookUp,
  packageById,
  type ChangePackageInput,
  type ChangePackageResult,
  type PackageId,
  validateChangePackage,
} from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { requireVersion } from "../../http/if-match.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { lockWritableCustomer } from "../customers/customer-writable.ts";
import { loadQuotaState } from "../customers/quota-state.ts";
import { toProblemError } from "./issues-to-problems.ts";
import { loadUserForWrite } from "./load-user-for-write.ts";
import { saveUserChange } from "./save-user-change.ts";
import { toUserJson } from "./user-json.ts";

/**
 * Spec §7: change a user's package, asking for calling details when the new package includes
 * calling and the user has none. Optimistic concurrency: the caller names the version it saw;
 * if someone changed the user since, 412 with the current user and nothing changes.
 */
export async function changePackage(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  userId: string,
  input: Omit<ChangePackageInput, "version"> & { package: PackageId },
  expectedVersion: number | undefined,
): Promise<ChangePackageResult> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  const version = requireVersion(expectedVersion, "user");
  return prisma.$transaction(
    async (tx) => {
      await lockWritableCustomer(tx, customerId);
      const user = await loadUserForWrite(tx, customerId, userId, version);
      const calling = isCallingPackage(input.package);
      // The numbers the user would have after the change: typed ones, else their own carried over.
      const { phoneNumbers, extensions } = numbersToLookUp([
        {
          email: user.email,
          package: input.package,
          phoneNumber: input.phoneNumber ?? (calling ? user.phoneNumber : null),
          extension: input.extension ?? (calling ? user.extension : null),
        },
      ]);
      const [locations, holders, quotas, customer] = await Promise.all([
        tx.location.findMany({ where: { customerId }, select: { id: true, name: true } }),
        phoneNumbers.length || extensions.length
          ? tx.user.findMany({
              where: {
                customerId,
                id: { not: user.id },
                OR: [{ phoneNumber: { in: phoneNumbers } }, { extension: { in: extensions } }],
              },
              select: { emailLower: true, phoneNumber: true, extension: true, locationId: true },
            })
          : [],
        loadQuotaState(tx, customerId),
        tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { webexSites: true } }),
      ]);
      // The same composition the dialog runs, here with the database's truth.
      const { issues, value: next } = validateChangePackage(
        {
          userKey: user.emailLower,
          package: user.package as PackageId,
          phoneNumber: user.phoneNumber,
          extension: user.extension,
          locationId: user.locationId,
          preferredWebexSite: user.preferredWebexSite,
        },
        input,
        {
          locations,
          quotas,
          webexSites: customer.webexSites,
          numberHolders: holders.map((h) => ({
            userKey: h.emailLower,
            phoneNumber: h.phoneNumber,
            extension: h.extension,
            locationId: h.locationId,
          })),
        },
      );
      const problems = issues.map((i) => toProblemError(i));
      if (problems.some((p) => p.severity !== "warning")) {
        throw new AppError(
          "validation_failed",
          `The package cannot be changed to ${packageById(input.package).displayName}.`,
          {
            errors: problems,
          },
        );
      }
      const unchanged =
        user.package === next.package &&
        user.phoneNumber === next.phoneNumber &&
        user.extension === next.extension &&
        user.locationId === next.locationId &&
        user.preferredWebexSite === next.preferredWebexSite;
      if (unchanged) return { ...toUserJson(user), warnings: problems };

      const updated = await saveUserChange(
        tx,
        scope,
        customerId,
        user,
        {
          package: next.package,
          phoneNumber: next.phoneNumber,
          extension: next.extension,
          locationId: next.locationId,
          preferredWebexSite: next.preferredWebexSite,
        },
        { source: "package_change", action: "user.package_changed" },
      );
      return { ...toUserJson(updated), warnings: problems };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
