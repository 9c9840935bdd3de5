-- The audit log's date range filter (issue 15): the span of seq of a day, read from the index
-- alone, so a page of a day long ago starts at that day (apps/api/src/modules/audit/audit-where.ts).
-- CreateIndex
CREATE INDEX "AuditEvent_customerId_createdAt_seq_idx" ON "AuditEvent"("customerId", "createdAt", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_partnerId_createdAt_seq_idx" ON "AuditEvent"("partnerId", "createdAt", "seq");

