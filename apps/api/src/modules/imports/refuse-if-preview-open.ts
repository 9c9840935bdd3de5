import type { ImportBehaviour } from "@partner-hub/shared";
import { queryRows, sql, type SqlRunner } from "../../db/sql.ts";
import { AppError } from "../../http/app-error.ts";

/**
 * The same file (same bytes) uploaded again, with the same behaviour, while its preview is still
 * open (spec §6): the answer names that preview (`importId`) so the upload can offer to open it
 * instead of making another. The other behaviour makes another plan, so it is not the same preview.
 */
export async function refuseIfPreviewOpen(
  db: SqlRunner,
  customerId: string,
  fileHash: string,
  behaviour: ImportBehaviour,
): Promise<void> {
  const [open] = await queryRows<{ id: string; fileName: string; createdByEmail: string }>(
    db,
    sql`SELECT "id"::text AS "id", "fileName", "createdByEmail" FROM "Import"
        WHERE "customerId" = ${customerId}::uuid AND "fileHash" = ${fileHash}
          AND "behaviour" = ${behaviour}::"ImportBehaviour" AND "status" = 'previewed'
        ORDER BY "createdAt" DESC LIMIT 1`,
  );
  if (open) {
    throw new AppError(
      "import_preview_exists",
      `This file ("${open.fileName}") was already uploaded by ${open.createdByEmail} and its preview is still open. Open that preview, or upload the file again without ifPreviewOpen=refuse to make a new one.`,
      {
        params: { fileName: open.fileName, uploadedBy: open.createdByEmail },
        extra: { importId: open.id },
      },
    );
  }
}
