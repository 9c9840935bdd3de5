import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// Admins use these pages all day, some with a screen reader, a keyboard only or a zoomed, low
// contrast screen: every page of the main journeys goes through axe-core's WCAG 2.1 A and AA
// rules, in the state people see it in (data loaded, a panel open). Automated rules catch part
// of WCAG (contrast, names, roles, structure), not all of it.

async function expectNoViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(" ")})`,
  );
  expect(found, `accessibility violations on ${where}`).toEqual([]);
}

test("axe finds no WCAG 2.1 A or AA violation on sign-in, Partner Hub or any Control Hub page", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expectNoViolations(page, "sign-in");

  await signInAs(page, "partnerFullAdmin");
  const customers = page.getByRole("table", { name: "Customers" });
  await expect(customers.getByRole("row").nth(1)).toBeVisible();
  await customers
    .getByRole("button", { name: /^Show details for / })
    .first()
    .click();
  await expect(page.getByRole("link", { name: "Launch Control Hub" })).toBeVisible();
  await expectNoViolations(page, "customers with a customer's details open");

  await page.getByRole("link", { name: "Launch Control Hub" }).click();
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").nth(1)).toBeVisible();
  await expectNoViolations(page, "users");

  const hub = page.getByRole("navigation", { name: "Control Hub" });
  await users.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Package" })).toBeVisible();
  await expectNoViolations(page, "a user");

  // Each page once loaded: its table's first row, or its empty state.
  const loaded = (table: string, empty: string) =>
    page.getByRole("table", { name: table }).getByRole("row").nth(1).or(page.getByText(empty));
  for (const [link, table, empty] of [
    ["Locations", "Locations", "No locations yet"],
    ["Tasks", "CSV imports", "No CSV imports yet"],
    ["Audit log", "Audit log", "No changes recorded yet"],
  ] as const) {
    await hub.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { name: link, level: 1 })).toBeVisible();
    await expect(loaded(table, empty)).toBeVisible();
    await expectNoViolations(page, link);
  }

  await hub.getByRole("link", { name: "Users" }).click();
  for (const item of ["Manually add users", "CSV add or edit"]) {
    await page.getByRole("button", { name: "Manage users" }).click();
    await page.getByRole("menuitem", { name: item }).click();
    await expect(page.getByRole("heading", { name: item, level: 1 })).toBeVisible();
    await expectNoViolations(page, item);
    await page.goBack();
  }
});
