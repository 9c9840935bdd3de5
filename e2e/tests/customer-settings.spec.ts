import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// Spec §11: Packages and quotas refuse a quota below usage and say who holds the package;
// locations are added and deleted (refused while users belong to one); a suspended customer's
// Control Hub says so, who can lift it, and offers no changes.

const SHOTS = "test-results/customer-settings";

interface CustomerJson {
  id: string;
  name: string;
  version: number;
  quotas: { package: string; maxUsers: number; assignedUsers: number }[];
}

/**
 * An active demo customer that the other journeys do not use (not Fjällbacka or Norrsken, the
 * two with customer administrators), so suspending it cannot disturb them.
 */
async function spareCustomer(page: Page, skip = 0): Promise<CustomerJson> {
  const list = (await (
    await page.request.get("/api/v1/customers?status=active&sort=name&max=20")
  ).json()) as { items: { id: string; name: string }[] };
  const spare = list.items.filter((c) => !/Fjällbacka|Norrsken/.test(c.name))[skip];
  if (!spare) throw new Error("no spare active customer in the demo");
  return (await (await page.request.get(`/api/v1/customers/${spare.id}`)).json()) as CustomerJson;
}

async function inSwedish(page: Page) {
  // The choice the language switch remembers (apps/web/src/lib/language.ts).
  await page.evaluate(`localStorage.setItem("partnerhub.language", "sv")`);
  await page.reload();
}

test("a partner lowers a quota below usage and is told how many hold it, with a link to them", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const customer = await spareCustomer(page, 0);
  const held = customer.quotas.find((q) => q.assignedUsers > 1);
  if (!held) throw new Error(`${customer.name} has no package held by two users`);
  const catalogue = (await (await page.request.get("/api/v1/packages")).json()) as {
    items: { id: string; displayName: string }[];
  };
  const packageName = catalogue.items.find((p) => p.id === held.package)!.displayName;

  await page.goto(`/customers/${customer.id}/settings`);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(customer.name);
  await page.screenshot({ path: `${SHOTS}/settings-en.png`, fullPage: true });

  const quota = page.getByLabel(`Quota of ${packageName}`, { exact: true });
  await quota.fill("1");
  await page.getByRole("button", { name: "Save quotas" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "The quotas were not changed" });
  await expect(refusal).toContainText(
    `${packageName} is held by ${held.assignedUsers} users, so its quota cannot be lower than ${held.assignedUsers}.`,
  );
  await refusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/quota-refusal-en.png` });
  // Nothing changed on the server.
  const after = (await (
    await page.request.get(`/api/v1/customers/${customer.id}`)
  ).json()) as CustomerJson;
  expect(after.quotas).toEqual(customer.quotas);

  // The link leads to exactly those users.
  await refusal.getByRole("link", { name: `View the ${held.assignedUsers} users` }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`package=${held.package}`));
  await expect(page.getByLabel("Package", { exact: true })).toHaveValue(held.package);

  // The same refusal, in Swedish.
  await page.goto(`/customers/${customer.id}/settings`);
  await inSwedish(page);
  await expect(page.getByRole("heading", { name: "Inställningar", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Namn", { exact: true })).toHaveValue(customer.name);
  await page.screenshot({ path: `${SHOTS}/settings-sv.png`, fullPage: true });
  await page.getByLabel(`Kvot för ${packageName}`, { exact: true }).fill("1");
  await page.getByRole("button", { name: "Spara kvoter" }).click();
  const svRefusal = page.getByRole("alert").filter({ hasText: "Kvoterna ändrades inte" });
  await expect(svRefusal).toContainText(`används av ${held.assignedUsers} användare`);
  await svRefusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/quota-refusal-sv.png` });
});

