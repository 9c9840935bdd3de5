import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// A half-screen window or a small laptop (1024 px): the page never scrolls sideways, and the
// columns that name a row (name, email) keep their room while less important ones give way.
// On a wide screen (1440 px) the emails show whole.

async function expectNoSidewaysPageScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `the page scrolls sideways on ${where}`).toBeLessThanOrEqual(innerWidth);
}

async function expectColumnAtLeast(table: Locator, name: string, px: number) {
  const box = await table
    .getByRole("columnheader", { name: new RegExp(`^${name}\\b`) })
    .boundingBox();
  expect(box?.width, `column "${name}"`).toBeGreaterThanOrEqual(px);
}

/** Every cell of a column shows its whole text (no "…"). */
async function expectColumnUncut(table: Locator, name: string) {
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const index = headers.findIndex((h) => h.trim().startsWith(name));
  expect(index, `column "${name}"`).toBeGreaterThanOrEqual(0);
  const cut = await table.evaluate((t, i) => {
    const rows = [...t.querySelectorAll("tbody tr")];
    return rows.flatMap((row) => {
      const cells = [...row.querySelectorAll<HTMLElement>("td")].filter(
        (td) => getComputedStyle(td).display !== "none",
      );
      const cell = cells[i];
      if (!cell) return [];
      const text = cell.querySelector<HTMLElement>(".truncate") ?? cell;
      return text.scrollWidth > text.clientWidth + 1 ? [cell.innerText] : [];
    });
  }, index);
  expect(cut, `cut short in column "${name}"`).toEqual([]);
}

test.describe("1024 pixels", () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test("Users, Tasks and the Audit log of a customer: no sideways page scroll, names and emails readable", async ({
    page,
  }) => {
    await signInAs(page, "customerAdmin");
    const users = page.getByRole("table", { name: "Users" });
    await expect(users.getByRole("row").nth(1)).toBeVisible();
    await expectNoSidewaysPageScroll(page, "users");
    await expectColumnAtLeast(users, "Name", 150);
    await expectColumnAtLeast(users, "Email", 250); // was 33 pixels, then ~8 characters
    // The phone column gave way rather than the email.
    await expect(users.getByRole("columnheader", { name: "Phone number" })).toBeHidden();

    const hub = page.getByRole("navigation", { name: "Control Hub" });
    for (const [link, table, empty] of [
      ["Tasks", "CSV imports", "No CSV imports yet"],
      ["Audit log", "Audit log", "No changes recorded yet"],
      ["Administrators", "Administrators", "No administrators yet"],
    ] as const) {
      await hub.getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { name: link, level: 1 })).toBeVisible();
      await expect(
        page.getByRole("table", { name: table }).getByRole("row").nth(1).or(page.getByText(empty)),
      ).toBeVisible();
      await expectNoSidewaysPageScroll(page, link);
    }
  });

  test("Customers, Administrators and the Audit log of Partner Hub: no sideways page scroll", async ({
    page,
  }) => {
    await signInAs(page, "partnerFullAdmin");
    const customers = page.getByRole("table", { name: "Customers" });
    await expect(customers.getByRole("row").nth(1)).toBeVisible();
    await expectNoSidewaysPageScroll(page, "customers");
    await expectColumnAtLeast(customers, "Name", 150);
    await expectColumnUncut(customers, "Name");
    // Users against quota tells customers apart ("34 / 12,000").
    await expect(customers.getByRole("row").nth(1)).toContainText(/\d+ \/ [\d,]+/);

    const hub = page.getByRole("navigation", { name: "Partner Hub" });
    for (const [link, table] of [
      ["Administrators", "Administrators"],
      ["Audit log", "Audit log"],
    ] as const) {
      await hub.getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { name: link, level: 1 })).toBeVisible();
      await expect(
        page
          .getByRole("table", { name: table })
          .getByRole("row")
          .nth(1)
          .or(page.getByText("No changes recorded yet")),
      ).toBeVisible();
      await expectNoSidewaysPageScroll(page, link);
    }
  });
});

test.describe("1440 pixels", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("emails are whole in Users and in the manual-add summary", async ({ page }) => {
    await signInAs(page, "customerAdmin");
    const users = page.getByRole("table", { name: "Users" });
    await expect(users.getByRole("row").nth(1)).toBeVisible();
    await expectColumnUncut(users, "Email");

    await page.getByRole("button", { name: "Manage users" }).click();
    await page.getByRole("menuitem", { name: "Manually add users" }).click();
    const row = page.getByRole("group", { name: "User 1" });
    await row.getByLabel("First name").fill("Maximiliana");
    await row.getByLabel("Last name").fill("Fagerström-Lindqvist");
    await row.getByLabel("Email").fill("maximiliana.fagerstrom-lindqvist@fjallbacka.example");
    await row.getByLabel("Package").selectOption("webex_meetings");
    await page.getByRole("button", { name: "Next" }).click();
    const summary = page.getByRole("table", { name: /users to add/i });
    await expect(summary.getByRole("row").nth(1)).toBeVisible();
    await expectColumnUncut(summary, "Email");
  });
});
