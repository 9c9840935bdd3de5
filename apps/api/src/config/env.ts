import path from "node:path";
import { z } from "zod";

/** The only reader of process.env (spec §10 names these variables). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().default("./data"),
  DEMO_PASSWORD: z.string().min(8).default("partnerhub-demo"),
  /** "true" seeds the demo data set into an empty PostgreSQL database too (never by default). */
  SEED_DEMO: z.enum(["true", "false"]).default("false"),
  /**
   * The address people reach the app at, e.g. https://hub.example.com: invitation and reset links
   * start with it. Unset: the origin of the request that issued the link.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .transform((u) => u.replace(/\/+$/, ""))
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** smtp://user:pass@host:587 or smtps://…: invitations and reset links are e-mailed. */
  SMTP_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The From of those e-mails. */
  MAIL_FROM: z.string().default("Partner Hub <no-reply@partner-hub.invalid>"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where the built SPA lives; the API serves it so one process gives one URL. */
  WEB_DIST_DIR: z.string().optional(),
  /** Set to "false" to start the API without the background import worker. */
  IMPORT_WORKER: z.enum(["true", "false"]).default("true"),
  /** "true" behind HTTPS: the session cookie gets the Secure flag. */
  SECURE_COOKIES: z.enum(["true", "false"]).default("false"),
  /** "true" behind a proxy or load balancer: the client address comes from X-Forwarded-For. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** A session ends after this many minutes without a request… */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  /** …and this many hours after sign-in, however busy. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function resolveDataDir(env: Env): string {
  return path.resolve(env.DATA_DIR);
}
