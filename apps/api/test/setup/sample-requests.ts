import { CSV_HEADERS } from "@partner-hub/shared";
import type { App } from "../../src/app.ts";
import { multipart } from "./multipart.ts";
import type { RegisteredRoute } from "./routes.ts";
import { client, type AccountKey, type Session } from "./test-app.ts";

/**
 * One sample request for every route under /api/v1, keyed "METHOD /api/v1/path/:param" exactly
 * as the route is registered. The route tests do not keep their own lists of routes: they take
 * the routes the app registers (useTestApp's `routes`, from Fastify's onRoute) and look each up
 * here, so a route without a row fails them (tenant-isolation.test.ts names the missing keys):
 *
 * - tenant-isolation.test.ts sends each customer-scoped route's sample (a path with
 *   `:customerId`) as every role to customers inside and outside its scope;
 * - path-ids.test.ts sends each route whose path has ids with ids that are not UUIDs;
 * - session-proof.test.ts revokes a session between two requests of each list route.
 *
 * Adding a route? Add its row:
 * - `:customerId`, `:userId` and `:locationId` are filled with the target tenant's own customer,
 *   one of its users and one of its locations; any other `:…Id` takes `params` of the row, or
 *   else a well-formed id that names nothing (NO_SUCH_ID);
 * - `inside` is the status a caller who may see the customer gets (for `writes`, a role that
 *   may write; the read-only role must get 403);
 * - the sample must leave the seeded tenants as they were for the next role: stop a destructive
 *   route just short (a stale If-Match → 412, a blocking rule → 409), and make created data
 *   unique per call (`payload` is called for every request);
 * - a route not scoped to one customer (sign-in, the catalogue, a partner-wide list) says so in
 *   `unscoped` with the reason; it is still checked for 401 without a session unless `public`.
 */
export interface SampleRequest {
  /** JSON body, or a multipart body from multipart(); called anew for each request. */
  payload?: () => unknown;
  headers?: Record<string, string>;
  /** Ids for params other than :customerId, :userId and :locationId. */
  params?: Record<string, string>;
  /** The status inside the caller's scope (for writes, as a role that may write). */
  inside: number;
  /** Roles that get another status inside the scope (quotas are the partner's: 403). */
  insideFor?: Partial<Record<AccountKey, number>>;
  writes?: boolean;
}

export interface UnscopedRoute {
  /** Why this route has no customer in its path, and where its scoping is tested instead. */
  unscoped: string;
  /** Answers without a session. */
  public?: boolean;
  /** A valid body, so the 401 check is not answered by body validation first. */
  payload?: () => unknown;
}

/** A well-formed id that names nothing. */
export const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

let unique = 0;
const uploadBody = () =>
  multipart(
    { behaviour: "add_services_only" },
    {
      filename: "m.csv",
      content: `"${CSV_HEADERS[0]}",Webex Meetings\r\nmatrix.csv${++unique}@example.org,TRUE\r\n`,
    },
  );

