import pg from "pg";

/**
 * Drops and creates the benchmark's own database on the local PostgreSQL (BENCH_ADMIN_URL, by
 * default postgres@localhost) and answers its URL. Refuses any other host: a benchmark run must
 * never drop a database it does not own.
 */
export async function recreateBenchDatabase(name: string): Promise<string> {
  const adminUrl =
    process.env.BENCH_ADMIN_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";
  const url = new URL(adminUrl);
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(url.hostname)) {
    throw new Error(
      `BENCH_ADMIN_URL must name a local PostgreSQL (got ${url.hostname}): this benchmark drops a database.`,
    );
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}
