import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// Spec §11 Delete customer: a partner full administrator types the customer's name to confirm
// (a wrong name keeps the button disabled); the customer leaves the list and its Control Hub URL
// shows a not-found state with the way back. Screenshots in English and Swedish go to
// test-results/delete-customer/ for review.

const SHOTS = "test-results/delete-customer";

/**
 * Demo customers from the end of the alphabet that no other journey uses (not Fjällbacka or
 * Norrsken, which have customer administrators; customer-settings takes them from the start).
 */
async function spareCustomers(page: Page): Promise<{ id: string; name: string }[]> {
  const list = (await (
    await page.request.get("/api/v1/customers?status=active&sort=name&order=desc&max=10")
  ).json()) as { items: { id: string; name: string; userCount: number }[] };
  return list.items.filter((c) => !/Fjällbacka|Norrsken/.test(c.name) && c.userCount > 0);
}

test("a partner deletes a customer by typing its name; it leaves the list and its Control Hub is not found", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const customer = (await spareCustomers(page))[0]!;

  await page.getByLabel("Search customers").fill(customer.name);
  const table = page.getByRole("table", { name: "Customers" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("button", { name: `Show details for ${customer.name}` }).click();
  const panel = page.getByRole("complementary").filter({ hasText: customer.name });
  const open = panel.getByRole("button", { name: "Delete customer" });

  // Escape closes the dialog, not the panel, and gives focus back to the button that opened it.
  await open.click();
  const dialog = page.getByRole("dialog", { name: `Delete ${customer.name}?` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await open.click();
  await expect(dialog.getByText(/\d+ users?$/)).toBeVisible();
  await expect(dialog.getByText(/customer administrators?/)).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Delete customer" });
  const typed = dialog.getByLabel(`Type the customer’s name to confirm: ${customer.name}`);
  await expect(confirm).toBeDisabled();
  // The name in other capitals is not the name.
  await typed.fill(customer.name.toUpperCase());
  await expect(confirm).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/dialog-wrong-name-en.png` });
  await typed.fill(customer.name);
  await expect(confirm).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/dialog-en.png` });
  await confirm.click();

  const notice = page.getByRole("status").filter({ hasText: `${customer.name} was deleted.` });
  await expect(notice).toBeVisible();
  await expect(notice).toBeFocused();
  await expect(panel).toBeHidden();
  await expect(page.getByText(`No customers match “${customer.name}”`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/deleted-en.png` });

  await page.goto(`/customers/${customer.id}/users`);
  await expect(page.getByRole("heading", { name: "Customer not found" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/control-hub-not-found-en.png` });
  await page.getByRole("link", { name: "Back to Partner Hub" }).click();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();

  // Its events stay in the partner's audit log, the deletion first, naming the customer.
  await page.getByRole("link", { name: "Audit log" }).click();
  const deletion = page
    .getByRole("row")
    .filter({ hasText: "Customer deleted" })
    .filter({ hasText: customer.name });
  await expect(deletion.first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/audit-log-en.png` });
});

test("in Swedish: the dialog and the notice, and an open Control Hub turns not found", async ({
  page,
  browser,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await page.evaluate(`localStorage.setItem("partnerhub.language", "sv")`);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Kunder", level: 1 })).toBeVisible();
  const customer = (await spareCustomers(page))[0]!;

  // Someone else has the customer's Control Hub open meanwhile.
  const other = await browser.newPage();
  await signInAs(other, "partnerReadonlyAdmin");
  await expect(other.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await other.goto(`/customers/${customer.id}/users`);
  await expect(other.getByText(`Managing ${customer.name}`)).toBeVisible();

  await page.getByLabel("Sök kunder").fill(customer.name);
  const table = page.getByRole("table", { name: "Kunder" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("row").nth(1).getByRole("button").first().click();
  const panel = page.getByRole("complementary").filter({ hasText: customer.name });
  await panel.getByRole("button", { name: "Ta bort kund" }).click();
  const dialog = page.getByRole("dialog", { name: `Ta bort ${customer.name}?` });
  await dialog
    .getByLabel(`Skriv kundens namn för att bekräfta: ${customer.name}`)
    .fill(customer.name);
  await page.screenshot({ path: `${SHOTS}/dialog-sv.png` });
  await dialog.getByRole("button", { name: "Ta bort kund" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `${customer.name} har tagits bort.` }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/deleted-sv.png` });

  // The other person's next request finds the customer gone: the whole hub says so.
  await other.getByRole("link", { name: "Locations" }).click();
  await expect(other.getByRole("heading", { name: "Customer not found" })).toBeVisible();
  await expect(other.getByRole("link", { name: "Back to Partner Hub" })).toBeVisible();
  await other.evaluate(`localStorage.setItem("partnerhub.language", "sv")`);
  await other.reload();
  await expect(other.getByRole("heading", { name: "Kunden hittades inte" })).toBeVisible();
  await other.screenshot({ path: `${SHOTS}/control-hub-not-found-sv.png` });
  await other.close();
});

test("a partner deletes a customer from its Control Hub settings and is back at the list", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const customer = (await spareCustomers(page))[0]!;
  await page.goto(`/customers/${customer.id}/settings`);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Delete customer" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${customer.name}?` });
  await dialog
    .getByLabel(`Type the customer’s name to confirm: ${customer.name}`)
    .fill(customer.name);
  await dialog.getByRole("button", { name: "Delete customer" }).click();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const notice = page.getByRole("status").filter({ hasText: `${customer.name} was deleted.` });
  await expect(notice).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/deleted-from-settings-en.png` });

  // The notice is said once: a reload shows the list without it.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Customers" })
      .getByRole("button", { name: /^Show details for / }),
  ).not.toHaveCount(0);
  await expect(notice).toHaveCount(0);
  await expect(page.getByText("was deleted")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/deleted-from-settings-reloaded-en.png` });
});
