-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "customerCount" INTEGER NOT NULL DEFAULT 0;


-- Hand-written: the count follows every insert, delete or move of a customer, by any writer.
UPDATE "Partner" p SET "customerCount" = (SELECT count(*) FROM "Customer" c WHERE c."partnerId" = p."id");

CREATE FUNCTION "Partner_customerCount_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "Partner" SET "customerCount" = "customerCount" - 1 WHERE "id" = OLD."partnerId";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    UPDATE "Partner" SET "customerCount" = "customerCount" + 1 WHERE "id" = NEW."partnerId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Customer_partner_count"
  AFTER INSERT OR DELETE OR UPDATE OF "partnerId" ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION "Partner_customerCount_follow"();
