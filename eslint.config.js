import fs from "node:fs";
import path from "node:path";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { createNodeResolver, importX } from "eslint-plugin-import-x";

// The SPA's features, each a zone of its own below.
const webFeatures = fs
  .readdirSync(path.join(import.meta.dirname, "apps/web/src/features"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "apps/api/src/generated/**",
      "data/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "bench/results/**",
      "**/scratch/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // A type-only import says so, and leaves no import behind in the JavaScript.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "inline-type-imports" },
      ],
    },
  },
  {
    // Boundaries (bulletproof-react), checked on resolved files, whatever the import's spelling:
    // - apps/web and apps/api never import each other; packages/shared imports neither
    //   (it is the one source of shapes both read);
    // - in the SPA, code flows one way: shared layers (components/, hooks/, lib/, config/) →
    //   features/ → app/. A shared layer never imports a feature or app/, a feature never
    //   imports app/;
    // - a feature never imports another feature: not its api/, components/ or hooks/, nor
    //   anything else in it. Pages in app/ compose features; what two features need goes to
    //   components/ (UI), hooks/ or lib/ (logic, API links).
    files: ["apps/**/*.{ts,tsx}", "packages/**/*.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver()] },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: "./apps/web",
              from: "./apps/api",
              message: "The SPA talks to the API over HTTP; shapes come from packages/shared.",
            },
            {
              target: "./apps/api",
              from: "./apps/web",
              message: "The API does not import the SPA; shapes come from packages/shared.",
            },
            {
              target: "./packages/shared",
              from: ["./apps"],
              message: "packages/shared is imported by the apps, never the other way round.",
            },
            {
              target: [
                "./apps/web/src/components",
                "./apps/web/src/hooks",
                "./apps/web/src/lib",
                "./apps/web/src/config",
              ],
              from: ["./apps/web/src/features", "./apps/web/src/app"],
              message: "Shared layers do not depend on features or pages: move the code.",
            },
            {
              target: "./apps/web/src/features",
              from: "./apps/web/src/app",
              message: "Features do not import pages or layouts; app/ composes features.",
            },
            ...webFeatures.map((feature) => ({
              target: `./apps/web/src/features/${feature}`,
              from: "./apps/web/src/features",
              except: [`./${feature}`],
              message:
                "A feature does not import another feature: compose them in app/, or move what " +
                "both need to components/, hooks/ or lib/.",
            })),
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules where a mistake is a real bug: a promise nobody awaits, an await on
    // something that is not a promise, an assertion that hides nothing.
    files: [
      "apps/*/src/**/*.{ts,tsx}",
      "apps/api/test/**/*.ts",
      "apps/api/bench/**/*.ts",
      "apps/api/scripts/**/*.ts",
      "packages/*/src/**/*.ts",
      "e2e/tests/**/*.ts",
      "e2e/support/**/*.ts",
    ],
    ignores: ["apps/api/src/generated/**"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // process.env is read in one place per app (create-t3-turbo habit).
    files: ["apps/api/src/**/*.ts"],
    ignores: ["apps/api/src/config/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration from src/config/env.ts",
        },
      ],
    },
  },
);
