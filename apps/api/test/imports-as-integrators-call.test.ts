import { describe, expect, it } from "vitest";
import { client, useTestApp } from "./setup/test-app.ts";
import { upload, waitForImport } from "./setup/imports.ts";

/**
 * The CSV endpoints called the way the spec writes them (§6, §9), as an integrator or a test
 * from outside would: no query the web happens to add, no body where the spec marks it optional.
 */
describe("CSV import as integrators call it", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 5, usersOfOthers: [1, 1] });
  const customerId = () => ctx.sessions.customerAdmin.me.customerId!;
  const admin = () => client(ctx.app, ctx.sessions.customerAdmin);
  const base = () => `/api/v1/customers/${customerId()}`;

  it("applies a preview when POST …/apply has no body at all ({ applyValidRowsOnly? } is optional)", async () => {
    const clean = (
      await upload(
        ctx.app,
        ctx.sessions.customerAdmin,
        customerId(),
        "User ID/Email (Required),First Name,Last Name,Webex Meetings\r\nno.body@customer.example,No,Body,TRUE\r\n",
      )
    ).json();
    // No Content-Type and no body, as `curl -X POST` or a test client's post(url) sends it.
    const applied = await admin().raw({
      method: "POST",
      url: `${base()}/imports/${clean.id}/apply`,
    });
    expect(applied.statusCode, applied.body).toBe(202);
    const done = await waitForImport(ctx.app, ctx.sessions.customerAdmin, customerId(), clean.id);
    expect(done).toMatchObject({ status: "completed", appliedRows: 1 });

    const withErrors = (
      await upload(
        ctx.app,
        ctx.sessions.customerAdmin,
        customerId(),
        "User ID/Email (Required),Webex Meetings\r\nnot-an-email,TRUE\r\n",
      )
    ).json();
    const refused = await admin().raw({
      method: "POST",
      url: `${base()}/imports/${withErrors.id}/apply`,
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe("import_has_errors");
  });

  it("gives a customer admin a template whose example imports as it stands, without naming the customer", async () => {
    const res = await admin().get("/api/v1/csv-template");
    expect(res.statusCode).toBe(200);
    const preview = await upload(ctx.app, ctx.sessions.customerAdmin, customerId(), res.body);
    expect(preview.statusCode, preview.body).toBe(201);
    expect(preview.json().counts).toMatchObject({ add: 1, error: 0 });
    // No warning either: the example names the customer's own location and default Webex site.
    expect(preview.json().problemRows).toEqual([]);
  });

  it("writes errors.csv with the separator of the upload, so the spreadsheet that wrote it opens it", async () => {
    const semicolons =
      "\uFEFFUser ID/Email (Required);First Name;Webex Meetings\r\nnot-an-email;Åsa, jr;TRUE\r\nok@customer.example;Ok;TRUE\r\n";
    const preview = (
      await upload(ctx.app, ctx.sessions.customerAdmin, customerId(), semicolons)
    ).json();
    const report = await admin().get(`${base()}/imports/${preview.id}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toBe(
      "\uFEFFUser ID/Email (Required);First Name;Webex Meetings;Errors\r\n" +
        `not-an-email;"Åsa, jr";TRUE;"User ID/Email (Required): ""not-an-email"" is not a valid email address."\r\n`,
    );
  });
});
