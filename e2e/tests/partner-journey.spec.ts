import { expect, test } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

test("a partner finds a customer, launches its Control Hub, opens a user and goes back", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();

  await page.getByLabel("Search customers").fill("fjällbacka fast");
  const table = page.getByRole("table", { name: "Customers" });
  await expect(table.getByRole("row")).toHaveCount(2); // header + the one match
  await expect(page).toHaveURL(/search=/); // the search is in the URL: shareable, reload-safe

  await table.getByRole("button", { name: "Show details for Fjällbacka Fastigheter AB" }).click();
  const panel = page
    .getByRole("complementary")
    .or(page.getByRole("dialog"))
    .filter({ hasText: "Fjällbacka Fastigheter AB" });
  await expect(panel.getByText("NT-10001")).toBeVisible();
  await panel
    .getByRole("button", { name: "Launch Control Hub" })
    .or(panel.getByRole("link", { name: "Launch Control Hub" }))
    .click();

  await expect(page.getByText("Managing Fjällbacka Fastigheter AB")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").nth(1)).toBeVisible();

  // The Control Hub URL survives a reload.
  const hubUrl = page.url();
  await page.reload();
  await expect(page.getByText("Managing Fjällbacka Fastigheter AB")).toBeVisible();
  expect(page.url()).toBe(hubUrl);

  const firstUser = users.getByRole("row").nth(1).getByRole("link").first();
  const name = (await firstUser.textContent())!.trim();
  await firstUser.click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Package" })).toBeVisible();

  await page.getByRole("link", { name: "Back to Partner Hub" }).click();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
});

test("the interface speaks Swedish when asked, and remembers it", async ({ page }) => {
  await signInAs(page, "partnerFullAdmin");
  await page.getByLabel("Language").selectOption({ label: "Svenska" });
  await expect(page.getByRole("heading", { name: "Kunder", level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Kunder", level: 1 })).toBeVisible();
});
