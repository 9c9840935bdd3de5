import { beforeAll, describe, expect, it } from "vitest";
import { CSV_HEADERS } from "@partner-hub/shared";
import { multipart } from "./setup/multipart.ts";
import { ACCOUNTS, client, useTestApp, type AccountKey } from "./setup/test-app.ts";
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
  writes?: boolean;
}

const NO_SUCH_IMPORT = "00000000-0000-4000-8000-000000000000";
const NO_SUCH_ADMIN = "00000000-0000-4000-8000-000000000001";
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
  // Control Hub → Administrators (spec §12). Inside the scope the administrator lookups reach
  // "administrator does not exist"; outside they stop at the customer.
  {
    name: "customer admins",
    method: "GET",
    url: (c) => `/api/v1/customers/${c}/admins`,
    inside: 200,
  },
  {
    name: "invite customer admin",
    method: "POST",
    url: (c) => `/api/v1/customers/${c}/admins`,
    payload: () => ({ email: `matrix.admin${++unique}@example.org`, name: "Matrix Admin" }),
    inside: 201,
    writes: true,
  },
  {
    name: "customer admin detail",
    method: "GET",
    url: (c) => `/api/v1/customers/${c}/admins/${NO_SUCH_ADMIN}`,
    inside: 404,
  },
  {
    name: "disable customer admin",
    method: "PATCH",
    url: (c) => `/api/v1/customers/${c}/admins/${NO_SUCH_ADMIN}`,
    payload: () => ({ status: "disabled" }),
    inside: 404,
    writes: true,
  },
  {
    name: "remove customer admin",
    method: "DELETE",
    url: (c) => `/api/v1/customers/${c}/admins/${NO_SUCH_ADMIN}`,
    inside: 404,
    writes: true,
  },
  {
    name: "resend customer admin invitation",
    method: "POST",
    url: (c) => `/api/v1/customers/${c}/admins/${NO_SUCH_ADMIN}/invitation`,
    inside: 404,
    writes: true,
  },
];

/**
 * The partner-level routes (Partner Hub → Administrators, the partner audit log) × every role,
 * aimed at the home partner's administrators: the partner's full administrators manage them,
 * read-only ones look (writes 403), a partner administrator is refused (403), and a customer
 * admin or another partner's administrator gets 404 (another tenant's data).
 */
interface PartnerRouteCase {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: (ids: {
    fullAdmin: string;
    partnerAdmin: string;
    home: string;
    unassigned: string;
  }) => string;
  payload?: () => unknown;
  /** What the home partner's full administrator gets. */
  inside: number;
  writes?: boolean;
  /** A partner-wide collection (no administrator in the URL). */
  collection?: boolean;
  /** Whether a partner administrator may use it (the audit log: their customers' events). */
  partnerAdmin?: number;
}
const PARTNER_ROUTES: PartnerRouteCase[] = [
  {
    name: "administrators",
    method: "GET",
    url: () => "/api/v1/admins",
    inside: 200,
    collection: true,
  },
  {
    name: "invite administrator",
    method: "POST",
    url: () => "/api/v1/admins",
    payload: () => ({
      email: `matrix.partner${++unique}@example.org`,
      name: "Matrix Partner",
      role: "partner_readonly_admin",
    }),
    inside: 201,
    writes: true,
    collection: true,
  },
  {
    name: "administrator",
    method: "GET",
    url: (i) => `/api/v1/admins/${i.partnerAdmin}`,
    inside: 200,
  },
  {
    name: "change administrator",
    method: "PATCH",
    url: (i) => `/api/v1/admins/${i.partnerAdmin}`,
    payload: () => ({}),
    inside: 200,
    writes: true,
  },
  {
    // Aimed at the caller's own account: inside, the full administrator is refused (409).
    name: "remove administrator",
    method: "DELETE",
    url: (i) => `/api/v1/admins/${i.fullAdmin}`,
    inside: 409,
    writes: true,
  },
  {
    name: "resend invitation",
    method: "POST",
    url: (i) => `/api/v1/admins/${i.partnerAdmin}/invitation`,
    inside: 409,
    writes: true,
  },
  {
    name: "administrator's customers",
    method: "GET",
    url: (i) => `/api/v1/admins/${i.partnerAdmin}/customers`,
    inside: 200,
  },
  {
    // Already assigned: idempotent, the matrix's scopes stay as they are.
    name: "assign customer",
    method: "PUT",
    url: (i) => `/api/v1/admins/${i.partnerAdmin}/customers/${i.home}`,
    inside: 204,
    writes: true,
  },
  {
    name: "unassign customer",
    method: "DELETE",
    url: (i) => `/api/v1/admins/${i.partnerAdmin}/customers/${i.unassigned}`,
    inside: 204,
    writes: true,
  },
  {
    name: "partner audit log",
    method: "GET",
    url: () => "/api/v1/audit",
    inside: 200,
    partnerAdmin: 200,
    collection: true,
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
              : route.inside;
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

  for (const route of PARTNER_ROUTES) {
    for (const role of Object.keys(VISIBLE) as AccountKey[]) {
      const expected = {
        partnerFull: route.inside,
        partnerReadonly: route.writes ? 403 : route.inside,
        partnerAdmin: route.partnerAdmin ?? 403,
        customerAdmin: 404,
        otherCustomerAdmin: 404,
        // A collection route answers another partner with its own (checked below for GETs).
        foreignPartner: route.collection ? route.inside : 404,
      }[role];
      it(`${route.method} ${route.name} as ${role}: ${expected}`, async () => {
        const ids = {
          fullAdmin: ctx.sessions.partnerFull.me.id,
          partnerAdmin: ctx.sessions.partnerAdmin.me.id,
          home: tenants.home.customer,
          unassigned: tenants.unassigned.customer,
        };
        const res = await send(
          client(ctx.app, ctx.sessions[role]),
          route as unknown as RouteCase,
          route.url(ids),
        );
        expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBe(expected);
        if (expected >= 400)
          expect(res.headers["content-type"]).toContain("application/problem+json");
        if (role === "foreignPartner" && res.statusCode === 200) {
          // Its own lists, never the home partner's administrators or events.
          const body = JSON.stringify(res.json());
          expect(body).not.toContain(ids.partnerAdmin);
          expect(body).not.toContain(ACCOUNTS.partnerFull);
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
    const ids = {
      fullAdmin: tenants.home.customer,
      partnerAdmin: tenants.home.customer,
      home: tenants.home.customer,
      unassigned: tenants.unassigned.customer,
    };
    for (const route of PARTNER_ROUTES) {
      const res = await send(client(ctx.app), route as unknown as RouteCase, route.url(ids));
      expect(res.statusCode, route.name).toBe(401);
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
