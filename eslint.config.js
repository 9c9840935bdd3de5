import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
