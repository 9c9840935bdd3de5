-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "purgedAt" TIMESTAMPTZ(3);



-- Hand-written (decision 013): a deleted customer is a tombstone — 404 everywhere, out of every
-- list, search and count from the commit that deletes it; a background job removes its users and
-- other data in batches, then sets "purgedAt". The row stays, so its audit events (foreign key to
-- the customer) keep their customer and its name in the partner's log.

-- 1. The list's sort indexes and the unique keys cover live customers only. The list queries say
-- `"deletedAt" IS NULL`, which lets PostgreSQL keep reading page ids from these indexes alone
-- (a filter on a column outside a full index would read every skipped row from the table), and
-- a deleted customer's external ID is free for a new customer at once.
DROP INDEX "Customer_partnerId_nameLower_id_idx";
CREATE INDEX "Customer_partnerId_nameLower_id_idx" ON "Customer"("partnerId", "nameLower", "id")
  WHERE "deletedAt" IS NULL;
DROP INDEX "Customer_partnerId_createdAt_id_idx";
CREATE INDEX "Customer_partnerId_createdAt_id_idx" ON "Customer"("partnerId", "createdAt", "id")
  WHERE "deletedAt" IS NULL;
DROP INDEX "Customer_partnerId_userCount_id_idx";
CREATE INDEX "Customer_partnerId_userCount_id_idx" ON "Customer"("partnerId", "userCount", "id")
  WHERE "deletedAt" IS NULL;
DROP INDEX "Customer_partnerId_status_nameLower_id_idx";
CREATE INDEX "Customer_partnerId_status_nameLower_id_idx"
  ON "Customer"("partnerId", "status", "nameLower", "id") WHERE "deletedAt" IS NULL;
DROP INDEX "Customer_partnerId_externalId_key";
CREATE UNIQUE INDEX "Customer_partnerId_externalId_key" ON "Customer"("partnerId", "externalId")
  WHERE "deletedAt" IS NULL;
DROP INDEX "Customer_partnerId_externalId_lower_key";
CREATE UNIQUE INDEX "Customer_partnerId_externalId_lower_key"
  ON "Customer" ("partnerId", lower("externalId")) WHERE "deletedAt" IS NULL;

-- The purge job's queue: deleted customers whose data is not all removed yet (a handful at most).
CREATE INDEX "Customer_purge_pending_idx" ON "Customer"("deletedAt")
  WHERE "deletedAt" IS NOT NULL AND "purgedAt" IS NULL;

-- 2. The partner's counts (0006, 0007) count live customers: deleting is, for them, the row
-- leaving, whoever sets "deletedAt".
CREATE OR REPLACE FUNCTION "Partner_customerCount_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."deletedAt" IS NULL THEN
    UPDATE "Partner" SET "customerCount" = "customerCount" - 1 WHERE "id" = OLD."partnerId";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."deletedAt" IS NULL THEN
    UPDATE "Partner" SET "customerCount" = "customerCount" + 1 WHERE "id" = NEW."partnerId";
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "Customer_partner_count" ON "Customer";
CREATE TRIGGER "Customer_partner_count"
  AFTER INSERT OR DELETE OR UPDATE OF "partnerId", "deletedAt" ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION "Partner_customerCount_follow"();

CREATE OR REPLACE FUNCTION "CustomerStatusCount_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."deletedAt" IS NULL THEN
    UPDATE "CustomerStatusCount" SET "count" = "count" - 1
    WHERE "partnerId" = OLD."partnerId" AND "status" = OLD."status";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."deletedAt" IS NULL THEN
    INSERT INTO "CustomerStatusCount" ("partnerId", "status", "count")
    VALUES (NEW."partnerId", NEW."status", 1)
    ON CONFLICT ("partnerId", "status") DO UPDATE SET "count" = "CustomerStatusCount"."count" + 1;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "Customer_status_count" ON "Customer";
CREATE TRIGGER "Customer_status_count"
  AFTER INSERT OR DELETE OR UPDATE OF "partnerId", "status", "deletedAt" ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION "CustomerStatusCount_follow"();
