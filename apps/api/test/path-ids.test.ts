import { beforeAll, describe, expect, it } from "vitest";
import { appRoutes, paramNames } from "./setup/routes.ts";
import { isScoped, SAMPLE_REQUESTS, sampleUrl, sendSample } from "./setup/sample-requests.ts";
import { testDatabaseKind } from "./setup/test-database.ts";
import { useTestApp } from "./setup/test-app.ts";
import { loadTenants } from "./setup/tenants.ts";

/**
 * Path ids are UUIDs (UuidParamSchema). One that is not answers exactly what a well-formed id
 * naming nothing answers — 404 not_found, the same title and detail — so an id's shape reveals
 * nothing, and it never reaches a `::uuid` cast (which answered 500). Every route with an id in
 * its path (from the app's own routes, see setup/routes.ts), each id in turn, the others naming
 * the caller's own data. Only `instance`, the request's path, differs.
 */
// Ids (`:…Id`) only: a one-time link's `:token` is not an id, and its malformed forms answer as
// an unknown token does (invitations.test.ts).
const idParams = (url: string) => paramNames(url).filter((p) => p.endsWith("Id"));
const ROUTES = (await appRoutes()).filter((r) => idParams(r.url).length > 0);
const UNKNOWN = "3f2d8c1e-5b7a-4e9d-8c6b-1a2b3c4d5e6f";

/** Ids as they appear in a URL: each is not a UUID once decoded. */
const NOT_UUIDS = [
  "not-a-uuid",
  "42",
  `${UNKNOWN}%00`, // a trailing NUL
  `%00${UNKNOWN}`,
  `${UNKNOWN}%2500`, // a literal "%00"
  `${UNKNOWN}%0A`,
  `${UNKNOWN}x`,
  `${UNKNOWN.slice(0, -1)}g`,
  `%7B${UNKNOWN}%7D`, // {…}, which PostgreSQL would read
  UNKNOWN.replace(/-/g, ""), // so would this
  encodeURIComponent("' OR 1=1 --"),
  "9".repeat(500),
];

const withoutInstance = (body: Record<string, unknown>) => {
  const { instance: _instance, ...rest } = body;
  return rest;
};

describe(`path ids that are not UUIDs answer as unknown ones on ${testDatabaseKind}`, () => {
  const ctx = useTestApp({ customers: 6, usersOfFirstTwo: 3, usersOfOthers: [1, 1] });
  let tenants: Awaited<ReturnType<typeof loadTenants>>;
  beforeAll(async () => {
    tenants = await loadTenants(ctx.database.db);
  });

  for (const route of ROUTES) {
    for (const param of idParams(route.url)) {
      it(`${route.key}, :${param}`, async () => {
        const send = (id: string) =>
          sendSample(
            ctx.app,
            ctx.sessions.partnerFull,
            route,
            sampleUrl(route, tenants.home, { [param]: id }),
          );
        const unknown = await send(UNKNOWN);
        expect(unknown.statusCode, unknown.body).toBe(404);
        const expected = withoutInstance(unknown.json());
        expect(expected).toMatchObject({ code: "not_found", status: 404 });
        for (const id of NOT_UUIDS) {
          const res = await send(id);
          expect(res.statusCode, `${id}: ${res.body.slice(0, 300)}`).toBe(404);
          expect(res.headers["content-type"]).toContain("application/problem+json");
          expect(withoutInstance(res.json()), id).toEqual(expected);
        }
      });
    }
  }

  it("an id in upper case names what it names in lower case, as in PostgreSQL", async () => {
    for (const route of ROUTES) {
      const sample = SAMPLE_REQUESTS[route.key];
      // A write that creates something answers differently each time; its status still must not.
      const url = sampleUrl(route, tenants.home);
      const lower = await sendSample(ctx.app, ctx.sessions.partnerFull, route, url);
      const upper = await sendSample(
        ctx.app,
        ctx.sessions.partnerFull,
        route,
        url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => id.toUpperCase()),
      );
      expect(upper.statusCode, `${route.key}: ${upper.body.slice(0, 300)}`).toBe(lower.statusCode);
      expect(lower.statusCode).toBeLessThan(500);
      if (route.method === "GET" && !(isScoped(sample) && sample.writes)) {
        const body = (r: typeof lower) =>
          r.headers["content-type"]?.toString().includes("json")
            ? withoutInstance(r.json())
            : r.body;
        expect(body(upper), route.key).toEqual(body(lower));
      }
    }
  });
});
