import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.ts";
import { readEnv, resolveDataDir } from "./config/env.ts";
import { connectDatabase } from "./db/connect.ts";
import { migrate } from "./db/migrate.ts";
import { seedDemoIfEmpty } from "./db/seed-demo.ts";

const env = readEnv();
const here = path.dirname(fileURLToPath(import.meta.url));
const db = connectDatabase(
  env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: resolveDataDir(env) },
);
await migrate(db.raw);
const seeded = await seedDemoIfEmpty(db, env.DEMO_PASSWORD);

const app = await buildApp({
  db,
  logger: { level: env.LOG_LEVEL },
  webDistDir: env.WEB_DIST_DIR ?? path.resolve(here, "../../web/dist"),
  importWorker: env.IMPORT_WORKER === "true",
  secureCookies: env.NODE_ENV === "production" && env.SECURE_COOKIES === "true",
  trustProxy: env.TRUST_PROXY === "true",
  sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
  sessionMaxHours: env.SESSION_MAX_HOURS,
});

const close = async (signal: string) => {
  app.log.info(`${signal}: closing`);
  await app.close();
  await db.close();
  process.exit(0);
};
process.on("SIGINT", () => void close("SIGINT"));
process.on("SIGTERM", () => void close("SIGTERM"));

await app.listen({ port: env.PORT, host: env.HOST });
const url = `http://localhost:${env.PORT}`;
const database =
  db.kind === "pglite" ? `embedded PGlite in ${resolveDataDir(env)}` : "PostgreSQL (DATABASE_URL)";
console.log(`
Partner Hub is running at ${url}   (API docs: ${url}/api/docs)
Database: ${database}${seeded ? " — seeded with demo data" : ""}

Demo sign-ins (password: ${env.DEMO_PASSWORD === "partnerhub-demo" ? "partnerhub-demo" : "from DEMO_PASSWORD"}):
  full.admin@partner.example     Partner full administrator
  admin@partner.example          Partner administrator (assigned customers only)
  readonly@partner.example       Partner read-only administrator
  admin@customer.example         Customer full administrator (Fjällbacka Fastigheter AB)
  admin@norrsken.example         Customer full administrator (Norrsken Energi AB)
`);
