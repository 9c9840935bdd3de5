import net from "node:net";
import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { multipart } from "./setup/multipart.ts";
import { client, useTestApp, type Session } from "./setup/test-app.ts";

/**
 * A corpus of hostile and malformed requests across every route family (spec §14: nothing a
 * client sends gets a 5xx). Every answer is a 4xx problem+json, no table changes, and the server
 * still answers afterwards.
 */
interface Case {
  family: string;
  name: string;
  /** Which signed-in session sends it (none: anonymous). */
  as?: "partner" | "customer";
  request: InjectOptions;
}

const NOT_A_UUID = [
  "abc",
  "1",
  "' OR 1=1 --",
  "00000000-0000-0000-0000-00000000000g",
  "9".repeat(300),
];
const MISSING = "00000000-0000-4000-8000-000000000000";

function json(method: InjectOptions["method"], url: string, payload: string): InjectOptions {
  return { method, url, payload, headers: { "content-type": "application/json" } };
}

function corpus(customerId: string, userId: string): Case[] {
  const c = `/api/v1/customers/${customerId}`;
  const cases: Case[] = [];
  const add = (family: string, name: string, request: InjectOptions, as?: Case["as"]) =>
    cases.push({ family, name, request, as });
  const login = (name: string, payload: string) =>
    add("auth", name, json("POST", "/api/v1/auth/login", payload));

  // auth
  login("malformed JSON", '{"email": "a@b.se", ');
  login("a JSON array", '[{"email":"a@b.se","password":"x"}]');
  login("a JSON string", '"a@b.se"');
  login("email as a number", '{"email": 42, "password": "x"}');
  login("password as an object", '{"email": "a@b.se", "password": {"$gt": ""}}');
  login(
    "a __proto__ key",
    '{"email":"a@b.se","password":"x","__proto__":{"role":"partner_full_admin"}}',
  );
  login(
    "a constructor.prototype key",
    '{"email":"a@b.se","password":"x","constructor":{"prototype":{"a":1}}}',
  );
  login("a NUL byte in the email", '{"email":"a\\u0000@b.se","password":"x"}');
  login("a lone surrogate in the email", '{"email":"\\ud800@b.se","password":"x"}');
  login("a huge email", JSON.stringify({ email: `${"a".repeat(200_000)}@b.se`, password: "x" }));
  login(
    "a 50 MB body",
    JSON.stringify({ email: "a@b.se", password: "x".repeat(50 * 1024 * 1024) }),
  );
  add("auth", "XML for JSON", {
    method: "POST",
    url: "/api/v1/auth/login",
    payload: "<email>a@b.se</email>",
    headers: { "content-type": "application/xml" },
  });
  add(
    "auth",
    "me with an unknown query key",
    { method: "GET", url: "/api/v1/auth/me?debug=1" },
    "partner",
  );
  add("auth", "logout without a session", { method: "POST", url: "/api/v1/auth/logout" });
  add("auth", "a forged session cookie", {
    method: "GET",
    url: "/api/v1/auth/me",
    headers: { cookie: `ph_session=${"x".repeat(5000)}` },
  });

  // packages and the CSV template
  add("packages", "an unknown query key", { method: "GET", url: "/api/v1/packages?lang=sv" });
  add(
    "packages",
    "a __proto__ query key",
    { method: "GET", url: "/api/v1/packages?__proto__[x]=1" },
    "partner",
  );
  add(
    "packages",
    "a write to a read-only route",
    json("POST", "/api/v1/packages", "{}"),
    "partner",
  );
  add(
    "csv-template",
    "an unknown query key",
    { method: "GET", url: "/api/v1/csv-template?delimiter=%3B" },
    "partner",
  );

  // customers
  for (const id of NOT_A_UUID)
    add(
      "customers",
      `a non-UUID id ${id.slice(0, 20)}`,
      {
        method: "GET",
        url: `/api/v1/customers/${encodeURIComponent(id)}`,
      },
      "partner",
    );
  add(
    "customers",
    "a missing id",
    { method: "GET", url: `/api/v1/customers/${MISSING}` },
    "partner",
  );
  add(
    "customers",
    "a search of 10,000 characters",
    { method: "GET", url: `/api/v1/customers?search=${"x".repeat(10_000)}` },
    "partner",
  );
  add(
    "customers",
    "an array where a number belongs",
    { method: "GET", url: "/api/v1/customers?offset[]=1" },
    "partner",
  );
  add(
    "customers",
    "max that is not a number",
    { method: "GET", url: "/api/v1/customers?max=NaN" },
    "partner",
  );
  add(
    "customers",
    "a negative offset",
    { method: "GET", url: "/api/v1/customers?offset=-5" },
    "partner",
  );
  add(
    "customers",
    "an unknown status",
    { method: "GET", url: "/api/v1/customers?status=%00" },
    "partner",
  );
  add(
    "customers",
    "a surrogate's bytes in a path id",
    { method: "GET", url: "/api/v1/customers/%ED%A0%80" },
    "partner",
  );
  add(
    "customers",
    "a NUL byte in a search",
    { method: "GET", url: "/api/v1/customers?search=a%00b" },
    "partner",
  );
  add(
    "customers",
    "an id that is not UTF-8",
    { method: "GET", url: "/api/v1/customers/%FF%FE" },
    "partner",
  );
  add(
    "customers",
    "an unknown query key",
    { method: "GET", url: "/api/v1/customers?serach=x" },
    "partner",
  );

  // locations
  add(
    "locations",
    "a non-UUID customer",
    { method: "GET", url: "/api/v1/customers/not-a-uuid/locations" },
    "partner",
  );
  add(
    "locations",
    "an unknown query key",
    { method: "GET", url: `${c}/locations?all=1` },
    "customer",
  );

  // users
  const users = (name: string, payload: string) =>
    add("users", `create: ${name}`, json("POST", `${c}/users`, payload), "customer");
  users("malformed JSON", '{"users": [');
  users("an array where the body object belongs", '[{"email":"a@b.se"}]');
  users("arrays where users belong", '{"users": [[], [1, 2]]}');
  users("users as an object", '{"users": {"0": {"email": "a@b.se"}}}');
  users(
    "a __proto__ key in a user",
    '{"users":[{"__proto__":{"admin":true},"email":"p@b.se","firstName":"A","lastName":"B","package":"webex_meetings"}]}',
  );
  users(
    "a NUL byte in a name",
    '{"users":[{"email":"n@b.se","firstName":"A\\u0000","lastName":"B","package":"webex_meetings"}]}',
  );
  users(
    "a lone surrogate in a name",
    '{"users":[{"email":"s@b.se","firstName":"\\udc00","lastName":"B","package":"webex_meetings"}]}',
  );
  users(
    "a name of 100,000 characters",
    JSON.stringify({
      users: [
        {
          email: "h@b.se",
          firstName: "x".repeat(100_000),
          lastName: "B",
          package: "webex_meetings",
        },
      ],
    }),
  );
  users(
    "26 users at once",
    JSON.stringify({
      users: Array.from({ length: 26 }, (_, i) => ({
        email: `u${i}@b.se`,
        firstName: "A",
        lastName: "B",
        package: "webex_meetings",
      })),
    }),
  );
  users(
    "an unknown package",
    '{"users":[{"email":"k@b.se","firstName":"A","lastName":"B","package":"webex_platinum"}]}',
  );
  users("an empty body with a JSON type", "");
  for (const id of NOT_A_UUID.slice(0, 3))
    add(
      "users",
      `get: a non-UUID user ${id.slice(0, 20)}`,
      { method: "GET", url: `${c}/users/${encodeURIComponent(id)}` },
      "customer",
    );
  add("users", "get: a missing user", { method: "GET", url: `${c}/users/${MISSING}` }, "customer");
  add(
    "users",
    "list: an unknown package filter",
    { method: "GET", url: `${c}/users?package=%3Cscript%3E` },
    "customer",
  );
  add(
    "users",
    "list: an unknown query key",
    { method: "GET", url: `${c}/users?limit=10` },
    "customer",
  );
  add(
    "users",
    "export: an unknown query key",
    { method: "GET", url: `${c}/users.csv?search=x` },
    "customer",
  );
  const change = (name: string, payload: string, ifMatch = '"1"') =>
    add(
      "users",
      `change package: ${name}`,
      {
        ...json("PUT", `${c}/users/${userId}/package`, payload),
        headers: { "content-type": "application/json", "if-match": ifMatch },
      },
      "customer",
    );
  change("an array body", '["webex_meetings"]');
  change("package as a number", '{"package": 7}');
  change("a version of 1e308", '{"package":"webex_meetings","version":1e308}');
  change("a garbage If-Match", '{"package":"webex_meetings"}', 'W/"\\u0000"');
  change("a __proto__ key", '{"package":"webex_meetings","__proto__":{"x":1}}');
  add(
    "users",
    "change package: a non-UUID user",
    json("PUT", `${c}/users/xyz/package`, '{"package":"webex_meetings"}'),
    "customer",
  );

  // imports
  const upload = (name: string, body: { payload: Buffer; headers: Record<string, string> }) =>
    add("imports", `upload: ${name}`, { method: "POST", url: `${c}/imports`, ...body }, "customer");
  upload("multipart without a file", multipart({ behaviour: "add_services_only" }));
  upload(
    "the file in the wrong field",
    multipart(
      { behaviour: "add_services_only" },
      { filename: "a.csv", content: "x", field: "upload" },
    ),
  );
  upload(
    "an unknown behaviour",
    multipart(
      { behaviour: "delete_everything" },
      { filename: "a.csv", content: "Email\na@b.se\n" },
    ),
  );
  upload(
    "a 50 MB file",
    multipart(
      { behaviour: "add_services_only" },
      { filename: "big.csv", content: Buffer.alloc(50 * 1024 * 1024, 0x61) },
    ),
  );
  upload("a broken multipart boundary", {
    payload: Buffer.from('--nope\r\nContent-Disposition: form-data; name="file"\r\n\r\nx'),
    headers: { "content-type": "multipart/form-data; boundary=other" },
  });
  add(
    "imports",
    "upload: JSON instead of multipart",
    json("POST", `${c}/imports`, '{"file":"a"}'),
    "customer",
  );
  for (const tail of ["", "/rows", "/errors.csv"])
    add(
      "imports",
      `get${tail}: a non-UUID import`,
      { method: "GET", url: `${c}/imports/not-a-uuid${tail}` },
      "customer",
    );
  add(
    "imports",
    "get: a missing import",
    { method: "GET", url: `${c}/imports/${MISSING}` },
    "customer",
  );
  add(
    "imports",
    "apply: a non-UUID import",
    json("POST", `${c}/imports/%27--/apply`, "{}"),
    "customer",
  );
  add(
    "imports",
    "apply: an array body",
    json("POST", `${c}/imports/${MISSING}/apply`, "[true]"),
    "customer",
  );
  add(
    "imports",
    "apply: a wrong type",
    json("POST", `${c}/imports/${MISSING}/apply`, '{"applyValidRowsOnly":"yes"}'),
    "customer",
  );
  add(
    "imports",
    "list: an unknown query key",
    { method: "GET", url: `${c}/imports?all=true` },
    "customer",
  );

  // audit
  add("audit", "an unknown query key", { method: "GET", url: `${c}/audit?who=x` }, "customer");
  add(
    "audit",
    "a non-UUID customer",
    // Not "%2e%2e": the injected request resolves that dot segment to /api/v1/audit, the partner
    // log this caller may read (admins.test.ts), which is no bad input.
    { method: "GET", url: "/api/v1/customers/%2e%2e%2e/audit" },
    "partner",
  );
  add("audit", "max over the limit", { method: "GET", url: `${c}/audit?max=100000` }, "customer");

  // header injection: CR LF smuggled through the URL must not become a header of the answer
  add(
    "headers",
    "CRLF in a path id",
    { method: "GET", url: "/api/v1/customers/x%0D%0ASet-Cookie:%20evil=1" },
    "partner",
  );
  add(
    "headers",
    "CRLF in a query value",
    { method: "GET", url: "/api/v1/customers?search=a%0D%0ALocation:%20http://evil.example&x=1" },
    "partner",
  );
  add(
    "headers",
    "a cross-site write with a forged token",
    {
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { origin: "https://evil.example", "x-csrf-token": "forged" },
    },
    "partner",
  );
  add(
    "headers",
    "a token smuggled with CR LF",
    {
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { "x-csrf-token": "a%0D%0ASet-Cookie: evil=1" },
    },
    "partner",
  );

  // health and docs are read-only
  add("health", "a write to /healthz", json("POST", "/healthz", "{}"));
  add("health", "a write to /readyz", json("DELETE", "/readyz", ""));
  add("docs", "a path outside the docs", {
    method: "GET",
    url: "/api/docs/static/..%2f..%2fpackage.json",
  });
  return cases;
}

