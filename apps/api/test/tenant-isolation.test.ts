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
  payload?: () => unknown;
  /** The status a caller inside the scope gets (writes: a role that may write). */
  inside: number;
  writes?: boolean;
}

let unique = 0;
const ROUTES: RouteCase[] = [
  { name: "customer detail", method: "GET", url: (c) => `/api/v1/customers/${c}`, inside: 200 },
  { name: "locations", method: "GET", url: (c) => `/api/v1/customers/${c}/locations`, inside: 200 },
  { name: "users list", method: "GET", url: (c) => `/api/v1/customers/${c}/users`, inside: 200 },
  { name: "user detail", method: "GET", url: (c, u) => `/api/v1/customers/${c}/users/${u}`, inside: 200 },
  { name: "audit log", method: "GET", url: (c) => `/api/v1/customers/${c}/audit`, inside: 200 },
  {
    name: "manual add",
    method: "POST",
    url: (c) => `/api/v1/customers/${c}/users`,
    payload: () => ({
      users: [{ email: `matrix${++unique}@example.org`, firstName: "Matrix", lastName: "Test", package: "webex_meetings", preferredWebexSite: "x.webex.com" }],
    }),
    inside: 201,
    writes: true,
  },
  {
    name: "change package",
    method: "PUT",
    url: (c, u) => `/api/v1/customers/${c}/users/${u}/package`,
    // A version nobody has: inside the scope this reaches the version check (412).
    payload: () => ({ package: "webex_meetings", version: 999_999 }),
    inside: 412,
    writes: true,
  },
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
      it(`${route.method} ${route.name} as ${role}: ${route.inside} inside scope, 404 outside`, async () => {
        for (const target of TARGETS) {
          const { customer, user } = tenants[target];
          const c = client(ctx.app, ctx.sessions[role]);
          const url = route.url(customer, user);
          const res =
            route.method === "GET" ? await c.get(url) : await c.raw({ method: route.method, url, payload: route.payload!() as object });
          const canWrite = role !== "partnerReadonly";
          const expected = !VISIBLE[role].includes(target) ? 404 : route.writes && !canWrite ? 403 : route.inside;
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
      const res = await client(ctx.app).raw({
        method: route.method,
        url: route.url(tenants.home.customer, tenants.home.user),
        ...(route.payload ? { payload: route.payload() as object } : {}),
      });
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
