import { beforeAll, describe, expect, it } from "vitest";
import { CSV_HEADERS } from "@partner-hub/shared";
import { multipart } from "./setup/multipart.ts";
import { client, useTestApp, type AccountKey } from "./setup/test-app.ts";
import { loadTenants } from "./setup/tenants.ts";

/**
 * Every customer-scoped route × every role × customers inside and outside the caller's scope.
 * Outside answers 404 (spec §1: never reveal that a tenant exists). New routes join ROUTES.
 */
interface RouteCase {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: (customerId: string, userId: string) => string;
  payload?: () => unknown;
  headers?: Record<string, string>;
  /** The status a caller inside the scope gets (writes: a role that may write). */
  inside: number;
  /** Roles that get another status inside the scope (a customer admin and the partner's fields). */
  insideFor?: Partial<Record<AccountKey, number>>;
  writes?: boolean;
}

const NO_SUCH_IMPORT = "00000000-0000-4000-8000-000000000000";
const uploadBody = () =>
  multipart(
    { behaviour: "add_services_only" },
    {
      filename: "m.csv",
      content: `"${CSV_HEADERS[0]}",Webex Meetings\r\nmatrix.csv${++unique}@example.org,TRUE\r\n`,
    },
  );

let unique = 0;
const ROUTES: RouteCase[] = [
  { name: "customer detail", method: "GET", url: (c) => `/api/v1/customers/${c}`, inside: 200 },
  { name: "locations", method: "GET", url: (c) => `/api/v1/customers/${c}/locations`, inside: 200 },
  { name: "users list", method: "GET", url: (c) => `/api/v1/customers/${c}/users`, inside: 200 },
  {
    name: "user detail",
    method: "GET",
    url: (c, u) => `/api/v1/customers/${c}/users/${u}`,
    inside: 200,
  },
  { name: "audit log", method: "GET", url: (c) => `/api/v1/customers/${c}/audit`, inside: 200 },
  {
    name: "manual add",
    method: "POST",
    url: (c) => `/api/v1/customers/${c}/users`,
    payload: () => ({
      users: [
        {
          email: `matrix${++unique}@example.org`,
          firstName: "Matrix",
          lastName: "Test",
          package: "webex_meetings",
          preferredWebexSite: "x.webex.com",
        },
      ],
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
  {
    name: "export CSV",
    method: "GET",
    url: (c) => `/api/v1/customers/${c}/users.csv`,
    inside: 200,
  },
  {
    name: "imports list",
    method: "GET",
    url: (c) => `/api/v1/customers/${c}/imports`,
    inside: 200,
  },
  {
    name: "upload import",
    method: "POST",
    url: (c) => `/api/v1/customers/${c}/imports`,
    payload: () => uploadBody(),
    inside: 201,
    writes: true,
  },
  // Inside the scope these reach the import lookup ("import does not exist"); outside they stop at
  // the customer, with the same 404 a customer that does not exist gets.
  {
    name: "import detail",
    method: "GET",
    url: (c) => `/api/v1/customers/${c}/imports/${NO_SUCH_IMPORT}`,
    inside: 404,
  },
  {
    name: "import rows",
    method: "GET",
    url: (c) => `/api/v1/customers/${c}/imports/${NO_SUCH_IMPORT}/rows`,
    inside: 404,
  },
  {
    name: "import errors CSV",
    method: "GET",
    url: (c) => `/api/v1/customers/${c}/imports/${NO_SUCH_IMPORT}/errors.csv`,
    inside: 404,
  },
  {
    name: "apply import",
    method: "POST",
    url: (c) => `/api/v1/customers/${c}/imports/${NO_SUCH_IMPORT}/apply`,
    payload: () => ({}),
    inside: 404,
    writes: true,
  },
  {
    name: "customer settings",
    method: "PATCH",
    url: (c) => `/api/v1/customers/${c}`,
    // A version nobody has: inside the scope this reaches the version check (412).
    payload: () => ({ name: "Matrix AB", version: 999_999 }),
    inside: 412,
    writes: true,
  },
  {
    name: "quotas",
    method: "PUT",
    url: (c) => `/api/v1/customers/${c}/quotas`,
    payload: () => ({ quotas: [{ package: "webex_meetings", maxUsers: 5 }], version: 999_999 }),
    inside: 412,
    // Quotas are the partner's (spec §1).
    insideFor: { customerAdmin: 403, otherCustomerAdmin: 403 },
    writes: true,
  },
  {
    name: "add location",
    method: "POST",
    url: (c) => `/api/v1/customers/${c}/locations`,
    payload: () => ({
      name: `Matrix ${++unique}`,
      address: { street: "Gatan 1", city: "Ort", country: "SE" },
      timeZone: "Europe/Stockholm",
    }),
    inside: 201,
    writes: true,
  },
  {
    name: "location detail",
    method: "GET",
    url: (c) => `/api/v1/customers/${c}/locations/${NO_SUCH_IMPORT}`,
    inside: 404,
  },
  {
    name: "edit location",
    method: "PATCH",
    url: (c) => `/api/v1/customers/${c}/locations/${NO_SUCH_IMPORT}`,
    payload: () => ({ name: "Matrix", version: 1 }),
    inside: 404,
    writes: true,
  },
  {
    name: "delete location",
    method: "DELETE",
    url: (c) => `/api/v1/customers/${c}/locations/${NO_SUCH_IMPORT}`,
    inside: 404,
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

function send(c: ReturnType<typeof client>, route: RouteCase, url: string) {
  if (route.method === "GET") return c.get(url);
  const body = route.payload?.();
  if (body && typeof body === "object" && "payload" in body && "headers" in body) {
    const mp = body as ReturnType<typeof multipart>;
    return c.raw({ method: route.method, url, payload: mp.payload, headers: mp.headers });
  }
  return c.raw({ method: route.method, url, payload: body as object });
}

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
          const res = await send(c, route, url);
          const canWrite = role !== "partnerReadonly";
          const expected = !VISIBLE[role].includes(target)
            ? 404
            : route.writes && !canWrite
              ? 403
              : (route.insideFor?.[role] ?? route.inside);
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

  it("without a session every route answers 401", async () => {
    for (const route of ROUTES) {
      const res = await send(
        client(ctx.app),
        route,
        route.url(tenants.home.customer, tenants.home.user),
      );
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
