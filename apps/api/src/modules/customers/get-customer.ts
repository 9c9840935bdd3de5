import {
  webexSitesJson,
  type Customer,
  type CustomerLanguage,
  type PackageQuota,
} from "@partner-hub/shared";
import type { Customer as CustomerRow } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { loadQuotaState } from "./quota-state.ts";

export async function getCustomer(db: Db, scope: Scope, customerId: string): Promise<Customer> {
  await requireCustomer(db, scope, customerId);
  return loadCustomerJson(db, customerId);
}

/** The customer as `GET /customers/:customerId` answers it (also after an update). */
export async function loadCustomerJson(db: Db, customerId: string): Promise<Customer> {
  const [c, quotas, locationCount] = await Promise.all([
    db.customer.findUniqueOrThrow({ where: { id: customerId } }),
    loadQuotaState(db, customerId),
    db.location.count({ where: { customerId } }),
  ]);
  return customerJson(c, quotas, locationCount);
}

/**
 * The customer's JSON from its row, quotas and location count: the one shape GET answers, which
 * a create builds from what it has just written rather than reading it back.
 */
export function customerJson(
  c: CustomerRow,
  quotas: PackageQuota[],
  locationCount: number,
): Customer {
  return {
    id: c.id,
    name: c.name,
    externalId: c.externalId,
    status: c.status,
    packages: quotas.map((q) => q.package),
    userCount: c.userCount,
    userQuota: quotas.reduce((sum, q) => sum + q.maxUsers, 0),
    createdAt: c.createdAt.toISOString(),
    domain: c.domain,
    address: { street: c.street, city: c.city, postalCode: c.postalCode, country: c.country },
    language: c.language as CustomerLanguage,
    quotas,
    locationCount,
    webexSites: webexSitesJson(c.webexSites),
    version: c.version,
  };
}
