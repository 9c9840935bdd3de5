import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.ts";
import { readEnv, resolveDataDir } from "./config/env.ts";
import { connectDatabase } from "./db/connect.ts";
import { migrate } from "./db/migrate.ts";
import { prepareFirstStart, startMessage } from "./db/first-start.ts";
import { createMailer } from "./mail/mailer.ts";

const env = readEnv();
const here = path.dirname(fileURLToPath(import.meta.url));
const db = connectDatabase(
  env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: resolveDataDir(env) },
);
await migrate(db.raw);
const firstStart = await prepareFirstStart(db, {
  seedDemo: env.SEED_DEMO === "true",
  demoPassword: env.DEMO_PASSWORD,
});
const mailer = env.SMTP_URL ? createMailer(env.SMTP_URL, env.MAIL_FROM) : null;

const app = await buildApp({
  db,
  logger: { level: env.LOG_LEVEL },
  webDistDir: env.WEB_DIST_DIR ?? path.resolve(here, "../../web/dist"),
  importWorker: env.IMPORT_WORKER === "true",
  secureCookies: env.NODE_ENV === "production" && env.SECURE_COOKIES === "true",
  trustProxy: env.TRUST_PROXY === "true",
  sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
  sessionMaxHours: env.SESSION_MAX_HOURS,
  mailer,
  publicUrl: env.PUBLIC_URL,
});

const close = async (signal: string) => {
  app.log.info(`${signal}: closing`);
  await app.close();
  await db.close();
  mailer?.close();
  process.exit(0);
};
process.on("SIGINT", () => void close("SIGINT"));
process.on("SIGTERM", () => void close("SIGTERM"));

await app.listen({ port: env.PORT, host: env.HOST });
const url = `http://localhost:${env.PORT}`;
const database =
  db.kind === "pglite" ? `embedded PGlite in ${resolveDataDir(env)}` : "PostgreSQL (DATABASE_URL)";
console.log(
  startMessage(firstStart, {
    url,
    database,
    demoPasswordIsDefault: env.DEMO_PASSWORD === "partnerhub-demo",
  }),
);
