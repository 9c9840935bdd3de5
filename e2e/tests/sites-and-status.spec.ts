import { expect, test, type Page } from "@playwright/test";
import { shot } from "../support/screenshot.ts";
import { signInAs } from "../support/sign-in.ts";

// Spec §3: a customer that is not active says so across its Control Hub and offers no changes;
// a customer's Webex sites are what Preferred Webex site is chosen from; and §5: Next in the
// manual add asks the server too, so the Summary only shows users that will be added.

async function toSwedish(page: Page) {
  await page.getByRole("banner").getByLabel("Language").selectOption({ label: "Svenska" });
}

async function toEnglish(page: Page) {
  await page.getByRole("banner").getByLabel("Språk").selectOption({ label: "English" });
}

/** The first of the partner's customers in that status, read as an integrator would. */
async function customerIn(page: Page, status: string): Promise<{ id: string; name: string }> {
  const res = await page.request.get(`/api/v1/customers?status=${status}&max=1`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { id: string; name: string }[] };
  const customer = body.items[0];
  if (!customer) throw new Error(`the demo has no ${status} customer`);
  return customer;
}

function row(page: Page, n: number) {
  return page.getByRole("group", { name: `User ${n}`, exact: true });
}

test("a suspended and a deactivated customer say so on every page, and who can change it; no changes are offered", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();

  const suspended = await customerIn(page, "suspended");
  await page.goto(`/customers/${suspended.id}/users`);
  const banner = page.getByRole("status").filter({ hasText: "This organisation is suspended" });
  await expect(banner).toContainText("Only the partner’s administrators can reactivate it.");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  // Reading is fine; adding is not offered (it would only be refused).
  await page.getByRole("button", { name: "Manage users" }).click();
  await expect(page.getByRole("menuitem", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Manually add users" })).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: "CSV add or edit" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("checkbox", { name: /select/i })).toHaveCount(0);
  await shot(page, "suspended-users-en");

  // The banner is on every page of its Control Hub: Locations has no Add location either.
  await page.getByRole("link", { name: "Locations" }).click();
  await expect(page.getByRole("heading", { name: "Locations", level: 1 })).toBeVisible();
  await expect(banner).toBeVisible();
  await expect(page.getByRole("button", { name: "Add location" })).toHaveCount(0);
  await toSwedish(page);
  await expect(
    page.getByRole("status").filter({ hasText: "Organisationen är spärrad" }),
  ).toContainText("Bara partnerns administratörer kan häva spärren.");
  await shot(page, "suspended-locations-sv");
  await toEnglish(page);

  const deactivated = await customerIn(page, "deactivated");
  await page.goto(`/customers/${deactivated.id}/settings`);
  const deactivatedBanner = page
    .getByRole("status")
    .filter({ hasText: "This organisation is deactivated" });
  await expect(deactivatedBanner).toContainText(
    "Only the partner’s administrators can have it reactivated.",
  );
  // Its settings and Webex sites are shown but cannot be saved.
  await expect(page.getByRole("heading", { name: "Webex sites", level: 2 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save Webex sites" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await shot(page, "deactivated-settings-en");
  await toSwedish(page);
  await expect(
    page.getByRole("status").filter({ hasText: "Organisationen är avaktiverad" }),
  ).toBeVisible();
  await shot(page, "deactivated-settings-sv");
  await toEnglish(page);
});

test("a customer admin adds a Webex site, chooses it in the manual add, and Next refuses an email already in the customer before the Summary", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  const site = `moten-${run}.webex.com`;
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Users" });
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const emailColumn = headers.findIndex((h) => h.trim() === "Email");
  const existing = (
    await table.getByRole("row").nth(1).getByRole("cell").nth(emailColumn).innerText()
  ).trim();

  // Settings → Webex sites: the customer's own site is the default; add another.
  await page.getByRole("link", { name: "Settings" }).click();
  const sites = page.getByRole("form", { name: "Webex sites" });
  await expect(sites.getByRole("textbox", { name: "Site 1", exact: true })).toHaveValue(
    "fjallbacka-fastigheter-ab.webex.com",
  );
  await expect(sites.getByRole("radio", { name: "Make site 1 the default" })).toBeChecked();
  await sites.getByRole("button", { name: "Add site" }).click();
  await sites.getByRole("textbox", { name: "Site 2", exact: true }).fill("not a site");
  await sites.getByRole("button", { name: "Save Webex sites" }).click();
  await expect(sites).toContainText("Enter a host name such as kund.webex.com.");
  await sites.getByRole("textbox", { name: "Site 2", exact: true }).fill(site);
  await sites.getByRole("button", { name: "Save Webex sites" }).click();
  await expect(sites.getByRole("status")).toHaveText("Webex sites saved.");
  await shot(page, "webex-sites-settings-en");
  await toSwedish(page);
  await expect(page.getByRole("heading", { name: "Webex-webbplatser", level: 2 })).toBeVisible();
  await shot(page, "webex-sites-settings-sv");
  await toEnglish(page);

  // Manual add: the default is preselected; the other site is a choice, not free text.
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "Manually add users" }).click();
  const first = row(page, 1);
  await first.getByLabel("First name").fill("Sixten");
  await first.getByLabel("Last name").fill(`Site ${run}`);
  await first.getByLabel("Email").fill(`sixten.${run}@customer.example`);
  await first.getByLabel("Package").selectOption("webex_meetings");
  const siteSelect = first.getByLabel("Preferred Webex site");
  await expect(siteSelect).toHaveValue("fjallbacka-fastigheter-ab.webex.com");
  await siteSelect.selectOption(site);

  await page.getByRole("button", { name: "Add user" }).click();
  const second = row(page, 2);
  await second.getByLabel("First name").fill("Already");
  await second.getByLabel("Last name").fill("There");
  await second.getByLabel("Email").fill(existing);
  await second.getByLabel("Package").selectOption("webex_meetings");
  // A third row left empty: ignored, not an error.
  await page.getByRole("button", { name: "Add user" }).click();

  // Only the server knows the email is taken: Next says so on Basic information.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert")).toContainText("1 user needs changes");
  await expect(page.getByRole("heading", { name: "Basic information", level: 2 })).toBeVisible();
  await expect(second.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(second).toContainText("already belongs to a user of this customer");
  await expect(row(page, 3).getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await shot(page, "precheck-refused-en");
  await toSwedish(page);
  await expect(page.getByRole("alert")).toContainText("1 användare behöver ändras");
  await shot(page, "precheck-refused-sv");
  await toEnglish(page);

  await second.getByLabel("Email").fill(`already.${run}@customer.example`);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  const summary = page.getByRole("table", { name: "Users to add" });
  await expect(summary.getByRole("row")).toHaveCount(3);
  await expect(summary).toContainText(site);
  await expect(summary).toContainText("fjallbacka-fastigheter-ab.webex.com");
  const add = page.getByRole("button", { name: "Add 2 users" });
  await expect(add).toBeVisible();
  await shot(page, "summary-add-2-en");
  await toSwedish(page);
  await expect(page.getByRole("button", { name: "Lägg till 2 användare" })).toBeVisible();
  await shot(page, "summary-add-2-sv");
  await toEnglish(page);

  await add.click();
  await expect(page.getByText("2 users were added")).toBeVisible();
});
