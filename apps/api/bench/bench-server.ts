/**
 * The API under benchmark, in a process of its own (forked by run-bench.ts), so the load
 * generator does not share the server's event loop — as in production, where clients are
 * other machines. Reports its port to the parent over IPC. `worker` as second argument runs the
 * CSV import worker too (the import benchmark); the heap is capped as scripts/start.sh caps it.
 */
import type { AddressInfo } from "node:net";
import { buildApp } from "../src/app.ts";
import { connectDatabase } from "../src/db/connect.ts";

const url = process.argv[2];
const withWorker = process.argv[3] === "worker";
if (!url || !process.send) throw new Error("usage: forked by run-bench.ts with the database URL");
const db = connectDatabase({ kind: "postgres", url, poolSize: 20 });
const app = await buildApp({ db, logger: false, importWorker: withWorker });
await app.listen({ host: "127.0.0.1", port: 0 });
process.send({ port: (app.server.address() as AddressInfo).port });
process.on("disconnect", () => {
  app.server.closeAllConnections();
  void Promise.all([app.close(), db.close()]).finally(() => process.exit(0));
});
