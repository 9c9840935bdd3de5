import { beforeAll, describe, expect, it } from "vitest";
import { appRoutes } from "./setup/routes.ts";
import { isScoped, SAMPLE_REQUESTS, sampleUrl, sendSample } from "./setup/sample-requests.ts";
import { client, useTestApp, type AccountKey } from "./setup/test-app.ts";
import { loadTenants } from "./setup/tenants.ts";

/**
 * Every customer-scoped route × every role × customers inside and outside the caller's scope.
 * Outside answers 404 (spec §1: never reveal that a tenant exists), exactly as a customer that
 * does not exist.
 *
 * The routes are the ones the app registers (Fastify's onRoute, setup/routes.ts), not a list kept
 * here: a route under /api/v1 without a row in SAMPLE_REQUESTS (setup/sample-requests.ts) fails
 * "every route has a sample request", and a customer-scoped one (`:customerId` in its path) also
 * fails its own matrix tests. To add a route, add its row there: the sample request to send (body,
 * headers, ids of params other than :customerId/:userId/:locationId), the status a caller inside
 * the scope gets, and `writes` when the read-only role must get 403; or, for a route not scoped
 * to one customer, `unscoped` with the reason. That file's header has the details.
 */
const ROUTES = await appRoutes();
// Routes under one customer. (`/admins/:adminId/customers/:customerId` names a customer to
// assign, not one the caller works in: it is a partner-level route, tested in admins.test.ts.)
const CUSTOMER_ROUTES = ROUTES.filter((r) => r.url.startsWith("/api/v1/customers/:customerId"));

type Target = "home" | "sibling" | "unassigned" | "foreign";
/** Which seeded customers each role may see. */
const VISIBLE: Record<AccountKey, Target[]> = {
  partnerFull: ["home", "sibling", "unassigned"],
  partnerAdmin: ["home"],
  partnerReadonly: ["home", "sibling", "unassigned"],
  customerAdmin: ["home"],
  otherCustomerAdmin: ["sibling"],
  foreignPartner: ["foreign"],
};
const TARGETS: Target[] = ["home", "sibling", "unassigned", "foreign"];

describe("tenant isolation", () => {
  const ctx = useTestApp();
  let tenants: Awaited<ReturnType<typeof loadTenants>>;
  beforeAll(async () => {
    tenants = await loadTenants(ctx.database.db);
  });

  it("every route under /api/v1 has a sample request, and every sample a route", () => {
    const missing = ROUTES.filter((r) => !(r.key in SAMPLE_REQUESTS)).map((r) => r.key);
    expect(missing, "add a row for each to SAMPLE_REQUESTS (setup/sample-requests.ts)").toEqual([]);
    const customerScopedButUnscoped = CUSTOMER_ROUTES.filter(
      (r) => r.key in SAMPLE_REQUESTS && !isScoped(SAMPLE_REQUESTS[r.key]),
    ).map((r) => r.key);
    expect(
      customerScopedButUnscoped,
      "a route under /customers/:customerId is in the matrix",
    ).toEqual([]);
    const registered = new Set(ROUTES.map((r) => r.key));
    const stale = Object.keys(SAMPLE_REQUESTS).filter((k) => !registered.has(k));
    expect(stale, "rows for routes the app no longer registers").toEqual([]);
  });

  for (const route of CUSTOMER_ROUTES) {
    for (const role of Object.keys(VISIBLE) as AccountKey[]) {
      const sample = SAMPLE_REQUESTS[route.key];
      const inside = isScoped(sample) ? sample.inside : "?";
      it(`${route.key} as ${role}: ${inside} inside scope, 404 outside`, async () => {
        if (!isScoped(sample))
          throw new Error(`No sample request for ${route.key}: add one to SAMPLE_REQUESTS`);
        for (const target of TARGETS) {
          const res = await sendSample(
            ctx.app,
            ctx.sessions[role],
            route,
            sampleUrl(route, tenants[target]),
          );
          const canWrite = role !== "partnerReadonly";
          const expected = !VISIBLE[role].includes(target)
            ? 404
            : sample.writes && !canWrite
              ? 403
              : (sample.insideFor?.[role] ?? sample.inside);
          expect(res.statusCode, `${role} → ${target}: ${res.body.slice(0, 200)}`).toBe(expected);
          if (!VISIBLE[role].includes(target)) {
            expect(res.headers["content-type"]).toContain("application/problem+json");
            // The answer must not differ from a customer that does not exist at all.
            expect(res.json().detail).toBe("The customer does not exist.");
          }
        }
      });
    }
  }

  it("without a session every route but the public ones answers 401", async () => {
    for (const route of ROUTES) {
      const sample = SAMPLE_REQUESTS[route.key];
      if (sample && !isScoped(sample) && sample.public) continue;
      const res = await sendSample(ctx.app, undefined, route, sampleUrl(route, tenants.home));
      expect(res.statusCode, route.key).toBe(401);
    }
  });

  it("a user id of another customer is 404 even under a visible customer", async () => {
    const res = await client(ctx.app, ctx.sessions.partnerFull).get(
      `/api/v1/customers/${tenants.home.customer}/users/${tenants.sibling.user}`,
    );
    expect(res.statusCode).toBe(404);
  });

  it("the customers list shows each role exactly its own customers", async () => {
    const ids = async (role: AccountKey) => {
      const res = await client(ctx.app, ctx.sessions[role]).get("/api/v1/customers?max=100");
      expect(res.statusCode).toBe(200);
      return (res.json().items as { id: string }[]).map((c) => c.id).sort();
    };
    expect(await ids("partnerFull")).toEqual([...tenants.allOwnCustomerIds].sort());
    expect(await ids("partnerReadonly")).toEqual([...tenants.allOwnCustomerIds].sort());
    expect(await ids("partnerAdmin")).toEqual([...tenants.assignedCustomerIds].sort());
    expect(await ids("customerAdmin")).toEqual([tenants.home.customer]);
    expect(await ids("foreignPartner")).not.toContain(tenants.home.customer);
  });
});
