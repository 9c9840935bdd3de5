import { beforeAll, describe, expect, it } from "vitest";
import { client, useTestApp, type AccountKey } from "./setup/test-app.ts";
import { loadTenants } from "./setup/tenants.ts";

/**
 * Every customer-scoped route × every role × customers inside and outside the caller's scope.
 * Outside answers 404 (spec §1: never reveal that a tenant exists). New routes join ROUTES.
 */
interface RouteCase {
  name: string;
  method: "GET" | "POST" | "PUT";
  url: (customerId: string, userId: string) => string;
  payload?: unknown;
}

const ROUTES: RouteCase[] = [
  { name: "customer detail", method: "GET", url: (c) => `/api/v1/customers/${c}` },
  { name: "locations", method: "GET", url: (c) => `/api/v1/customers/${c}/locations` },
  { name: "users list", method: "GET", url: (c) => `/api/v1/customers/${c}/users` },
  { name: "user detail", method: "GET", url: (c, u) => `/api/v1/customers/${c}/users/${u}` },
];

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

  for (const route of ROUTES) {
    for (const role of Object.keys(VISIBLE) as AccountKey[]) {
      it(`${route.method} ${route.name} as ${role}: 200 inside scope, 404 outside`, async () => {
        for (const target of TARGETS) {
          const { customer, user } = tenants[target];
          const c = client(ctx.app, ctx.sessions[role]);
          const url = route.url(customer, user);
          const res = route.method === "GET" ? await c.get(url) : await c.raw({ method: route.method, url, payload: route.payload as object });
          const expected = VISIBLE[role].includes(target) ? 200 : 404;
          expect(res.statusCode, `${role} → ${target}: ${res.body.slice(0, 200)}`).toBe(expected);
          if (expected === 404) {
            expect(res.headers["content-type"]).toContain("application/problem+json");
            // The answer must not differ from a customer that does not exist at all.
            expect(res.json().detail).toMatch(/does not exist/);
          }
        }
      });
    }
  }

  it("without a session every route answers 401", async () => {
    for (const route of ROUTES) {
      const res = await client(ctx.app).get(route.url(tenants.home.customer, tenants.home.user));
      expect(res.statusCode).toBe(401);
    }
    expect((await client(ctx.app).get("/api/v1/customers")).statusCode).toBe(401);
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
