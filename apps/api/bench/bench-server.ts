/**
 * The API under benchmark, in a process of its own (forked by run-bench.ts), so the load
 * generator does not share the server's event loop — as in production, where clients are
 * other machines. Reports its port to the parent over IPC. `worker` as second argument runs the
 * CSV import worker too (the import benchmark); the heap is capped as scripts/start.sh caps it.
 */
import type { AddressInfo } from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp } from "../src/app.ts";
import { connectDatabase } from "../src/db/connect.ts";

const url = process.argv[2];
const withWorker = process.argv[3] === "worker";
if (!url || !process.send) throw new Error("usage: forked by run-bench.ts with the database URL");
// As src/server.ts runs it: the default pool, request logging at "info" (written to a file
// instead of stdout, so the bench's own output stays readable).
const logFile = path.join(os.tmpdir(), "partnerhub-bench-server.log");
fs.rmSync(logFile, { force: true });
const db = connectDatabase({ kind: "postgres", url });
const app = await buildApp({
  db,
  logger: { level: "info", file: logFile },
  importWorker: withWorker,
});
await app.listen({ host: "127.0.0.1", port: 0 });
process.send({ port: (app.server.address() as AddressInfo).port });
process.on("disconnect", () => {
  app.server.closeAllConnections();
  void Promise.all([app.close(), db.close()]).finally(() => process.exit(0));
});