export const SAMPLE_REQUESTS: Record<string, SampleRequest | UnscopedRoute> = {
  "POST /api/v1/auth/login": { unscoped: "signs in; auth.test.ts", public: true },
  "POST /api/v1/auth/password": {
    unscoped: "changes the caller's own password; invitations.test.ts",
    payload: () => ({ currentPassword: "x", newPassword: "y" }),
  },
  "POST /api/v1/auth/password-reset": {
    unscoped: "asks for a reset link by email, same answer for every email; invitations.test.ts",
    public: true,
  },
  "GET /api/v1/auth/options": { unscoped: "what the sign-in pages offer", public: true },
  "GET /api/v1/invitations/:token": {
    unscoped: "a one-time link; invitations.test.ts",
    public: true,
  },
  "POST /api/v1/invitations/:token/accept": {
    unscoped: "a one-time link; invitations.test.ts",
    public: true,
  },
  "GET /api/v1/password-resets/:token": {
    unscoped: "a one-time link; invitations.test.ts",
    public: true,
  },
  "POST /api/v1/password-resets/:token/accept": {
    unscoped: "a one-time link; invitations.test.ts",
    public: true,
  },
  "POST /api/v1/auth/logout": { unscoped: "ends the caller's own session; auth.test.ts" },
  "GET /api/v1/auth/me": { unscoped: "the caller's own identity; auth.test.ts" },
  "GET /api/v1/packages": {
    unscoped: "the package catalogue, the same for everyone",
    public: true,
  },
  "GET /api/v1/csv-template": {
    unscoped:
      "the CSV template, the same for everyone; ?customerId= (scoped, 404 outside) in everyday.test.ts",
    public: true,
  },
  "GET /api/v1/customers": {
    unscoped: "lists the caller's customers; tenant-isolation.test.ts checks each role's list",
  },
  "POST /api/v1/customers": {
    unscoped: "creates one of the partner's customers; create-customer.test.ts, every role",
    payload: () => ({
      name: `Matrix Kund ${++unique}`,
      externalId: `MATRIX-${unique}`,
      adminEmail: `matrix.customer${unique}@example.org`,
      language: "en",
      address: { street: "Storgatan 1", city: "Umeå", postalCode: "903 26", country: "SE" },
      quotas: [{ package: "webex_meetings", maxUsers: 10 }],
    }),
  },

  // Partner Hub → Administrators and the partner audit log: the partner's own administrators and
  // events, not one customer's. admins.test.ts sends each as every role to the home partner's
  // administrators ("partner-level routes × every role"): another partner's administrators and
  // customer admins get 404, a partner administrator 403, the read-only role looks but not writes.
  "GET /api/v1/admins": { unscoped: "the partner's administrators; admins.test.ts" },
  "POST /api/v1/admins": {
    unscoped: "invites one of the partner's administrators; admins.test.ts",
    payload: () => ({
      email: `matrix.partner${++unique}@example.org`,
      name: "Matrix Partner",
      role: "partner_readonly_admin",
    }),
  },
  "GET /api/v1/admins/:adminId": {
    unscoped: "one of the partner's administrators; admins.test.ts",
  },
  "PATCH /api/v1/admins/:adminId": {
    unscoped: "changes one of the partner's administrators; admins.test.ts",
    payload: () => ({}),
  },
  "DELETE /api/v1/admins/:adminId": {
    unscoped: "removes one of the partner's administrators; admins.test.ts",
  },
  "POST /api/v1/admins/:adminId/invitation": {
    unscoped: "a new invitation link for one of the partner's administrators; admins.test.ts",
  },
  "GET /api/v1/admins/:adminId/customers": {
    unscoped: "the customers a partner administrator manages; admins.test.ts",
  },
  // The customer here is what is assigned, not a scope the caller works in: only the partner's
  // full administrators manage assignments, and a customer of another partner answers 404.
  "PUT /api/v1/admins/:adminId/customers/:customerId": {
    unscoped: "assigns a customer to one of the partner's administrators; admins.test.ts",
  },
  "DELETE /api/v1/admins/:adminId/customers/:customerId": {
    unscoped: "unassigns a customer from one of the partner's administrators; admins.test.ts",
  },
  "GET /api/v1/audit": {
    unscoped: "the partner-level audit log, per role; admins.test.ts",
  },
  "GET /api/v1/audit.csv": {
    unscoped: "the partner-level audit log as CSV, scoped as the list; everyday.test.ts",
  },

  "GET /api/v1/customers/:customerId": { inside: 200 },
  "GET /api/v1/customers/:customerId/locations": { inside: 200 },
  "GET /api/v1/customers/:customerId/users": { inside: 200 },
  "GET /api/v1/customers/:customerId/users/:userId": { inside: 200 },
  "GET /api/v1/customers/:customerId/audit": { inside: 200 },
  "GET /api/v1/customers/:customerId/audit.csv": { inside: 200 },
  "POST /api/v1/customers/:customerId/users": {
    payload: () => ({
      users: [
        {
          email: `matrix${++unique}@example.org`,
          firstName: "Matrix",
          lastName: "Test",
          // No Preferred Webex Site: each tenant has its own sites (a warning, not an error).
          package: "webex_meetings",
        },
      ],
    }),
    inside: 201,
    writes: true,
  },
  "POST /api/v1/customers/:customerId/users/validate": {
    payload: () => ({
      users: [
        {
          email: `matrix${++unique}@example.org`,
          firstName: "M",
          lastName: "T",
          package: "webex_meetings",
        },
      ],
    }),
    inside: 200,
    writes: true,
  },
  "PUT /api/v1/customers/:customerId/users/:userId/package": {
    // A version nobody has: inside the scope this reaches the version check (412).
    payload: () => ({ package: "webex_meetings", version: 999_999 }),
    inside: 412,
    writes: true,
  },
  "PATCH /api/v1/customers/:customerId/users/:userId": {
    payload: () => ({ firstName: "Matrix", version: 999_999 }),
    inside: 412,
    writes: true,
  },
  "DELETE /api/v1/customers/:customerId/users/:userId": {
    headers: { "if-match": '"999999"' },
    inside: 412,
    writes: true,
  },
  "POST /api/v1/customers/:customerId/users/bulk": {
    // A user nobody has: inside the scope this reaches the selection check (409, nothing removed).
    payload: () => ({ action: "remove", userIds: [NO_SUCH_ID] }),
    inside: 409,
    writes: true,
  },
  "GET /api/v1/customers/:customerId/users.csv": { inside: 200 },
  "GET /api/v1/customers/:customerId/imports": { inside: 200 },
  "POST /api/v1/customers/:customerId/imports": {
    payload: uploadBody,
    inside: 201,
    writes: true,
  },
  // Inside the scope these reach the import lookup ("import does not exist"); outside they stop at
  // the customer, with the same 404 a customer that does not exist gets.
  "GET /api/v1/customers/:customerId/imports/:importId": { inside: 404 },
  "GET /api/v1/customers/:customerId/imports/:importId/rows": { inside: 404 },
  "GET /api/v1/customers/:customerId/imports/:importId/errors.csv": { inside: 404 },
  "POST /api/v1/customers/:customerId/imports/:importId/apply": {
    payload: () => ({}),
    inside: 404,
    writes: true,
  },
  "DELETE /api/v1/customers/:customerId/imports/:importId": { inside: 404, writes: true },
  // Customer settings, quotas and locations (spec §11). A version nobody has: inside the scope
  // these reach the version check (412) and change nothing.
  "PATCH /api/v1/customers/:customerId": {
    payload: () => ({ name: "Matrix AB", version: 999_999 }),
    inside: 412,
    writes: true,
  },
  // Deleting is the partner full administrators' only (spec §1): the others who see the customer
  // get 403. A stale If-Match stops the full administrator short of deleting (412).
  "DELETE /api/v1/customers/:customerId": {
    headers: { "if-match": '"999999"' },
    inside: 412,
    insideFor: { partnerAdmin: 403, customerAdmin: 403, otherCustomerAdmin: 403 },
    writes: true,
  },
  "PUT /api/v1/customers/:customerId/quotas": {
    payload: () => ({ quotas: [{ package: "webex_meetings", maxUsers: 5 }], version: 999_999 }),
    inside: 412,
    // Quotas are the partner's (spec §1).
    insideFor: { customerAdmin: 403, otherCustomerAdmin: 403 },
    writes: true,
  },
  "POST /api/v1/customers/:customerId/locations": {
    payload: () => ({
      name: `Matrix ${++unique}`,
      address: { street: "Gatan 1", city: "Ort", country: "SE" },
      timeZone: "Europe/Stockholm",
    }),
    inside: 201,
    writes: true,
  },
  "GET /api/v1/customers/:customerId/locations/:locationId": { inside: 200 },
  "GET /api/v1/customers/:customerId/locations/:locationId/next-extension": { inside: 200 },
  "PATCH /api/v1/customers/:customerId/locations/:locationId": {
    payload: () => ({ name: "Matrix", version: 999_999 }),
    inside: 412,
    writes: true,
  },
  "DELETE /api/v1/customers/:customerId/locations/:locationId": {
    headers: { "if-match": '"999999"' },
    inside: 412,
    writes: true,
  },
  // Control Hub → Administrators (spec §12). Inside the scope the administrator lookups reach
  // "administrator does not exist"; outside they stop at the customer.
  "GET /api/v1/customers/:customerId/admins": { inside: 200 },
  "POST /api/v1/customers/:customerId/admins": {
    payload: () => ({ email: `matrix.admin${++unique}@example.org`, name: "Matrix Admin" }),
    inside: 201,
    writes: true,
  },
  "GET /api/v1/customers/:customerId/admins/:adminId": { inside: 404 },
  "PATCH /api/v1/customers/:customerId/admins/:adminId": {
    payload: () => ({ status: "disabled" }),
    inside: 404,
    writes: true,
  },
  "DELETE /api/v1/customers/:customerId/admins/:adminId": { inside: 404, writes: true },
  "POST /api/v1/customers/:customerId/admins/:adminId/invitation": {
    inside: 404,
    writes: true,
  },
};

