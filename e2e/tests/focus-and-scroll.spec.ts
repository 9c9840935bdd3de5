import { expect, test } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// Keyboard and screen-reader users keep their place: closing the customer panel returns focus to
// the row that opened it, Back from a user returns to the same spot of the list, and opening the
// panel leaves the page's title where it was.
test.use({ viewport: { width: 1440, height: 800 } });

test("Escape on the customer panel returns focus to the row that opened it; the title stays in view", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  const customers = page.getByRole("table", { name: "Customers" });
  const opener = customers.getByRole("button", { name: /^Show details for / }).nth(2);
  await expect(opener).toBeVisible();
  const name = await opener.getAttribute("aria-label");

  await opener.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary");
  await expect(panel.getByRole("link", { name: "Launch Control Hub" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(customers.getByRole("button", { name: name! })).toBeFocused();

  // The close button does the same.
  await customers.getByRole("button", { name: name! }).click();
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(customers.getByRole("button", { name: name! })).toBeFocused();
});

test("Back from a user page returns to the same place in the users list", async ({ page }) => {
  await signInAs(page, "customerAdmin");
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").nth(1)).toBeVisible();
  await page
    .getByRole("navigation", { name: "Pagination" })
    .getByLabel("Rows per page")
    .selectOption("100");
  await expect(users.getByRole("row")).toHaveCount(101);

  const row = users.getByRole("row").nth(60);
  await row.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(1000);

  const link = row.getByRole("link").first();
  const who = await link.innerText();
  await link.click();
  await expect(page.getByRole("heading", { name: who, level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(100);

  await page.goBack();
  await expect(users.getByRole("link", { name: who })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 50);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 50);
});

test("a customer admin's tabs name their organisation, without a 'Managing' banner or a way to Partner Hub", async ({
  page,
}) => {
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Users · Fjällbacka Fastigheter AB · Control Hub");
  await expect(page.getByText(/^Managing /)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to Partner Hub" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Control Hub" }).getByText("Fjällbacka Fastigheter AB"),
  ).toBeVisible();

  // A user that is not there: the way back to the list, not "Try again".
  const usersUrl = page.url();
  await page.goto(`${usersUrl}/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { name: "User not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});

test("a partner's tabs name the customer being managed", async ({ page }) => {
  await signInAs(page, "partnerFullAdmin");
  // Straight on without waiting for the search to be committed: a search still pending when the
  // Control Hub opens is dropped, not followed by a navigation back to the list (search-race.spec).
  await page.getByRole("searchbox", { name: /Search/ }).fill("Norrsken");
  const customers = page.getByRole("table", { name: "Customers" });
  await customers.getByRole("button", { name: "Show details for Norrsken Energi AB" }).click();
  await page.getByRole("link", { name: "Launch Control Hub" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Users · Norrsken Energi AB · Control Hub");
  await expect(page.getByText("Managing Norrsken Energi AB")).toBeVisible();
});
