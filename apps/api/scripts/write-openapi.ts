/**
 * Writes the API's OpenAPI document, as the running app serves it at /api/docs/json, to the
 * file named by the first argument (stdout without one), so tools such as Redocly's linter and
 * client generators can read it without starting a server. No database is opened: the app is
 * built on an in-memory PGlite that nothing queries, with no import worker.
 */
import fs from "node:fs";
import path from "node:path";
import { buildApp } from "../src/app.ts";
import { connectDatabase } from "../src/db/connect.ts";

const out = process.argv[2];
if (out) fs.mkdirSync(path.dirname(out), { recursive: true });
const db = connectDatabase({ kind: "pglite" });
const app = await buildApp({ db, importWorker: false });
await app.ready();
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await db.close();
if (out) fs.writeFileSync(out, document);
else process.stdout.write(document);