export const isScoped = (s: SampleRequest | UnscopedRoute | undefined): s is SampleRequest =>
  s !== undefined && !("unscoped" in s);

export interface TenantIds {
  customer: string;
  user: string;
  location: string;
}

/** The route's URL with its params filled (see the header); `override` wins over everything. */
export function sampleUrl(
  route: RegisteredRoute,
  tenant: TenantIds,
  override: Record<string, string> = {},
): string {
  const sample = SAMPLE_REQUESTS[route.key];
  const own: Record<string, string> = {
    customerId: tenant.customer,
    userId: tenant.user,
    locationId: tenant.location,
  };
  const fixed = isScoped(sample) ? (sample.params ?? {}) : {};
  return route.url.replace(
    /:([A-Za-z]\w*)/g,
    (_m, name: string) => override[name] ?? fixed[name] ?? own[name] ?? NO_SUCH_ID,
  );
}

/** Sends the route's sample request (its method, body and headers) to `url`. */
export function sendSample(
  app: App,
  session: Session | undefined,
  route: RegisteredRoute,
  url: string,
) {
  const sample = SAMPLE_REQUESTS[route.key];
  const c = client(app, session);
  const body = sample && "payload" in sample ? sample.payload?.() : undefined;
  const headers = isScoped(sample) ? (sample.headers ?? {}) : {};
  const method = route.method as "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  if (body && typeof body === "object" && "payload" in body && "headers" in body) {
    const mp = body as ReturnType<typeof multipart>;
    return c.raw({ method, url, payload: mp.payload, headers: { ...headers, ...mp.headers } });
  }
  return c.raw({
    method,
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
