import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

// The real app as users get it: the API serving the built SPA, on its own port, with a fresh
// embedded database (so the demo seed is new each run) — never the developer's ./data.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = path.join(here, ".data");
const webDist = path.join(root, "apps/web/dist");
const isCI = Boolean(process.env.CI);

if (!process.env.PLAYWRIGHT_SKIP_WEBSERVER && !fs.existsSync(path.join(webDist, "index.html"))) {
  throw new Error(
    `No built web app in ${webDist}: run \`pnpm --filter @partner-hub/web build\` first.`,
  );
}

export default defineConfig({
  testDir: "tests",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: isCI
    ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]]
    : "list",
  use: {
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/Stockholm",
    screenshot: "only-on-failure",
    trace: "on-first-retry",
    browserName: "chromium",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser downloads are not available here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // `rm -rf` in the command, not in this file: workers load this config too, while the server runs.
    command: `rm -rf "${dataDir}" && "${path.join(root, "node_modules/.bin/tsx")}" apps/api/src/server.ts`,
    cwd: root,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      WEB_DIST_DIR: webDist,
      DEMO_PASSWORD: "partnerhub-demo",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
    },
  },
});
