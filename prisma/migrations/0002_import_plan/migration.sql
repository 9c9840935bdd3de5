-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "appliedRows" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "encoding" TEXT NOT NULL DEFAULT 'utf-8',
ADD COLUMN     "failedRows" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fileText" TEXT NOT NULL,
ADD COLUMN     "warnings" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "ImportRow" DROP COLUMN "cells",
ADD COLUMN     "applyError" TEXT,
ADD COLUMN     "plan" JSONB,
ADD COLUMN     "skipped" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "ImportRow_importId_applied_rowNumber_idx" ON "ImportRow"("importId", "applied", "rowNumber");

