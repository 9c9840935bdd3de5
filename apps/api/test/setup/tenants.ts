import type { Database } from "../../src/db/connect.ts";

/** Ids of the seeded tenants, looked up by the demo's fixed names and sign-ins. */
export async function loadTenants(db: Database) {
  const p = db.prisma;
  const admin = (email: string) =>
    p.admin.findUniqueOrThrow({ where: { email }, include: { assignments: true } });
  const customerAdmin = await admin("admin@customer.example");
  const otherCustomerAdmin = await admin("admin@norrsken.example");
  const partnerAdmin = await admin("admin@partner.example");
  const foreignPartnerAdmin = await admin("full.admin@baltic.example");
  const assigned = new Set(partnerAdmin.assignments.map((a) => a.customerId));
  const ownCustomers = await p.customer.findMany({
    where: { partnerId: partnerAdmin.partnerId! },
    orderBy: { externalId: "asc" },
  });
  // Active ones where there are (a customer that is not active refuses writes, spec §3, which is
  // not what the isolation matrix is about); a test that set every one otherwise takes any.
  const candidates = ownCustomers.filter(
    (c) =>
      !assigned.has(c.id) &&
      c.id !== customerAdmin.customerId &&
      c.id !== otherCustomerAdmin.customerId,
  );
  const unassigned = (candidates.find((c) => c.status === "active") ?? candidates[0])!;
  const foreign =
    (await p.customer.findFirst({
      where: { partnerId: foreignPartnerAdmin.partnerId!, status: "active" },
    })) ??
    (await p.customer.findFirstOrThrow({ where: { partnerId: foreignPartnerAdmin.partnerId! } }));
  const userOf = (customerId: string) =>
    p.user.findFirstOrThrow({ where: { customerId }, orderBy: { email: "asc" } });
  const locationOf = async (customerId: string) =>
    (await p.location.findFirstOrThrow({ where: { customerId }, orderBy: { name: "asc" } })).id;
  const tenant = async (customer: string) => ({
    customer,
    user: (await userOf(customer)).id,
    location: await locationOf(customer),
  });
  return {
    /** Fjällbacka: customer admin's own; assigned to the partner administrator. */
    home: await tenant(customerAdmin.customerId!),
    /** Norrsken: the other customer admin's; not assigned to the partner administrator. */
    sibling: await tenant(otherCustomerAdmin.customerId!),
    unassigned: await tenant(unassigned.id),
    foreign: await tenant(foreign.id),
    allOwnCustomerIds: ownCustomers.map((c) => c.id),
    assignedCustomerIds: [...assigned],
  };
}
