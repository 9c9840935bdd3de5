import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "../src/db/unique-violation.ts";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "./setup/test-database.ts";

/**
 * A unique violation reaches our code in a different shape from each path to the database (the
 * driver, Prisma on @prisma/adapter-pg, Prisma on pglite-prisma-adapter); isUniqueViolation
 * recognises each by SQLSTATE 23505, and nothing else (a foreign key violation is 23503).
 */
describe(`unique violations are recognised by SQLSTATE on ${testDatabaseKind}`, () => {
  let database: TestDatabase;
  let partnerId: string;
  const NO_SUCH_PARTNER = "00000000-0000-4000-8000-000000000000";
  const insert = (partner: string, externalId: string) =>
    `INSERT INTO "Customer" ("partnerId", "name", "nameLower", "externalId", "domain")
     VALUES ('${partner}', 'A', 'a', '${externalId}', 'a.example')`;
  const create = (partner: string, externalId: string) => ({
    data: { partnerId: partner, name: "A", nameLower: "a", externalId, domain: "a.example" },
  });
  const failureOf = async (run: () => Promise<unknown>): Promise<unknown> => {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("the statement did not fail");
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    partnerId = (await database.db.prisma.partner.create({ data: { name: "P" } })).id;
    await database.db.raw.exec(insert(partnerId, "TAKEN"));
  });
  afterAll(async () => database?.drop());

  const paths: [string, (externalId: string, partner?: string) => Promise<unknown>][] = [
    ["the driver", (x, p = partnerId) => database.db.raw.query(insert(p, x))],
    ["the driver, prepared", (x, p = partnerId) => database.db.raw.queryPrepared(insert(p, x))],
    [
      "the driver, in a transaction",
      (x, p = partnerId) => database.db.raw.transaction((tx) => tx.query(insert(p, x))),
    ],
    ["a Prisma create", (x, p = partnerId) => database.db.prisma.customer.create(create(p, x))],
    [
      "a Prisma create in a transaction",
      (x, p = partnerId) =>
        database.db.prisma.$transaction((tx) => tx.customer.create(create(p, x))),
    ],
    [
      "Prisma $executeRaw",
      (x, p = partnerId) => database.db.prisma.$executeRawUnsafe(insert(p, x)),
    ],
    ["Prisma $queryRaw", (x, p = partnerId) => database.db.prisma.$queryRawUnsafe(insert(p, x))],
  ];

  for (const [name, run] of paths) {
    it(`through ${name}`, async () => {
      expect(isUniqueViolation(await failureOf(() => run("TAKEN")))).toBe(true);
      // Another constraint's failure through the same path is not one.
      expect(isUniqueViolation(await failureOf(() => run("FREE", NO_SUCH_PARTNER)))).toBe(false);
    });
  }

  it("not for errors that are not the database's", () => {
    for (const e of [new Error("duplicate key value violates unique constraint"), null, "23505"])
      expect(isUniqueViolation(e)).toBe(false);
  });
});
