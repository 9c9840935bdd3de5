-- DropIndex
DROP INDEX "AuditEvent_customerId_createdAt_id_idx";

-- DropIndex
DROP INDEX "AuditEvent_customerId_userId_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "AuditEvent_customerId_seq_idx" ON "AuditEvent"("customerId", "seq" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_customerId_userId_seq_idx" ON "AuditEvent"("customerId", "userId", "seq" DESC);

