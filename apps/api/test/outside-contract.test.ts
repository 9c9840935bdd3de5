import { describe, expect, it } from "vitest";
import { upload } from "./setup/imports.ts";
import { client, signIn, useTestApp, ACCOUNTS } from "./setup/test-app.ts";

/**
 * The §9 contract as an integrator's client meets it from outside: plain HTTP clients that send
 * `Content-Type: application/json` on every request, bodiless confirmations, and the headers a
 * create answers with.
 */
describe("the REST contract from outside", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 3, usersOfOthers: [1, 1] });
  const JSON_TYPE = { "content-type": "application/json" };

  describe("a request that says JSON but carries no body", () => {
    it("signs out (204) instead of refusing the empty body", async () => {
      const session = await signIn(ctx.app, ACCOUNTS.otherCustomerAdmin, "test-password-1");
      const res = await client(ctx.app, session).raw({
        method: "POST",
        url: "/api/v1/auth/logout",
        headers: JSON_TYPE,
        payload: "",
      });
      expect(res.statusCode, res.body).toBe(204);
      expect((await client(ctx.app, session).get("/api/v1/auth/me")).statusCode).toBe(401);
    });

    it("deletes a location (204)", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const admin = client(ctx.app, ctx.sessions.customerAdmin);
      const created = await admin.post(`/api/v1/customers/${customerId}/locations`, {
        name: "Empty Body Office",
        address: { street: "Gatan 1", city: "Umeå", postalCode: "90325", country: "SE" },
        timeZone: "Europe/Stockholm",
      });
      expect(created.statusCode, created.body).toBe(201);
      const res = await admin.raw({
        method: "DELETE",
        url: `/api/v1/customers/${customerId}/locations/${created.json().id}`,
        headers: JSON_TYPE,
        payload: "",
      });
      expect(res.statusCode, res.body).toBe(204);
    });

    it("confirms an import with no body at all, as with {} (202)", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      for (const [i, headers] of [{}, JSON_TYPE].entries()) {
        const preview = await upload(
          ctx.app,
          ctx.sessions.customerAdmin,
          customerId,
          `User ID/Email (Required),First Name,Last Name,Webex Meetings\nbodiless${i}@customer.example,No,Body,TRUE\n`,
        );
        expect(preview.statusCode, preview.body).toBe(201);
        const res = await client(ctx.app, ctx.sessions.customerAdmin).raw({
          method: "POST",
          url: `/api/v1/customers/${customerId}/imports/${preview.json().id}/apply`,
          headers,
        });
        expect(res.statusCode, res.body).toBe(202);
        expect(res.json()).toMatchObject({ status: "queued", applyValidRowsOnly: false });
      }
    });

    it("still names the required members of a body that has them (400)", async () => {
      const customerId = ctx.sessions.customerAdmin.me.customerId!;
      const res = await client(ctx.app, ctx.sessions.customerAdmin).raw({
        method: "POST",
        url: `/api/v1/customers/${customerId}/users`,
        headers: JSON_TYPE,
        payload: "",
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors).toEqual([expect.objectContaining({ field: "users" })]);
    });
  });
});
