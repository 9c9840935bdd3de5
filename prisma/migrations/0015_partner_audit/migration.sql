-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "adminId" UUID,
ADD COLUMN     "partnerId" UUID,
ALTER COLUMN "customerId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "AuditEvent_partnerId_seq_idx" ON "AuditEvent"("partnerId", "seq" DESC);

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written: every event knows its partner, whoever writes it (the app, the import worker's
-- plain SQL, psql): the partner-level log (GET /audit) reads one index in seq order instead of
-- joining every customer of the partner.
UPDATE "AuditEvent" e SET "partnerId" = c."partnerId" FROM "Customer" c WHERE c."id" = e."customerId";

CREATE FUNCTION "audit_event_partner"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c."partnerId" INTO NEW."partnerId" FROM "Customer" c WHERE c."id" = NEW."customerId";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEvent_partner" BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW WHEN (NEW."partnerId" IS NULL AND NEW."customerId" IS NOT NULL)
  EXECUTE FUNCTION "audit_event_partner"();

-- An event names a customer, a partner, or both.
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_owner_check"
  CHECK ("customerId" IS NOT NULL OR "partnerId" IS NOT NULL);
