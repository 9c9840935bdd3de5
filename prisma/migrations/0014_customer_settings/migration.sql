-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Stockholm',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Hand-written: external IDs are unique within the partner ignoring case, and a customer's
-- location names too (spec §11). Expression indexes, so not in schema.prisma. The name and
-- external ID columns need nothing else: "searchText" (0010) is generated from them and the
-- partner's counts (0006, 0007) and the assignments' copy of the name (0009) follow by trigger.
-- The new columns above have constant defaults: PostgreSQL adds them without rewriting the table.
CREATE UNIQUE INDEX "Customer_partnerId_externalId_lower_key"
  ON "Customer" ("partnerId", lower("externalId"));

CREATE UNIQUE INDEX "Location_customerId_name_lower_key"
  ON "Location" ("customerId", lower("name"));
