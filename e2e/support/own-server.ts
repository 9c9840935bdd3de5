import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

/**
 * A Partner Hub of the spec's own on an empty embedded database, for journeys that begin before
 * anyone exists (the first administrator). `prepare` runs commands on the database before the
 * server opens it: the embedded database belongs to one process at a time.
 */
export function ownServer(port: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ph-e2e-own-"));
  const baseURL = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    PUBLIC_URL: baseURL,
    SMTP_URL: "",
    WEB_DIST_DIR: path.join(root, "apps/web/dist"),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  };
  let server: ChildProcess | null = null;
  return {
    baseURL,
    /** `pnpm admin:create …` against this server's database; resolves with what it printed. */
    adminCreate(args: string[]): Promise<string> {
      return new Promise((resolve, reject) =>
        execFile(
          tsx,
          [path.join(root, "apps/api/scripts/admin-create.ts"), ...args],
          { cwd: root, env },
          (error, stdout, stderr) =>
            error ? reject(new Error(stderr || error.message)) : resolve(stdout),
        ),
      );
    },
    async start(): Promise<void> {
      server = spawn(tsx, [path.join(root, "apps/api/src/server.ts")], {
        cwd: root,
        env,
        stdio: "ignore",
      });
      for (let i = 0; i < 120; i++) {
        try {
          if ((await fetch(`${baseURL}/`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`The server on ${baseURL} did not start`);
    },
    async stop(): Promise<void> {
      if (server && server.exitCode === null) {
        const exited = new Promise((r) => server!.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
