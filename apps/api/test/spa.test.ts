import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { createTestDatabase, type TestDatabase } from "./setup/test-database.ts";

describe("one process serves the SPA and the API", () => {
  let app: App;
  let database: TestDatabase;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "ph-dist-"));
  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Partner Hub</title>");
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "assets", "app.js"), "console.log(1)");
    database = await createTestDatabase();
    app = await buildApp({ db: database.db, webDistDir: dist, importWorker: false });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it("answers index.html for app routes so a reload works", async () => {
    for (const url of ["/", "/partner/customers?search=x", "/customers/abc/users"]) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
    }
    expect((await app.inject({ url: "/assets/app.js" })).body).toBe("console.log(1)");
  });

  it("keeps problem+json 404s for the API", async () => {
    const res = await app.inject({ url: "/api/v1/nope" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});
