import { queryRows, sql, type SqlRunner } from "../../db/sql.ts";
import { AppError } from "../../http/app-error.ts";

/** One import per customer at a time (spec §6): the answer names the running task. */
export async function refuseIfImportRunning(db: SqlRunner, customerId: string): Promise<void> {
  const [running] = await queryRows<{ id: string; fileName: string; createdByEmail: string }>(
    db,
    sql`SELECT "id", "fileName", "createdByEmail" FROM "Import"
        WHERE "customerId" = ${customerId}::uuid AND "status" IN ('queued', 'running') LIMIT 1`,
  );
  if (running) {
    throw new AppError(
      "import_running",
      `The import of "${running.fileName}" started by ${running.createdByEmail} is still running for this customer. Wait for it to finish, then upload again.`,
      {
        params: { fileName: running.fileName, startedBy: running.createdByEmail },
        extra: { importId: running.id },
      },
    );
  }
}
