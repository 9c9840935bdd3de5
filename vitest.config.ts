import { defineConfig } from "vitest/config";

// Two tiers, run separately by scripts/test.sh: pure logic (unit) and HTTP against a real
// database (integration; once on PGlite and once on PostgreSQL, chosen by TEST_DATABASE).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/**/src/**/*.test.ts",
            "apps/*/src/**/*.unit.test.ts",
            "apps/*/bench/**/*.unit.test.ts",
          ],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["apps/api/test/**/*.test.ts"],
          environment: "node",
          setupFiles: ["apps/api/test/setup/fail-on-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; two cores, so two workers.
          maxWorkers: 2,
        },
      },
    ],
  },
});
