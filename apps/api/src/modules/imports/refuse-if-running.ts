import type { Db } from "../../db/types.ts";
import { AppError } from "../../http/app-error.ts";

/** One import per customer at a time (spec §6): the answer names the running task. */
export async function refuseIfImportRunning(db: Db, customerId: string): Promise<void> {
  const running = await db.import.findFirst({
    where: { customerId, status: { in: ["queued", "running"] } },
    select: { id: true, fileName: true, createdByEmail: true },
  });
  if (running) {
    throw new AppError(
      "import_running",
      `The import of "${running.fileName}" started by ${running.createdByEmail} is still running for this customer. Wait for it to finish, then upload again.`,
      { extra: { importId: running.id } },
    );
  }
}
