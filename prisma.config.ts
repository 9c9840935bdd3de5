// Prisma 6.19 on its JS engine: the CLI never downloads a native engine (see DEVELOPERS.md).
// Migrations themselves are applied by the API (apps/api/src/db/migrate.ts); the CLI is used to
// generate the client and to diff the schema into new SQL migration files.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaPGlite(new PGlite());
  },
});
