import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// A phone (390 × 844): the main journey works without the page scrolling sideways, and axe finds
// no WCAG 2.1 A/AA violation on any step. Tables may scroll inside their own box, never the page.
test.use({ viewport: { width: 390, height: 844 } });

async function expectFitsTheScreen(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `the page scrolls sideways on ${where}`).toBeLessThanOrEqual(innerWidth);
}

async function expectNoViolations(page: Page, where: string) {
  // Colours are judged as they end up: the customer panel fades in, and axe measuring mid-fade
  // finds text fainter than it will be.
  // (Endless ones — a loading shimmer — are not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(" ")})`,
  );
  expect(found, `accessibility violations on ${where}`).toEqual([]);
}

async function check(page: Page, where: string) {
  await expectFitsTheScreen(page, where);
  await expectNoViolations(page, where);
}

test("on a phone: sign in, find a customer, launch its Control Hub, open a user, add users", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeInViewport({ ratio: 1 });
  await check(page, "sign-in");

  await signInAs(page, "partnerFullAdmin");
  const customers = page.getByRole("table", { name: "Customers" });
  await expect(customers.getByRole("row").nth(1)).toBeVisible();
  // The name and the users against quota stay; columns that matter less give way.
  await expect(customers.getByRole("columnheader", { name: "Name" })).toBeVisible();
  await expect(customers.getByRole("columnheader", { name: /Users \/ quota/ })).toBeVisible();
  await check(page, "customers");

  // The navigation is a menu button: it opens, Escape closes it and focus returns to it.
  const menu = page.getByRole("button", { name: /^Menu/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  const hub = page.getByRole("navigation", { name: "Partner Hub" });
  await expect(hub.getByRole("link", { name: "Audit log" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(hub.getByRole("link", { name: "Audit log" })).toBeVisible();
  await check(page, "customers with the menu open");
  await hub.getByRole("link", { name: "Audit log" }).focus();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  // Choosing a page folds the menu again.
  await menu.click();
  await hub.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await hub.getByRole("link", { name: "Customers" }).click();

  await customers
    .getByRole("button", { name: /^Show details for / })
    .first()
    .click();
  const launch = page.getByRole("link", { name: "Launch Control Hub" });
  await expect(launch).toBeVisible();
  await check(page, "a customer's details");

  await launch.click();
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").nth(1)).toBeVisible();
  await expect(users.getByRole("columnheader", { name: "Email" })).toBeVisible();
  await check(page, "users");

  await users.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Package" })).toBeVisible();
  await check(page, "a user");

  await page.getByRole("link", { name: "Users", exact: true }).first().click();
  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "Manually add users" }).click();
  await expect(page.getByRole("heading", { name: "Manually add users", level: 1 })).toBeVisible();
  // One column: the email field takes the card's width, not a quarter of it.
  const email = page.getByRole("group", { name: "User 1" }).getByLabel("Email");
  const box = await email.boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  await check(page, "manually add users");
});

test("on a phone a customer admin sees their organisation above the menu, and no Partner Hub banner", async ({
  page,
}) => {
  await signInAs(page, "customerAdmin");
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").nth(1)).toBeVisible();
  const hub = page.getByRole("navigation", { name: "Control Hub" });
  await expect(hub.getByText("Fjällbacka Fastigheter AB")).toBeVisible();
  await expect(hub.getByRole("button", { name: /^Menu/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Partner Hub" })).toHaveCount(0);
  await check(page, "a customer admin's users");
});
