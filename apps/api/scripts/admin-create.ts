/**
 * `pnpm admin:create --partner "<partner name>" --email <email> [--name <name>] [--language sv]`
 * Creates a partner and its first partner full administrator on the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR), migrating it first if needed, and prints the
 * one-time invitation link that lets them choose their password.
 */
import { parseArgs } from "node:util";
import { readEnv, resolveDataDir } from "../src/config/env.ts";
import { connectDatabase } from "../src/db/connect.ts";
import { migrate } from "../src/db/migrate.ts";
import {
  createFirstAdmin,
  FirstAdminRefused,
} from "../src/modules/invitations/create-first-admin.ts";
import { sendLinkMail } from "../src/modules/invitations/send-link-mail.ts";
import { createMailer } from "../src/mail/mailer.ts";

const USAGE = `Usage: pnpm admin:create --partner "<partner name>" --email <email> [--name "<full name>"] [--language en|sv]`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      partner: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      language: { type: "string", default: "en" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.partner || !args.email) fail(USAGE);
if (args.language !== "en" && args.language !== "sv") fail(`--language is en or sv.\n${USAGE}`);

const env = readEnv();
const db = connectDatabase(
  env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, poolSize: 2 }
    : { kind: "pglite", dataDir: resolveDataDir(env) },
);
try {
  await migrate(db.raw);
  const created = await createFirstAdmin(db.prisma, {
    partnerName: args.partner,
    email: args.email,
    name: args.name,
    language: args.language,
    baseUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  });
  const email = args.email.trim().toLowerCase();
  let mailed = "";
  if (env.SMTP_URL) {
    const mailer = createMailer(env.SMTP_URL, env.MAIL_FROM);
    try {
      await sendLinkMail(
        mailer,
        { email, language: args.language, partner: { name: args.partner.trim() }, customer: null },
        { purpose: "invitation", ...created.invitation },
      );
      mailed = `It was e-mailed to ${email}. `;
    } catch (error) {
      mailed = `It could not be e-mailed (${(error as Error).message}). `;
    } finally {
      mailer.close();
    }
  }
  console.log(`${created.partnerCreated ? "Created partner" : "Using partner"} "${args.partner.trim()}" and its partner full administrator ${email}.

${mailed}Send them this one-time invitation link; it lets them choose a password and sign in.
It works once and expires on ${created.invitation.expiresAt.toISOString()}:

  ${created.invitation.url}
`);
} catch (error) {
  if (error instanceof FirstAdminRefused) {
    await db.close();
    fail(error.message);
  }
  throw error;
} finally {
  await db.close().catch(() => undefined);
}
