-- AlterTable
ALTER TABLE "AdminCustomerAssignment" ADD COLUMN     "customerNameLower" TEXT NOT NULL DEFAULT '';

-- Hand-written: the copy of the customer's name follows the customer, by any writer.
UPDATE "AdminCustomerAssignment" a SET "customerNameLower" = c."nameLower"
FROM "Customer" c WHERE c."id" = a."customerId";

CREATE FUNCTION "AdminCustomerAssignment_name_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."customerNameLower" := (SELECT "nameLower" FROM "Customer" WHERE "id" = NEW."customerId");
  RETURN NEW;
END $$;

CREATE TRIGGER "AdminCustomerAssignment_name_fill"
  BEFORE INSERT OR UPDATE OF "customerId", "customerNameLower" ON "AdminCustomerAssignment"
  FOR EACH ROW EXECUTE FUNCTION "AdminCustomerAssignment_name_fill"();

CREATE FUNCTION "Customer_assignment_name_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AdminCustomerAssignment" SET "customerNameLower" = NEW."nameLower"
  WHERE "customerId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Customer_assignment_name_follow"
  AFTER UPDATE OF "nameLower" ON "Customer"
  FOR EACH ROW WHEN (OLD."nameLower" IS DISTINCT FROM NEW."nameLower")
  EXECUTE FUNCTION "Customer_assignment_name_follow"();

-- CreateIndex
CREATE INDEX "AdminCustomerAssignment_adminId_customerNameLower_customerI_idx" ON "AdminCustomerAssignment"("adminId", "customerNameLower", "customerId");

