import type { Customer } from "../../generated/prisma/client.ts";

/** What the audit log keeps of a customer's settings (flat, so before → after reads per field). */
export function customerSnapshot(c: Customer): Record<string, unknown> {
  return {
    name: c.name,
    externalId: c.externalId,
    language: c.language,
    street: c.street,
    city: c.city,
    postalCode: c.postalCode,
    country: c.country,
    status: c.status,
    // One line of text, so before → after reads as one change.
    webexSites: c.webexSites.join(", "),
  };
}

/** Quotas as "package: max" lines, in package id order. */
export function quotaSnapshot(quotas: { package: string; maxUsers: number }[]): {
  quotas: string[];
} {
  return {
    quotas: [...quotas]
      .sort((a, b) => a.package.localeCompare(b.package))
      .map((q) => `${q.package}: ${q.maxUsers}`),
  };
}
