import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../support/demo-accounts.ts";
import { signInAs } from "../support/sign-in.ts";

test("a customer admin lands in their own Control Hub and cannot reach another customer by URL", async ({
  page,
  playwright,
  baseURL,
}) => {
  // Another customer's id, as a partner sees it.
  const partner = await playwright.request.newContext({ baseURL });
  await partner.post("/api/v1/auth/login", {
    data: { email: DEMO_ACCOUNTS.partnerFullAdmin, password: DEMO_PASSWORD },
  });
  const other = (await (await partner.get("/api/v1/customers?search=Norrsken%20Energi")).json())
    .items[0];
  expect(other.name).toBe("Norrsken Energi AB");
  await partner.dispose();

  await signInAs(page, "customerAdmin");
  // Their own organisation heads the navigation; they are not "managing" it from a Partner Hub.
  const nav = page.getByRole("navigation").filter({ hasText: "Fjällbacka Fastigheter AB" });
  await expect(nav).toBeVisible();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByText(/^Managing/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to Partner Hub" })).toHaveCount(0);

  await page.goto(`/customers/${other.id}/users`);
  await expect(page.getByRole("heading", { name: "Customer not found" })).toBeVisible();
  await expect(page.getByText("Norrsken")).toHaveCount(0);
  // The server refuses too, with the answer a missing customer gets.
  const api = await page.request.get(`/api/v1/customers/${other.id}/users`);
  expect(api.status()).toBe(404);

  // Partner Hub is not theirs either.
  await page.goto("/partner/customers");
  await expect(nav).toBeVisible();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toHaveCount(0);
});

test("the read-only partner administrator sees customers and users but no action that changes anything", async ({
  page,
}) => {
  await signInAs(page, "partnerReadonlyAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await page.getByLabel("Search customers").fill("NT-10001");
  await page.getByRole("button", { name: "Show details for Fjällbacka Fastigheter AB" }).click();
  await page
    .getByRole("button", { name: "Launch Control Hub" })
    .or(page.getByRole("link", { name: "Launch Control Hub" }))
    .click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row").nth(1)).toBeVisible();
  // Only what changes nothing: the downloads (spec §3), under a read-only note.
  await page.getByRole("button", { name: "Manage users" }).click();
  await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText([
    "Export CSV",
    "Download CSV template",
  ]);
  await page.keyboard.press("Escape");

  await page
    .getByRole("table", { name: "Users" })
    .getByRole("row")
    .nth(1)
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Package" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Change package" })).toHaveCount(0);

  // Typing the address of a write page does not help either.
  await page.goto(page.url().replace(/\/users\/.*$/, "/users/add"));
  await expect(page.getByRole("button", { name: /Next/ })).toHaveCount(0);
});