const COUNTED_TABLES = [
  "Partner",
  "Customer",
  "CustomerPackageQuota",
  "Location",
  "User",
  "Admin",
  "AdminCustomerAssignment",
  "Session",
  "AuditEvent",
  "Import",
  "ImportRow",
];

describe("a corpus of hostile requests", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 3, usersOfOthers: [1, 1] });

  async function counts() {
    const out: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const [row] = await ctx.database.db.raw.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}"`,
      );
      out[table] = row!.n;
    }
    // Versions too: a write that slipped through would bump one.
    const [v] = await ctx.database.db.raw.query<{ n: number }>(
      `SELECT coalesce(sum("version"), 0)::int AS n FROM "User"`,
    );
    out["User.version"] = v!.n;
    return out;
  }

  it("answers every one with a 4xx problem, changes nothing and keeps serving", async () => {
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const user = await ctx.database.db.prisma.user.findFirstOrThrow({ where: { customerId } });
    const cases = corpus(customerId, user.id);
    const sessions: Record<string, Session> = {
      partner: ctx.sessions.partnerFull,
      customer: ctx.sessions.customerAdmin,
    };
    const before = await counts();
    const failures: string[] = [];
    const families = new Map<string, number>();
    for (const { family, name, as, request } of cases) {
      families.set(family, (families.get(family) ?? 0) + 1);
      const res = await client(ctx.app, as ? sessions[as] : undefined).raw(request);
      const label = `${family}: ${name} → ${res.statusCode} ${res.body.slice(0, 160)}`;
      if (res.statusCode < 400 || res.statusCode >= 500) failures.push(label);
      else if (!String(res.headers["content-type"]).includes("application/problem+json"))
        failures.push(`${label} (not problem+json)`);
      else if (res.json().status !== res.statusCode) failures.push(`${label} (status differs)`);
      if (
        Object.keys(res.headers).some(
          (h) => h === "location" || /evil/i.test(String(res.headers[h])),
        )
      )
        failures.push(`${label} (a smuggled header came back)`);
    }
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(families.size).toBeGreaterThanOrEqual(10);
    expect(await counts()).toEqual(before);
    const after = await client(ctx.app, ctx.sessions.partnerFull).get("/api/v1/customers");
    expect(after.statusCode).toBe(200);
  });

  it("answers a slowly trickled body and raw header injection over a real socket", async () => {
    const address = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const send = (chunks: string[], gapMs: number) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), "127.0.0.1");
        let answer = "";
        socket.on("data", (d) => (answer += d.toString("utf8")));
        socket.on("end", () => resolve(answer));
        socket.on("error", reject);
        void (async () => {
          for (const chunk of chunks) {
            socket.write(chunk);
            await new Promise((r) => setTimeout(r, gapMs));
          }
        })();
        setTimeout(
          () => {
            socket.end();
          },
          chunks.length * gapMs + 3000,
        );
      });
    const body = '{"email":"slow@b.se","password":"trickled"}';
    const head =
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const slow = await send([head, ...body.match(/.{1,4}/g)!], 100);
    expect(slow).toMatch(/^HTTP\/1\.1 401/);
    expect(slow).toContain("application/problem+json");

    // A header line that tries to smuggle a second request and a cookie.
    const smuggled = await send(
      [
        "GET /api/v1/auth/me HTTP/1.1\r\nHost: localhost\r\nX-Test: a\rSet-Cookie: evil=1\r\n" +
          "Connection: close\r\n\r\n",
      ],
      10,
    );
    expect(smuggled).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(smuggled).not.toMatch(/set-cookie: evil/i);
    expect((await ctx.app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });
});
