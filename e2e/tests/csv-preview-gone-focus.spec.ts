import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { signInAs } from "../support/sign-in.ts";

// Spec §6: a preview discarded elsewhere (a colleague's Cancel, or expiry) while it is open here.
// Import is then refused and the page says the preview is no longer open; the Import button is
// gone, so keyboard focus goes to that message's heading instead of falling to the page body.
test("Import on a preview discarded meanwhile moves focus to 'This preview is no longer open'", async ({
  page,
}) => {
  const run = Date.now().toString(36);
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const me = (await (await page.request.get("/api/v1/auth/me")).json()) as {
    customerId: string;
    csrfToken: string;
  };

  // One modified first name: a preview with nothing to confirm.
  const exported = await page.request.get(`/api/v1/customers/${me.customerId}/users.csv`);
  const [header, user] = Papa.parse<string[]>(await exported.text(), {
    skipEmptyLines: "greedy",
  }).data;
  if (!header || !user) throw new Error("the export has no users");
  user[header.indexOf("First Name")] = `Fokus ${run}`;
  const file = Buffer.from(`${Papa.unparse([header, user], { newline: "\r\n" })}\r\n`);

  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "CSV add or edit" }).click();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: `gone-${run}.csv`, mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/users\/import\/[0-9a-f-]{36}/);
  const importId = /\/import\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
  const importButton = page.getByRole("button", { name: "Import", exact: true });
  await expect(importButton).toBeEnabled();

  // Discarded from another request while this page still shows the plan.
  const discarded = await page.request.delete(
    `/api/v1/customers/${me.customerId}/imports/${importId}`,
    { headers: { "x-csrf-token": me.csrfToken } },
  );
  expect(discarded.status()).toBe(204);

  await importButton.click();
  const gone = page.getByRole("heading", { name: "This preview is no longer open", level: 1 });
  await expect(gone).toBeVisible();
  await expect(gone).toBeFocused();
  await expect(importButton).toHaveCount(0);
});
