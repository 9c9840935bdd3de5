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
  // Active ones: a customer that is not active refuses writes (spec §3), which is not what the
  // isolation matrix is about.
  const unassigned = ownCustomers.find(
    (c) =>
      c.status === "active" &&
      !assigned.has(c.id) &&
      c.id !== customerAdmin.customerId &&
      c.id !== otherCustomerAdmin.customerId,
  )!;
  const foreign = await p.customer.findFirstOrThrow({
    where: { partnerId: foreignPartnerAdmin.partnerId!, status: "active" },
  });
  const userOf = (customerId: string) =>
    p.user.findFirstOrThrow({ where: { customerId }, orderBy: { email: "asc" } });
  return {
    /** Fjällbacka: customer admin's own; assigned to the partner administrator. */
    home: {
      customer: customerAdmin.customerId!,
      user: (await userOf(customerAdmin.customerId!)).id,
    },
    /** Norrsken: the other customer admin's; not assigned to the partner administrator. */
    sibling: {
      customer: otherCustomerAdmin.customerId!,
      user: (await userOf(otherCustomerAdmin.customerId!)).id,
    },
    unassigned: { customer: unassigned.id, user: (await userOf(unassigned.id)).id },
    foreign: { customer: foreign.id, user: (await userOf(foreign.id)).id },
    allOwnCustomerIds: ownCustomers.map((c) => c.id),
    assignedCustomerIds: [...assigned],
  };
}
