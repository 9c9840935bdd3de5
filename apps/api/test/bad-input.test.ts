import { describe, expect, it } from "vitest";
import { client, useTestApp } from "./setup/test-app.ts";

/** Whatever a client sends, the answer is a 4xx problem, never a 500. */
describe("no route answers 500 to what a client can send", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 3, usersOfOthers: [1, 1] });

  const bodies: [string, string][] = [
    ["not JSON", "{nope"],
    ["a string", '"users"'],
    ["a number", "42"],
    ["null", "null"],
    ["an array", "[]"],
    ["users as a string", '{"users":"abc"}'],
    ["users of nulls", '{"users":[null,1,"x"]}'],
    ["a deep object", `{"users":[${"{".repeat(50)}${"}".repeat(50)}]}`],
    ["package as a number", '{"package":123}'],
    ["unknown package", '{"package":"webex_platinum","version":1}'],
    ["huge version", '{"package":"webex_meetings","version":1e308}'],
    ["applyValidRowsOnly as text", '{"applyValidRowsOnly":"yes"}'],
    [
      "a NUL in an email",
      '{"users":[{"email":"a\\u0000@b.se","firstName":"A","lastName":"B","package":"webex_meetings"}]}',
    ],
    ["a NUL in a sign-in email", '{"email":"a\\u0000@b.se","password":"x\\u0000y"}'],
    [
      "a NUL in a name",
      '{"users":[{"email":"nul@b.se","firstName":"A\\u0000","lastName":"B","package":"webex_meetings","preferredWebexSite":"s\\u0000"}]}',
    ],
  ];

  it("answers every malformed body on every write route with a 4xx problem", async () => {
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const user = await ctx.database.db.prisma.user.findFirstOrThrow({ where: { customerId } });
    const location = await ctx.database.db.prisma.location.findFirstOrThrow({
      where: { customerId },
    });
    const urls: [string, string][] = [
      ["POST", `/api/v1/customers/${customerId}/users`],
      ["PUT", `/api/v1/customers/${customerId}/users/${user.id}/package`],
      [
        "POST",
        `/api/v1/customers/${customerId}/imports/00000000-0000-4000-8000-000000000000/apply`,
      ],
      ["POST", `/api/v1/customers/${customerId}/imports`],
      ["POST", "/api/v1/auth/login"],
      ["PATCH", `/api/v1/customers/${customerId}`],
      ["PUT", `/api/v1/customers/${customerId}/quotas`],
      ["POST", `/api/v1/customers/${customerId}/locations`],
      ["PATCH", `/api/v1/customers/${customerId}/locations/${location.id}`],
    ];
    const c = client(ctx.app, ctx.sessions.customerAdmin);
    for (const [method, url] of urls) {
      for (const [name, payload] of bodies) {
        const res = await c.raw({
          method: method,
          url,
          payload,
          headers: { "content-type": "application/json", "if-match": '"1"' },
        });
        expect(
          res.statusCode,
          `${method} ${url} with ${name}: ${res.body.slice(0, 200)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(
          res.statusCode,
          `${method} ${url} with ${name}: ${res.body.slice(0, 200)}`,
        ).toBeLessThan(500);
        expect(res.headers["content-type"]).toContain("application/problem+json");
      }
    }
  });

  it("answers odd ids, headers and query strings with 4xx", async () => {
    const c = client(ctx.app, ctx.sessions.partnerFull);
    for (const url of [
      "/api/v1/customers/%00",
      "/api/v1/customers/' OR 1=1 --/users",
      `/api/v1/customers/${"9".repeat(500)}`,
      "/api/v1/customers?search=%25%5F%5C",
      "/api/v1/customers?offset=1e3",
      "/api/v1/customers?max=50&max=60",
      "/api/v1/customers?sort[]=name",
      "/api/v1/customers?search=%00",
      "/api/v1/customers?search=a%0Ab",
    ]) {
      const res = await c.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const user = await ctx.database.db.prisma.user.findFirstOrThrow({ where: { customerId } });
    for (const ifMatch of ['"abc"', "W/", "*", '"99999999999999999999"']) {
      const res = await client(ctx.app, ctx.sessions.customerAdmin).put(
        `/api/v1/customers/${customerId}/users/${user.id}/package`,
        { package: "webex_meetings" },
        { "if-match": ifMatch },
      );
      expect(res.statusCode, `If-Match ${ifMatch}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
  });

  it("names every query parameter a route does not take, on routes with and without any", async () => {
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const c = client(ctx.app, ctx.sessions.partnerFull);
    for (const [url, keys] of [
      ["/api/v1/customers?serach=nordic", ["serach"]],
      [`/api/v1/customers/${customerId}/users?offset=0&bogus=1&also=2`, ["bogus", "also"]],
      ["/api/v1/packages?lang=sv", ["lang"]],
      [`/api/v1/customers/${customerId}?expand=users`, ["expand"]],
      ["/api/v1/auth/me?x=1", ["x"]],
      ["/api/v1/csv-template?delimiter=%3B", ["delimiter"]],
      [`/api/v1/customers/${customerId}/users.csv?search=berg`, ["search"]],
    ] as const) {
      const res = await c.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors).toEqual(
        keys.map((key) => ({
          code: "unrecognized_keys",
          field: `query.${key}`,
          message: `Unknown parameter "${key}".`,
        })),
      );
    }
    // The same routes still answer without them.
    expect((await c.get("/api/v1/packages")).statusCode).toBe(200);
    expect((await c.get(`/api/v1/customers/${customerId}/users.csv`)).statusCode).toBe(200);
  });

  it("answers a URL whose percent-encoding is not UTF-8 with a problem", async () => {
    const customerId = ctx.sessions.customerAdmin.me.customerId!;
    const res = await client(ctx.app, ctx.sessions.partnerFull).get(
      `/api/v1/customers/${customerId}/users/%FF`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status: 400, code: "malformed_request" });
  });

  it("a search with LIKE wildcards matches them literally", async () => {
    const res = await client(ctx.app, ctx.sessions.partnerFull).get("/api/v1/customers?search=%25");
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });
});
