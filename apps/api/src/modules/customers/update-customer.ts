import {
  storedWebexSites,
  type Customer,
  type UpdateCustomerInputSchema,
} from "@partner-hub/shared";
import type { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { queryRows, sql } from "../../db/sql.ts";
import { AppError } from "../../http/app-error.ts";
import { requireVersion } from "../../http/if-match.ts";
import { recordAudit, type AuditEntry } from "../audit/record-audit.ts";
import { requireCustomer, requireWrite, type Scope } from "../auth/scope.ts";
import { customerSnapshot } from "./customer-audit.ts";
import { customerNotWritable } from "./customer-writable.ts";
import { loadCustomerJson } from "./get-customer.ts";
import { lockCustomer } from "./lock-customer.ts";

type UpdateCustomerInput = Omit<z.output<typeof UpdateCustomerInputSchema>, "version">;

/** Spec §1: external ID and status are the partner's; a customer administrator cannot set them. */
const PARTNER_ONLY_FIELDS = ["externalId", "status"] as const;

/** 409 naming `externalId` when another customer of the partner has it, ignoring case. */
export async function refuseTakenExternalId(
  db: Db,
  partnerId: string,
  externalId: string,
  exceptCustomerId: string | null,
): Promise<void> {
  const [taken] = await queryRows<{ id: string }>(
    db,
    sql`SELECT "id" FROM "Customer" WHERE "partnerId" = ${partnerId}::uuid
      AND lower("externalId") = lower(${externalId}) AND "deletedAt" IS NULL
      AND "id" IS DISTINCT FROM ${exceptCustomerId}::uuid LIMIT 1`,
  );
  if (taken) throw externalIdTaken(externalId);
}

export function externalIdTaken(externalId: string): AppError {
  return new AppError(
    "external_id_taken",
    `Another customer already has the external ID "${externalId}" (external IDs are unique ignoring case).`,
    {
      params: { value: externalId },
      errors: [
        {
          code: "external_id_duplicate",
          field: "externalId",
          message: `Another customer already has the external ID "${externalId}".`,
          params: { value: externalId },
        },
      ],
    },
  );
}

/**
 * Spec §3: a Webex site leaves the list only when no user prefers it any more — the same rule as
 * a location or a package in use (409 with how many prefer it), so nobody is left with a site
 * the customer no longer has. The partner moves those users first (CSV or user edit).
 */
async function refuseRemovingPreferredSites(
  db: Db,
  customerId: string,
  kept: readonly string[],
): Promise<void> {
  const held = await queryRows<{ site: string; count: number }>(
    db,
    sql`SELECT lower("preferredWebexSite") AS "site", count(*)::int AS "count" FROM "User"
      WHERE "customerId" = ${customerId}::uuid AND "preferredWebexSite" IS NOT NULL
        AND lower("preferredWebexSite") <> ALL(${[...kept]}::text[])
      GROUP BY 1 ORDER BY 1`,
  );
  const [first] = held;
  if (!first) return;
  throw new AppError(
    "webex_site_in_use",
    `${first.count} users prefer ${first.site}: choose another site for them before removing it.`,
    {
      params: { site: first.site, count: first.count },
      errors: held.map((h) => ({
        code: "webex_site_has_users" as const,
        field: "webexSites",
        message: `${h.count} users prefer ${h.site}.`,
        params: { site: h.site, count: h.count },
      })),
    },
  );
}

/**
 * Spec §11 Customer settings: name, external ID, language, address, and status (suspend /
 * reactivate). Optimistic concurrency as for users: a stale version gets 412 with the current
 * customer and nothing changes. A customer that is not active changes nothing but its status.
 */
export async function updateCustomer(
  prisma: PrismaClient,
  scope: Scope,
  customerId: string,
  input: UpdateCustomerInput,
  version: number | undefined,
): Promise<Customer> {
  await requireCustomer(prisma, scope, customerId);
  requireWrite(scope);
  const expected = requireVersion(version, "customer");
  return prisma.$transaction(
    async (tx) => {
      await lockCustomer(tx, customerId);
      const before = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
      if (scope.kind !== "partner") {
        const refused = PARTNER_ONLY_FIELDS.filter(
          (field) => input[field] !== undefined && input[field] !== before[field],
        );
        if (refused.length)
          throw new AppError(
            "forbidden",
            "A customer administrator cannot change the customer's external ID or status: they are the partner's.",
            {
              errors: refused.map((field) => ({
                code: "partner_only_field",
                field,
                message: `Only the partner's administrators can change ${field}.`,
                params: { field },
              })),
            },
          );
      }
      if (before.version !== expected) {
        throw new AppError(
          "version_conflict",
          `${before.name} was changed by someone else since you loaded it (version ${expected}, now ${before.version}). Review the current settings and try again.`,
          { extra: { current: await loadCustomerJson(tx, customerId) } },
        );
      }
      const next = {
        name: input.name ?? before.name,
        externalId: input.externalId ?? before.externalId,
        language: input.language ?? before.language,
        street: input.address?.street ?? before.street,
        city: input.address?.city ?? before.city,
        postalCode: input.address ? input.address.postalCode : before.postalCode,
        country: input.address?.country ?? before.country,
        status: input.status ?? before.status,
      };
      const webexSites = input.webexSites ? storedWebexSites(input.webexSites) : before.webexSites;
      const sitesChanged = webexSites.join("\n") !== before.webexSites.join("\n");
      const settingsChanged =
        sitesChanged ||
        (
          ["name", "externalId", "language", "street", "city", "postalCode", "country"] as const
        ).some((k) => next[k] !== before[k]);
      const statusChanged = next.status !== before.status;
      if (!settingsChanged && !statusChanged) return loadCustomerJson(tx, customerId);
      // Spec §3: a customer that is not active refuses changes until it is active again (a
      // reactivation may carry settings along; a suspension may too, made while still active).
      // Its status too moves only to active: suspending a provisioning or deactivated customer
      // would not hold it back any further, and would turn a deactivation into a mere pause.
      if (
        (settingsChanged || statusChanged) &&
        before.status !== "active" &&
        next.status !== "active"
      )
        throw customerNotWritable(before.status);
      if (next.externalId !== before.externalId)
        await refuseTakenExternalId(tx, before.partnerId, next.externalId, customerId);
      if (sitesChanged) await refuseRemovingPreferredSites(tx, customerId, webexSites);

      const after = await tx.customer.update({
        where: { id: customerId },
        data: {
          ...next,
          webexSites,
          nameLower: next.name.toLowerCase(),
          version: { increment: 1 },
        },
      });
      const entries: AuditEntry[] = [];
      const event = (action: AuditEntry["action"], keys: readonly string[]): AuditEntry => {
        const pick = (snap: Record<string, unknown>) =>
          Object.fromEntries(keys.map((k) => [k, snap[k]]));
        return {
          userId: null,
          userEmail: "",
          action,
          before: pick(customerSnapshot(before)),
          after: pick(customerSnapshot(after)),
        };
      };
      // A provisioning customer was never active: it is activated, not reactivated.
      if (statusChanged)
        entries.push(
          event(
            next.status !== "active"
              ? "customer.suspended"
              : before.status === "provisioning"
                ? "customer.activated"
                : "customer.reactivated",
            ["status"],
          ),
        );
      if (settingsChanged)
        entries.push(
          event("customer.updated", [
            "name",
            "externalId",
            "language",
            "street",
            "city",
            "postalCode",
            "country",
            "webexSites",
          ]),
        );
      await recordAudit(tx, scope, customerId, "customer_settings", entries);
      return loadCustomerJson(tx, customerId);
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
