import type { Database } from "./connect.ts";
import { DEMO_PARTNER, seedDemoIfEmpty, type DemoSize } from "./seed-demo.ts";

export interface FirstStart {
  /** The demo data set was seeded just now. */
  seeded: boolean;
  /** The demo sign-ins exist and may be printed. */
  demo: boolean;
  /** No administrator exists: someone must run `pnpm admin:create`. */
  needsFirstAdmin: boolean;
}

/**
 * What a start does to the database before serving (spec §10): the demo is seeded into an empty
 * database only when it is the embedded one, or when SEED_DEMO=true says so. A PostgreSQL
 * database never gets demo accounts or a published password by default.
 */
export async function prepareFirstStart(
  db: Database,
  options: { seedDemo: boolean; demoPassword: string; demoSize?: DemoSize },
): Promise<FirstStart> {
  const demoAllowed = db.kind === "pglite" || options.seedDemo;
  const seeded = demoAllowed
    ? await seedDemoIfEmpty(db, options.demoPassword, options.demoSize)
    : false;
  const demo =
    demoAllowed && (await db.prisma.partner.count({ where: { name: DEMO_PARTNER } })) > 0;
  const needsFirstAdmin = (await db.prisma.admin.count()) === 0;
  return { seeded, demo, needsFirstAdmin };
}

/** What the start prints once the server listens. */
export function startMessage(
  start: FirstStart,
  {
    url,
    database,
    demoPasswordIsDefault,
  }: { url: string; database: string; demoPasswordIsDefault: boolean },
): string {
  const lines = [
    `Partner Hub is running at ${url}   (API docs: ${url}/api/docs)`,
    `Database: ${database}${start.seeded ? " — seeded with demo data" : ""}`,
    "",
  ];
  if (start.demo)
    lines.push(
      `Demo sign-ins (password: ${demoPasswordIsDefault ? "partnerhub-demo" : "from DEMO_PASSWORD"}):`,
      "  full.admin@partner.example     Partner full administrator",
      "  admin@partner.example          Partner administrator (assigned customers only)",
      "  readonly@partner.example       Partner read-only administrator",
      "  admin@customer.example         Customer full administrator (Fjällbacka Fastigheter AB)",
      "  admin@norrsken.example         Customer full administrator (Norrsken Energi AB)",
      "",
    );
  if (start.needsFirstAdmin)
    lines.push(
      "The database has no administrator yet. Create the first one (it prints a one-time link",
      "that lets them choose their password), with the same DATABASE_URL set:",
      "",
      '  pnpm admin:create --partner "<partner name>" --email <email>',
      "",
    );
  return `\n${lines.join("\n")}`;
}
