-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "packages" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Admin" ADD COLUMN     "assignedCustomerCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CustomerStatusCount" (
    "partnerId" UUID NOT NULL,
    "status" "CustomerStatus" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CustomerStatusCount_pkey" PRIMARY KEY ("partnerId","status")
);

-- AddForeignKey
ALTER TABLE "CustomerStatusCount" ADD CONSTRAINT "CustomerStatusCount_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written: the derived values follow every write, by any writer (the app, seeds, psql).

-- 1. "Customer"."packages": the packages with a quota row, in id order (the API orders them by
-- the catalogue). Statement triggers with transition tables, so a seed inserting 60,000 quota
-- rows updates each customer once, not once per row. (Transition tables cannot take a column
-- list; no code updates quota rows, so the update trigger costs nothing in practice.)
UPDATE "Customer" c SET "packages" = ARRAY(
  SELECT q."package" FROM "CustomerPackageQuota" q WHERE q."customerId" = c."id" ORDER BY q."package");
ALTER TABLE "Customer" ALTER COLUMN "packages" SET NOT NULL;
-- Rewriting every customer row left the trigram index of migration 0005 seven times its size
-- (GIN does not shrink), which made every customer search 2-3x slower. The table is small.
REINDEX TABLE "Customer";

CREATE FUNCTION "Customer_packages_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  -- Each branch names only the transition tables its trigger has.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "customerId") INTO ids FROM changed_new;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "customerId") INTO ids FROM changed_old;
  ELSE
    SELECT array_agg(DISTINCT id) INTO ids FROM (
      SELECT "customerId" AS id FROM changed_new UNION SELECT "customerId" FROM changed_old) x;
  END IF;
  UPDATE "Customer" c SET "packages" = ARRAY(
    SELECT q."package" FROM "CustomerPackageQuota" q WHERE q."customerId" = c."id" ORDER BY q."package")
  WHERE c."id" = ANY (ids);
  RETURN NULL;
END $$;

CREATE TRIGGER "CustomerPackageQuota_packages_insert" AFTER INSERT ON "CustomerPackageQuota"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION "Customer_packages_follow"();
CREATE TRIGGER "CustomerPackageQuota_packages_delete" AFTER DELETE ON "CustomerPackageQuota"
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION "Customer_packages_follow"();
CREATE TRIGGER "CustomerPackageQuota_packages_update" AFTER UPDATE ON "CustomerPackageQuota"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION "Customer_packages_follow"();

-- 2. "Admin"."assignedCustomerCount": a partner administrator's customers (of their own partner).
UPDATE "Admin" a SET "assignedCustomerCount" = (
  SELECT count(*) FROM "AdminCustomerAssignment" x JOIN "Customer" c ON c."id" = x."customerId"
  WHERE x."adminId" = a."id" AND c."partnerId" = a."partnerId");

CREATE FUNCTION "Admin_assignedCustomerCount_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "adminId") INTO ids FROM changed_new;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "adminId") INTO ids FROM changed_old;
  ELSE
    SELECT array_agg(DISTINCT id) INTO ids FROM (
      SELECT "adminId" AS id FROM changed_new UNION SELECT "adminId" FROM changed_old) x;
  END IF;
  UPDATE "Admin" a SET "assignedCustomerCount" = (
    SELECT count(*) FROM "AdminCustomerAssignment" x JOIN "Customer" c ON c."id" = x."customerId"
    WHERE x."adminId" = a."id" AND c."partnerId" = a."partnerId")
  WHERE a."id" = ANY (ids);
  RETURN NULL;
END $$;

CREATE TRIGGER "AdminCustomerAssignment_count_insert" AFTER INSERT ON "AdminCustomerAssignment"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT
  EXECUTE FUNCTION "Admin_assignedCustomerCount_follow"();
CREATE TRIGGER "AdminCustomerAssignment_count_delete" AFTER DELETE ON "AdminCustomerAssignment"
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT
  EXECUTE FUNCTION "Admin_assignedCustomerCount_follow"();
CREATE TRIGGER "AdminCustomerAssignment_count_update" AFTER UPDATE ON "AdminCustomerAssignment"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION "Admin_assignedCustomerCount_follow"();

-- 3. "CustomerStatusCount": a partner's customers per status (one row per customer written, as
-- the partner's customerCount in migration 0006).
INSERT INTO "CustomerStatusCount" ("partnerId", "status", "count")
  SELECT "partnerId", "status", count(*) FROM "Customer" GROUP BY "partnerId", "status";

CREATE FUNCTION "CustomerStatusCount_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "CustomerStatusCount" SET "count" = "count" - 1
    WHERE "partnerId" = OLD."partnerId" AND "status" = OLD."status";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO "CustomerStatusCount" ("partnerId", "status", "count")
    VALUES (NEW."partnerId", NEW."status", 1)
    ON CONFLICT ("partnerId", "status") DO UPDATE SET "count" = "CustomerStatusCount"."count" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Customer_status_count"
  AFTER INSERT OR DELETE OR UPDATE OF "partnerId", "status" ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION "CustomerStatusCount_follow"();
