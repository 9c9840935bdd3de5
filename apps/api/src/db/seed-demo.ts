import {
  PACKAGES,
  defaultWebexSite,
  isCallingPackage,
  isMeetingsPackage,
} from "@partner-hub/shared";
import type { AdminRole, CustomerStatus, UserStatus } from "../generated/prisma/client.ts";
import { hashPassword } from "../modules/auth/password.ts";
import type { Database } from "./connect.ts";
import {
  CITIES,
  FIRST_NAMES,
  LAST_NAMES,
  asciiLocal,
  createRandom,
  customerDomain,
  customerName,
  phoneNumberFor,
  pickPackage,
  streetAddress,
  type Random,
} from "./demo-data.ts";

export const DEMO_PARTNER = "Nordic Telecom AB";
export const DEMO_CUSTOMER_COUNT = 64;

const STATUSES: CustomerStatus[] = [
  "active",
  "active",
  "active",
  "active",
  "provisioning",
  "suspended",
  "deactivated",
];

/** Seeds the demo data set when the database has no partner yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(
  db: Database,
  password: string,
  size?: DemoSize,
): Promise<boolean> {
  if ((await db.prisma.partner.count()) > 0) return false;
  await seedDemo(db, password, size);
  return true;
}

export interface DemoSize {
  customers: number;
  /** Users of each of the first two customers (the two with customer admins). */
  usersOfFirstTwo: number;
  usersOfOthers: [min: number, max: number];
}

const FULL_DEMO: DemoSize = {
  customers: DEMO_CUSTOMER_COUNT,
  usersOfFirstTwo: 180,
  usersOfOthers: [8, 40],
};

/** The demo data set; tests seed a smaller one of the same shape (same factories, same sign-ins). */
export async function seedDemo(db: Database, password: string, size: DemoSize = FULL_DEMO) {
  const { prisma } = db;
  const random = createRandom(20261126);
  const partner = await prisma.partner.create({ data: { name: DEMO_PARTNER } });
  const customerIds: string[] = [];
  for (let i = 0; i < size.customers; i++) {
    const userTotal = i < 2 ? size.usersOfFirstTwo : random.int(...size.usersOfOthers);
    customerIds.push(await seedCustomer(db, partner.id, i, userTotal, random));
  }

  // A second partner nobody above may see: the demo shows tenant isolation at work.
  const foreign = await prisma.partner.create({ data: { name: "Baltic Connect AS" } });
  const foreignCustomerIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    foreignCustomerIds.push(
      await seedCustomer(db, foreign.id, 100 + i, 10, random, `Baltic Client ${i + 1} AS`),
    );
  }

  const passwordHash = await hashPassword(password);
  const admins: {
    email: string;
    name: string;
    role: AdminRole;
    partnerId?: string;
    customerId?: string;
  }[] = [
    {
      email: "full.admin@partner.example",
      name: "Frida Fullständig",
      role: "partner_full_admin",
      partnerId: partner.id,
    },
    {
      email: "admin@partner.example",
      name: "Anders Administratör",
      role: "partner_admin",
      partnerId: partner.id,
    },
    {
      email: "readonly@partner.example",
      name: "Lisa Läsbehörig",
      role: "partner_readonly_admin",
      partnerId: partner.id,
    },
    {
      email: "admin@customer.example",
      name: "Åsa Öberg-Ström",
      role: "customer_full_admin",
      customerId: customerIds[0]!,
    },
    {
      email: "admin@norrsken.example",
      name: "Nils Norrsken",
      role: "customer_full_admin",
      customerId: customerIds[1]!,
    },
    {
      email: "full.admin@baltic.example",
      name: "Baiba Bērziņa",
      role: "partner_full_admin",
      partnerId: foreign.id,
    },
  ];
  for (const a of admins) {
    await prisma.admin.create({
      data: {
        email: a.email,
        name: a.name,
        role: a.role,
        passwordHash,
        partnerId: a.partnerId ?? null,
        customerId: a.customerId ?? null,
      },
    });
  }
  // The partner administrator manages the first customer and every fourth one after it.
  const partnerAdmin = await prisma.admin.findUniqueOrThrow({
    where: { email: "admin@partner.example" },
  });
  await prisma.adminCustomerAssignment.createMany({
    data: customerIds
      .filter((_, i) => i === 0 || i % 4 === 2)
      .map((customerId) => ({ adminId: partnerAdmin.id, customerId })),
  });
}

async function seedCustomer(
  db: Database,
  partnerId: string,
  index: number,
  userTotal: number,
  random: Random,
  fixedName?: string,
): Promise<string> {
  const { prisma } = db;
  const name = fixedName ?? customerName(index, random);
  const home = index < 2 ? CITIES[index]! : random.pick(CITIES);
  const domain = customerDomain(index);
  const webexSite = defaultWebexSite(name);
  const customer = await prisma.customer.create({
    data: {
      partnerId,
      name,
      nameLower: name.toLowerCase(),
      externalId: `NT-${String(10001 + index)}`,
      status: index < 2 ? "active" : random.pick(STATUSES),
      domain,
      webexSites: [webexSite],
      street: streetAddress(random),
      city: home.city,
      postalCode: String(random.int(10000, 98999)).replace(/^(\d{3})/, "$1 "),
      country: home.country,
      // Room for at least 1,000 more users of every package (spec §10).
      quotas: { create: PACKAGES.map((p) => ({ package: p.id, maxUsers: 2000 })) },
      createdAt: new Date(Date.UTC(2024, 0, 1) + index * 86_400_000 * 9),
    },
  });
  const cities = [home, ...CITIES.filter((c) => c !== home)].slice(
    0,
    index < 2 ? 3 : random.int(2, 3),
  );
  const locations = [];
  for (const [i, c] of cities.entries()) {
    locations.push(
      await prisma.location.create({
        data: {
          customerId: customer.id,
          name: i === 0 ? `${c.city} HQ` : `${c.city} kontor`,
          street: streetAddress(random),
          city: c.city,
          postalCode: String(random.int(10000, 98999)),
          country: c.country,
        },
      }),
    );
  }
  const used = new Set<string>();
  const users = [];
  for (let u = 0; u < userTotal; u++) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    let local = `${asciiLocal(firstName)}.${asciiLocal(lastName)}`;
    while (used.has(local)) local = `${local}${random.int(1, 9)}`;
    used.add(local);
    const pkg = pickPackage(random);
    const locationIndex = u % locations.length;
    const location = locations[locationIndex]!;
    const city = cities[locationIndex]!;
    const calling = isCallingPackage(pkg);
    const hasNumber = calling && u % 5 !== 4;
    const status: UserStatus = u % 17 === 3 ? "pending" : u % 29 === 5 ? "inactive" : "active";
    users.push({
      customerId: customer.id,
      email: `${local}@${domain}`,
      emailLower: `${local}@${domain}`,
      firstName,
      lastName,
      displayName: `${firstName} ${lastName}`,
      package: pkg,
      phoneNumber: hasNumber ? phoneNumberFor(city.area, index, u) : null,
      extension: calling ? String(1000 + u) : null,
      locationId: calling ? location.id : null,
      preferredWebexSite: isMeetingsPackage(pkg) && u % 7 !== 0 ? webexSite : null,
      basicMessaging: u % 3 !== 0,
      basicSpaceMeetings: u % 4 !== 0,
      callOnWebex: u % 2 === 0,
      status,
    });
  }
  await prisma.user.createMany({ data: users });
  await prisma.customer.update({ where: { id: customer.id }, data: { userCount: users.length } });
  return customer.id;
}
