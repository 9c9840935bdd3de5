-- The preview is the plan (spec §6): every row is stored at preview with who it is about, their
-- package and the field changes of a modifying row; the uploaded bytes' hash finds an open
-- preview of the same file.
ALTER TABLE "Import" ADD COLUMN "fileHash" TEXT;

ALTER TABLE "ImportRow" ADD COLUMN "changes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "name" TEXT,
ADD COLUMN "package" TEXT;

CREATE INDEX "Import_customerId_fileHash_idx" ON "Import"("customerId", "fileHash");