test("a location is added, one in use cannot be deleted, and the new one is deleted", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const customer = await spareCustomer(page, 1);
  const name = `Kontor ${Date.now().toString(36)}`;

  await page.goto(`/customers/${customer.id}/locations`);
  await expect(page.getByRole("heading", { name: "Locations", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add location" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a location" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Street").fill("Storgatan 12");
  await dialog.getByLabel("City").fill("Uppsala");
  await dialog.getByLabel("Time zone").fill("Mars/Olympus");
  await dialog.getByRole("button", { name: "Save" }).click();
  // An unknown time zone is refused beside the field, before anything is sent.
  await expect(dialog.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Time zone").fill("Europe/Oslo");
  await page.screenshot({ path: `${SHOTS}/location-dialog-en.png` });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} was saved.` })).toBeVisible();
  const table = page.getByRole("table", { name: "Locations" });
  const row = table.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Europe/Oslo");

  // A location users belong to: refused with the count and a link to them.
  const used = table
    .getByRole("row")
    .filter({ hasNot: page.getByText(name) })
    .filter({ has: page.getByRole("button", { name: /^Delete / }) })
    .first();
  await used.getByRole("button", { name: /^Delete / }).click();
  const confirm = page.getByRole("dialog", { name: /^Delete .*\?$/ });
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  const inUse = confirm.getByRole("alert");
  await expect(inUse).toContainText(/cannot be deleted: \d+ users belong to it/);
  await expect(inUse.getByRole("link", { name: /View the \d+ users/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/location-in-use-en.png` });
  await confirm.getByRole("button", { name: "Cancel" }).click();

  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await page
    .getByRole("dialog", { name: `Delete ${name}?` })
    .getByRole("button", { name: "Delete", exact: true })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `${name} was deleted.` })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/locations-en.png`, fullPage: true });

  await inSwedish(page);
  await expect(page.getByRole("heading", { name: "Platser", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Platser" }).getByRole("row").nth(1)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/locations-sv.png`, fullPage: true });
  await page.getByRole("button", { name: "Lägg till plats" }).click();
  await page.screenshot({ path: `${SHOTS}/location-dialog-sv.png` });
});

test("a partner suspends a customer: its Control Hub says so and refuses changes until reactivated", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const customer = await spareCustomer(page, 2);

  await page.getByLabel("Search customers").fill(customer.name);
  const table = page.getByRole("table", { name: "Customers" });
  await table.getByRole("button", { name: `Show details for ${customer.name}` }).click();
  const panel = page.getByRole("complementary").filter({ hasText: customer.name });
  await panel.getByRole("button", { name: "Suspend organisation" }).click();
  const confirm = page.getByRole("dialog", { name: `Suspend ${customer.name}?` });
  await expect(confirm).toContainText("until a partner administrator reactivates it");
  // Escape closes the confirmation only; the panel behind it stays open.
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: "Suspend organisation" }).click();
  await confirm.getByRole("button", { name: "Suspend organisation" }).click();
  await expect(panel.getByText("Suspended", { exact: true })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Reactivate organisation" })).toBeVisible();

  await panel.getByRole("link", { name: "Launch Control Hub" }).click();
  const banner = page.getByRole("status").filter({ hasText: "This organisation is suspended" });
  await expect(banner).toContainText("Only the partner’s administrators can reactivate it.");
  // Actions that would fail are not offered.
  await page.getByRole("button", { name: "Manage users" }).click();
  await expect(page.getByRole("menuitem", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Manually add users" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await page.screenshot({ path: `${SHOTS}/suspended-users-en.png` });
  await page.getByRole("link", { name: "Locations" }).click();
  await expect(page.getByRole("heading", { name: "Locations", level: 1 })).toBeVisible();
  await expect(banner).toBeVisible();
  await expect(page.getByRole("button", { name: "Add location" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);

  // And the server refuses them anyway.
  const me = (await (await page.request.get("/api/v1/auth/me")).json()) as { csrfToken: string };
  const refused = await page.request.post(`/api/v1/customers/${customer.id}/locations`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: {
      name: "Nej",
      address: { street: "a", city: "b", country: "SE" },
      timeZone: "Europe/Stockholm",
    },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).code).toBe("customer_suspended");

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("button", { name: "Save quotas" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/suspended-settings-en.png`, fullPage: true });
  await inSwedish(page);
  await expect(
    page.getByRole("status").filter({ hasText: "Organisationen är spärrad" }),
  ).toContainText("Bara partnerns administratörer kan häva spärren.");
  await page.screenshot({ path: `${SHOTS}/suspended-settings-sv.png`, fullPage: true });

  // Reactivated, the banner goes and the actions come back.
  await page.getByRole("button", { name: "Återaktivera organisationen" }).click();
  await page
    .getByRole("dialog", { name: `Återaktivera ${customer.name}?` })
    .getByRole("button", { name: "Återaktivera organisationen" })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: "Organisationen är spärrad" }),
  ).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Spara kvoter" })).toBeVisible();
});
