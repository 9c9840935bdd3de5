import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { hashToken } from "../src/modules/auth/sessions.ts";
import { GOOD_PASSWORD } from "./setup/invite.ts";
import { appRoutes } from "./setup/routes.ts";
import {
  ACCOUNTS,
  client,
  signIn,
  useTestApp,
  type AccountKey,
  type Session,
} from "./setup/test-app.ts";
import { loadTenants } from "./setup/tenants.ts";

/**
 * Partner Hub → Administrators and Control Hub → Administrators over HTTP (spec §12). Two apps on
 * one database stand for two API processes behind a load balancer: what an administrator may do
 * changes on their very next request through either.
 */
describe("administrators", () => {
  const ctx = useTestApp({ customers: 6, usersOfFirstTwo: 3, usersOfOthers: [1, 2] });
  let other: App;
  let tenants: Awaited<ReturnType<typeof loadTenants>>;
  beforeAll(async () => {
    other = await buildApp({ db: ctx.database.db });
    tenants = await loadTenants(ctx.database.db);
  });
  afterAll(async () => {
    await other?.close();
  });

  const as = (key: keyof typeof ACCOUNTS, app: App = ctx.app) => client(app, ctx.sessions[key]);
  const patch = (s: Session, url: string, payload: unknown, app: App = ctx.app) =>
    client(app, s).raw({ method: "PATCH", url, payload: payload as object });
  const del = (s: Session, url: string, app: App = ctx.app) =>
    client(app, s).raw({ method: "DELETE", url });
  const tokenOf = (url: string) => url.split("/").pop()!;
  const tokenHashOf = (s: Session) => hashToken(s.cookie.split("ph_session=")[1]!.split(";")[0]!);

  let unique = 0;
  const email = (what: string) => `${what}.${++unique}@new.example`;

  /** Accepts an invitation link and answers the signed-in session, as the invitee's browser would. */
  async function accept(invitationUrl: string): Promise<Session> {
    const res = await client(ctx.app).post(`/api/v1/invitations/${tokenOf(invitationUrl)}/accept`, {
      password: GOOD_PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    return { cookie, csrf: res.json().csrfToken, me: res.json() };
  }

  async function invite(body: Record<string, unknown>) {
    const res = await as("partnerFull").post("/api/v1/admins", body);
    expect(res.statusCode, res.body).toBe(201);
    return res;
  }

  it("lists the partner's administrators with role, status and customer count, searchable and paged", async () => {
    const res = await as("partnerFull").get("/api/v1/admins?max=100");
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(items.length);
    const byEmail = new Map(items.map((a: { email: string }) => [a.email, a]));
    expect(byEmail.get(ACCOUNTS.partnerAdmin)).toMatchObject({
      role: "partner_admin",
      status: "active",
      customerCount: tenants.assignedCustomerIds.length,
      customerId: null,
    });
    expect(byEmail.get(ACCOUNTS.partnerFull)).toMatchObject({
      role: "partner_full_admin",
      customerCount: null,
    });
    expect(byEmail.get(ACCOUNTS.partnerFull)).toHaveProperty("lastSignInAt");
    // Customer admins and another partner's admins are not the partner's administrators.
    expect(byEmail.has(ACCOUNTS.customerAdmin)).toBe(false);
    expect(byEmail.has(ACCOUNTS.foreignPartner)).toBe(false);

    const found = (await as("partnerFull").get("/api/v1/admins?search=READONLY")).json();
    expect(found.items.map((a: { email: string }) => a.email)).toEqual([ACCOUNTS.partnerReadonly]);
    const page = (await as("partnerFull").get("/api/v1/admins?offset=1&max=1")).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(total);
  });

  it("lets read-only administrators look but not change; partner administrators get 403, customer admins 404", async () => {
    expect((await as("partnerReadonly").get("/api/v1/admins")).statusCode).toBe(200);
    const refused = await as("partnerReadonly").post("/api/v1/admins", {
      email: email("ro"),
      name: "Nope",
      role: "partner_admin",
    });
    expect(refused.statusCode).toBe(403);
    expect((await as("partnerAdmin").get("/api/v1/admins")).statusCode).toBe(403);
    const customerAdmin = await as("customerAdmin").get("/api/v1/admins");
    expect(customerAdmin.statusCode).toBe(404);
    expect(customerAdmin.headers["content-type"]).toContain("application/problem+json");
    const asCustomer = await as("customerAdmin").post("/api/v1/admins", {
      email: email("ca"),
      name: "Nope",
      role: "partner_full_admin",
    });
    expect(asCustomer.statusCode).toBe(404);
    // Another partner's full administrator cannot see or touch this partner's administrators.
    const ours = ctx.sessions.partnerAdmin.me.id;
    expect((await as("foreignPartner").get(`/api/v1/admins/${ours}`)).statusCode).toBe(404);
    expect(
      (await patch(ctx.sessions.foreignPartner, `/api/v1/admins/${ours}`, { status: "disabled" }))
        .statusCode,
    ).toBe(404);
    expect((await del(ctx.sessions.foreignPartner, `/api/v1/admins/${ours}`)).statusCode).toBe(404);
    expect((await as("foreignPartner").get(`/api/v1/admins/${ours}/customers`)).statusCode).toBe(
      404,
    );
  });

  it("invites a partner administrator with two customers, who then sees exactly those; disabling signs them out through another process", async () => {
    const [first, second] = [tenants.sibling.customer, tenants.unassigned.customer];
    const res = await invite({
      email: email("pa"),
      name: "Petra Partner",
      role: "partner_admin",
      customerIds: [first, second],
    });
    const invited = res.json();
    expect(invited).toMatchObject({ status: "invited", role: "partner_admin", customerCount: 2 });
    expect(res.headers.location).toBe(`/api/v1/admins/${invited.id}`);
    expect(invited.invitationUrl).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);

    const s = await accept(invited.invitationUrl);
    const seen = (await client(other, s).get("/api/v1/customers")).json();
    expect(seen.items.map((c: { id: string }) => c.id).sort()).toEqual([first, second].sort());
    expect(other.sessionCache.has(tokenHashOf(s))).toBe(true);

    const listed = (await as("partnerFull").get(`/api/v1/admins/${invited.id}`)).json();
    expect(listed).toMatchObject({ status: "active" });
    expect(listed.lastSignInAt).not.toBeNull();

    // Unassigning narrows their scope at once, in the other process too.
    expect(
      (await del(ctx.sessions.partnerFull, `/api/v1/admins/${invited.id}/customers/${second}`))
        .statusCode,
    ).toBe(204);
    expect((await client(other, s).get(`/api/v1/customers/${second}`)).statusCode).toBe(404);
    const after = (await client(other, s).get("/api/v1/customers")).json();
    expect(after.items.map((c: { id: string }) => c.id)).toEqual([first]);
    expect(
      (await as("partnerFull").get(`/api/v1/admins/${invited.id}/customers`)).json(),
    ).toMatchObject({ total: 1, items: [{ id: first }] });
    // Assigning again is idempotent.
    for (let i = 0; i < 2; i++)
      expect(
        (
          await client(ctx.app, ctx.sessions.partnerFull).put(
            `/api/v1/admins/${invited.id}/customers/${second}`,
          )
        ).statusCode,
      ).toBe(204);
    expect((await client(other, s).get(`/api/v1/customers/${second}`)).statusCode).toBe(200);

    const disabled = await patch(ctx.sessions.partnerFull, `/api/v1/admins/${invited.id}`, {
      status: "disabled",
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().status).toBe("disabled");
    for (const url of ["/api/v1/customers", `/api/v1/customers/${first}`, "/api/v1/auth/me"])
      expect((await client(other, s).get(url)).statusCode, url).toBe(401);
    const signIn2 = await client(ctx.app).post("/api/v1/auth/login", {
      email: invited.email,
      password: GOOD_PASSWORD,
    });
    expect(signIn2.statusCode).toBe(401);

    const enabled = await patch(ctx.sessions.partnerFull, `/api/v1/admins/${invited.id}`, {
      status: "active",
    });
    expect(enabled.json().status).toBe("active");
    expect((await signIn(ctx.app, invited.email, GOOD_PASSWORD)).me.role).toBe("partner_admin");
  });

  it("applies a role change to the next request through another process", async () => {
    const invited = (
      await invite({ email: email("full"), name: "Frida Full", role: "partner_full_admin" })
    ).json();
    const s = await accept(invited.invitationUrl);
    const customer = tenants.home.customer;
    const before = await client(other, s).get("/api/v1/customers");
    const all = before.json().total;
    await client(other, s).get("/api/v1/customers");
    expect(other.sessionCache.has(tokenHashOf(s))).toBe(true);

    const demoted = await patch(ctx.sessions.partnerFull, `/api/v1/admins/${invited.id}`, {
      role: "partner_readonly_admin",
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    const write = await client(other, s).post(`/api/v1/customers/${customer}/admins`, {
      email: email("x"),
      name: "X",
    });
    expect(write.statusCode).toBe(403);
    expect((await client(other, s).get("/api/v1/auth/me")).json().role).toBe(
      "partner_readonly_admin",
    );

    await patch(ctx.sessions.partnerFull, `/api/v1/admins/${invited.id}`, {
      role: "partner_admin",
    });
    // A partner administrator with no customers sees none, on the cached list path too.
    expect((await client(other, s).get("/api/v1/customers")).json().total).toBe(0);
    expect(all).toBeGreaterThan(0);

    // Removal ends the session everywhere and the account with it.
    expect((await del(ctx.sessions.partnerFull, `/api/v1/admins/${invited.id}`)).statusCode).toBe(
      204,
    );
    expect((await client(other, s).get("/api/v1/customers")).statusCode).toBe(401);
    expect((await as("partnerFull").get(`/api/v1/admins/${invited.id}`)).statusCode).toBe(404);
  });

  it("refuses bad input with problem details naming the field", async () => {
    const taken = await as("partnerFull").post("/api/v1/admins", {
      email: ACCOUNTS.customerAdmin.toUpperCase(),
      name: "Dup",
      role: "partner_admin",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers["content-type"]).toContain("application/problem+json");
    expect(taken.json()).toMatchObject({
      code: "admin_email_taken",
      errors: [{ field: "email", code: "email_used_by_admin" }],
    });

    const role = await as("partnerFull").post("/api/v1/admins", {
      email: email("r"),
      name: "R",
      role: "super_admin",
    });
    expect(role.statusCode).toBe(400);
    expect(role.json().errors.map((e: { field: string }) => e.field)).toContain("role");

    const foreign = await as("partnerFull").post("/api/v1/admins", {
      email: email("f"),
      name: "F",
      role: "partner_admin",
      customerIds: [tenants.home.customer, tenants.foreign.customer],
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors).toEqual([
      expect.objectContaining({ field: "customerIds.1", code: "customer_not_found" }),
    ]);

    const fullWithCustomers = await as("partnerFull").post("/api/v1/admins", {
      email: email("fc"),
      name: "F",
      role: "partner_full_admin",
      customerIds: [tenants.home.customer],
    });
    expect(fullWithCustomers.statusCode).toBe(400);
    expect(fullWithCustomers.json().errors[0].field).toBe("customerIds");

    const badEmail = await as("partnerFull").post("/api/v1/admins", {
      email: "not-an-email",
      name: "",
      role: "partner_admin",
    });
    expect(badEmail.statusCode).toBe(400);
    expect(
      badEmail
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["email", "name"]);

    // A customer admin cannot ask for a partner role: the customer route takes no role.
    const partnerRole = await as("customerAdmin").post(
      `/api/v1/customers/${tenants.home.customer}/admins`,
      { email: email("cr"), name: "C", role: "partner_full_admin" },
    );
    expect(partnerRole.statusCode).toBe(400);

    const assignForeign = await client(ctx.app, ctx.sessions.partnerFull).put(
      `/api/v1/admins/${ctx.sessions.partnerAdmin.me.id}/customers/${tenants.foreign.customer}`,
    );
    expect(assignForeign.statusCode).toBe(404);
    const assignFull = await client(ctx.app, ctx.sessions.partnerFull).put(
      `/api/v1/admins/${ctx.sessions.partnerReadonly.me.id}/customers/${tenants.home.customer}`,
    );
    expect(assignFull.json().code).toBe("admin_not_assignable");
    const badStatus = await patch(
      ctx.sessions.partnerFull,
      `/api/v1/admins/${ctx.sessions.partnerAdmin.me.id}`,
      { status: "invited" },
    );
    expect(badStatus.statusCode).toBe(400);
  });

  it("lets nobody disable, demote or remove themselves", async () => {
    const me = ctx.sessions.partnerFull.me.id;
    for (const body of [{ status: "disabled" }, { role: "partner_admin" }]) {
      const res = await patch(ctx.sessions.partnerFull, `/api/v1/admins/${me}`, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("own_account");
    }
    expect((await del(ctx.sessions.partnerFull, `/api/v1/admins/${me}`)).json().code).toBe(
      "own_account",
    );
    const own = ctx.sessions.customerAdmin.me;
    const res = await del(
      ctx.sessions.customerAdmin,
      `/api/v1/customers/${own.customerId}/admins/${own.id}`,
    );
    expect(res.json().code).toBe("own_account");
  });

  it("keeps the partner's last active full administrator", async () => {
    // Through the API the caller is always another active full administrator, so the rule only
    // bites when two of them act at once (the partner row lock orders them): checked against the
    // rule itself, with every other full administrator disabled meanwhile.
    const target = (
      await invite({ email: email("last"), name: "Last", role: "partner_full_admin" })
    ).json();
    await accept(target.invitationUrl);
    const { requireAnotherFullAdmin } = await import("../src/modules/admins/admin-access.ts");
    const prisma = ctx.database.db.prisma;
    const row = await prisma.admin.findUniqueOrThrow({ where: { id: target.id } });
    await expect(requireAnotherFullAdmin(prisma, row)).resolves.toBeUndefined();
    const others = {
      partnerId: row.partnerId,
      role: "partner_full_admin" as const,
      id: { not: row.id },
    };
    await prisma.admin.updateMany({ where: others, data: { status: "disabled" } });
    try {
      await expect(requireAnotherFullAdmin(prisma, row)).rejects.toMatchObject({
        code: "last_full_admin",
      });
    } finally {
      await prisma.admin.updateMany({ where: others, data: { status: "active" } });
    }
    await del(ctx.sessions.partnerFull, `/api/v1/admins/${target.id}`);
  });

  it("resending an invitation replaces the link", async () => {
    const first = (
      await invite({ email: email("again"), name: "Again", role: "partner_readonly_admin" })
    ).json();
    const again = await as("partnerFull").post(`/api/v1/admins/${first.id}/invitation`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().invitationUrl).not.toBe(first.invitationUrl);
    const old = await client(ctx.app).get(`/api/v1/invitations/${tokenOf(first.invitationUrl)}`);
    expect(old.json().code).toBe("invitation_revoked");
    await accept(again.json().invitationUrl);
    const accepted = await as("partnerFull").post(`/api/v1/admins/${first.id}/invitation`);
    expect(accepted.json().code).toBe("admin_not_invited");
  });

  it("lets a customer's administrators invite, disable and remove their own organisation's administrators only", async () => {
    const home = tenants.home.customer;
    const list = await as("customerAdmin").get(`/api/v1/customers/${home}/admins`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { email: string }) => a.email)).toContain(
      ACCOUNTS.customerAdmin,
    );
    expect(list.json().items[0]).toMatchObject({ role: "customer_full_admin", customerId: home });

    const res = await as("customerAdmin").post(`/api/v1/customers/${home}/admins`, {
      email: email("colleague"),
      name: "Colleague",
    });
    expect(res.statusCode, res.body).toBe(201);
    const colleague = res.json();
    expect(res.headers.location).toBe(`/api/v1/customers/${home}/admins/${colleague.id}`);
    expect(colleague).toMatchObject({
      role: "customer_full_admin",
      customerId: home,
      status: "invited",
    });
    const s = await accept(colleague.invitationUrl);
    expect(s.me).toMatchObject({ role: "customer_full_admin", customerId: home });
    await client(other, s).get(`/api/v1/customers/${home}/users`);
    await client(other, s).get(`/api/v1/customers/${home}/users`);

    // The other customer's admin, and another partner, cannot see or touch them.
    const sibling = ctx.sessions.otherCustomerAdmin;
    expect(
      (await client(ctx.app, sibling).get(`/api/v1/customers/${home}/admins`)).statusCode,
    ).toBe(404);
    expect(
      (await del(sibling, `/api/v1/customers/${home}/admins/${colleague.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await del(sibling, `/api/v1/customers/${tenants.sibling.customer}/admins/${colleague.id}`))
        .statusCode,
    ).toBe(404);
    expect((await as("foreignPartner").get(`/api/v1/customers/${home}/admins`)).statusCode).toBe(
      404,
    );
    // A read-only partner administrator sees them but changes nothing.
    expect((await as("partnerReadonly").get(`/api/v1/customers/${home}/admins`)).statusCode).toBe(
      200,
    );
    expect(
      (
        await patch(
          ctx.sessions.partnerReadonly,
          `/api/v1/customers/${home}/admins/${colleague.id}`,
          { status: "disabled" },
        )
      ).statusCode,
    ).toBe(403);

    const disabled = await patch(
      ctx.sessions.customerAdmin,
      `/api/v1/customers/${home}/admins/${colleague.id}`,
      {
        status: "disabled",
      },
    );
    expect(disabled.json().status).toBe("disabled");
    expect((await client(other, s).get(`/api/v1/customers/${home}/users`)).statusCode).toBe(401);
    expect(
      (await del(ctx.sessions.customerAdmin, `/api/v1/customers/${home}/admins/${colleague.id}`))
        .statusCode,
    ).toBe(204);
    expect(
      (await as("customerAdmin").get(`/api/v1/customers/${home}/admins/${colleague.id}`))
        .statusCode,
    ).toBe(404);

    // The partner administrator assigned to the customer may manage them too.
    const byPartnerAdmin = await as("partnerAdmin").post(`/api/v1/customers/${home}/admins`, {
      email: email("pa-invites"),
      name: "Invited by partner admin",
    });
    expect(byPartnerAdmin.statusCode).toBe(201);
  });

  it("records who did what to whom in the partner-level audit log", async () => {
    const target = (
      await invite({
        email: email("audited"),
        name: "Audited",
        role: "partner_admin",
        customerIds: [tenants.home.customer],
      })
    ).json();
    const s = await accept(target.invitationUrl);
    const changed = await client(ctx.app, s).post("/api/v1/auth/password", {
      currentPassword: GOOD_PASSWORD,
      newPassword: "Quiet-Harbour-Lantern-77",
    });
    expect(changed.statusCode, changed.body).toBe(204);
    await patch(ctx.sessions.partnerFull, `/api/v1/admins/${target.id}`, {
      role: "partner_readonly_admin",
    });
    await patch(ctx.sessions.partnerFull, `/api/v1/admins/${target.id}`, { status: "disabled" });
    await del(ctx.sessions.partnerFull, `/api/v1/admins/${target.id}`);

    const res = await as("partnerFull").get("/api/v1/audit?max=100&source=administration");
    expect(res.statusCode).toBe(200);
    const about = res.json().items.filter((e: { adminId: string }) => e.adminId === target.id);
    expect(about.map((e: { action: string }) => e.action).reverse()).toEqual([
      "admin.invited",
      "admin.accepted",
      "admin.password_changed",
      "admin.role_changed",
      "admin.disabled",
      "admin.removed",
    ]);
    const roleChange = about.find((e: { action: string }) => e.action === "admin.role_changed");
    expect(roleChange).toMatchObject({
      actorEmail: ACCOUNTS.partnerFull,
      userEmail: target.email,
      customerId: null,
      before: { role: "partner_admin" },
      after: { role: "partner_readonly_admin" },
    });

    // Customer events appear in the partner log too, and customer admin events in the customer's.
    const all = (await as("partnerFull").get("/api/v1/audit?max=100")).json();
    expect(all.total).toBeGreaterThan(about.length);
    const customerLog = (
      await as("customerAdmin").get(`/api/v1/customers/${tenants.home.customer}/audit?max=100`)
    ).json();
    expect(customerLog.items.some((e: { action: string }) => e.action === "admin.invited")).toBe(
      true,
    );
    expect((await as("partnerReadonly").get("/api/v1/audit")).statusCode).toBe(200);
    // A partner administrator sees only their customers' events; a customer admin has no partner log.
    const mine = (await as("partnerAdmin").get("/api/v1/audit?max=100")).json();
    expect(
      mine.items.every(
        (e: { customerId: string | null }) =>
          e.customerId !== null && tenants.assignedCustomerIds.includes(e.customerId),
      ),
    ).toBe(true);
    expect((await as("customerAdmin").get("/api/v1/audit")).statusCode).toBe(404);
    const foreign = (await as("foreignPartner").get("/api/v1/audit?max=100")).json();
    expect(foreign.items.some((e: { adminId: string | null }) => e.adminId === target.id)).toBe(
      false,
    );
  });
});

/**
 * The partner-level routes (Partner Hub → Administrators, the partner audit log) × every role,
 * aimed at the home partner's administrators: the partner's full administrators manage them,
 * read-only ones look (writes 403), a partner administrator is refused (403), and a customer
 * admin or another partner's administrator gets 404 (another tenant's data). These routes are
 * `unscoped` in setup/sample-requests.ts (no customer to work in), so tenant-isolation.test.ts
 * checks only their 401 without a session; this is their isolation matrix.
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
let matrixUnique = 0;
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
      email: `matrix.partner${++matrixUnique}@example.org`,
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

describe("partner-level routes × every role", () => {
  const ctx = useTestApp({ customers: 6, usersOfFirstTwo: 3, usersOfOthers: [1, 2] });
  let tenants: Awaited<ReturnType<typeof loadTenants>>;
  beforeAll(async () => {
    tenants = await loadTenants(ctx.database.db);
  });

  it("covers every partner-level route the app registers", async () => {
    const partnerLevel = (await appRoutes())
      .filter((r) => r.url.startsWith("/api/v1/admins") || r.url === "/api/v1/audit")
      .map((r) => r.key)
      .sort();
    const covered = PARTNER_ROUTES.map(
      (r) =>
        `${r.method} ${r.url({ fullAdmin: ":adminId", partnerAdmin: ":adminId", home: ":customerId", unassigned: ":customerId" })}`,
    );
    expect([...new Set(covered)].sort()).toEqual(partnerLevel);
  });

  for (const route of PARTNER_ROUTES) {
    for (const role of Object.keys(ACCOUNTS) as AccountKey[]) {
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
        const body = route.payload?.();
        const res = await client(ctx.app, ctx.sessions[role]).raw({
          method: route.method,
          url: route.url(ids),
          ...(body === undefined ? {} : { payload: body as object }),
        });
        expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBe(expected);
        if (expected >= 400)
          expect(res.headers["content-type"]).toContain("application/problem+json");
        if (role === "foreignPartner" && res.statusCode === 200) {
          // Its own lists, never the home partner's administrators or events.
          const text = JSON.stringify(res.json());
          expect(text).not.toContain(ids.partnerAdmin);
          expect(text).not.toContain(ACCOUNTS.partnerFull);
        }
      });
    }
  }
});
