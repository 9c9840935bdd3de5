import fs from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { shot } from "../support/screenshot.ts";
import { signInAs } from "../support/sign-in.ts";

// Issue 15, the things a daily user trips on: a read-only administrator keeps the downloads and
// is told why there is nothing else; the package dialog tells packages apart and suggests an
// extension; the audit log filters by administrator and exports what it shows.
const CUSTOMER = "Fjällbacka Fastigheter AB";

async function expectNoViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(" ")})`,
  );
  expect(found, `accessibility violations on ${where}`).toEqual([]);
}

async function toSwedish(page: Page) {
  await page.getByLabel("Language").selectOption({ label: "Svenska" });
}

async function customerIdOf(page: Page, name: string): Promise<string> {
  const res = await page.request.get(`/api/v1/customers?search=${encodeURIComponent(name)}`);
  const body = (await res.json()) as { items: { id: string; name: string }[] };
  const found = body.items.find((c) => c.name === name);
  if (!found) throw new Error(`no customer ${name}`);
  return found.id;
}

test("a read-only administrator exports and downloads the template, and is told why there is nothing else", async ({
  page,
}) => {
  await signInAs(page, "partnerReadonlyAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const customerId = await customerIdOf(page, CUSTOMER);
  await page.goto(`/customers/${customerId}/users`);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Manage users" }).click();
  const menu = page.getByRole("menu");
  await expect(menu).toHaveAccessibleDescription(
    "Read-only access: you can view and export, not change.",
  );
  await expect(
    menu.getByText("Read-only access: you can view and export, not change."),
  ).toBeVisible();
  await expect(menu.getByRole("menuitem")).toHaveText(["Export CSV", "Download CSV template"]);
  await shot(page, "read-only-menu-en", { fullPage: false });
  await expectNoViolations(page, "the read-only Manage users menu");

  const day = new Date().toISOString().slice(0, 10);
  const exported = page.waitForEvent("download");
  await menu.getByRole("menuitem", { name: "Export CSV" }).click();
  const file = await exported;
  expect(file.suggestedFilename()).toBe(`${CUSTOMER} users ${day}.csv`);
  const text = fs.readFileSync(await file.path(), "utf8");
  const emails = text
    .split("\r\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(",")[0]!.toLowerCase());
  expect(emails.length).toBeGreaterThan(10);
  expect(emails).toEqual([...emails].sort());

  // The template's example names one of this customer's own locations.
  await page.getByRole("button", { name: "Manage users" }).click();
  const template = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Download CSV template" }).click();
  const templateText = fs.readFileSync(await (await template).path(), "utf8");
  expect(templateText).toMatch(/,Fjällbacka HQ,|,[^,]+ (HQ|kontor),/);
  await page.keyboard.press("Escape");

  // The user page, the locations and the settings say so where their actions would be.
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("note")).toHaveText(/Read-only access/);
  await expect(page.getByRole("button", { name: "Change package" })).toHaveCount(0);
  await shot(page, "read-only-user-en", { fullPage: false });
  await page.goto(`/customers/${customerId}/locations`);
  await expect(page.getByRole("heading", { name: "Locations", level: 1 })).toBeVisible();
  await expect(page.getByRole("note")).toHaveText(/Read-only access/);
  await page.goto(`/customers/${customerId}/settings`);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByRole("note")).toHaveText(/Read-only access/);

  await page.goto(`/customers/${customerId}/users`);
  await toSwedish(page);
  await page.getByRole("button", { name: "Hantera användare" }).click();
  await expect(page.getByRole("menu")).toHaveAccessibleDescription(/Skrivskyddad åtkomst/);
  await shot(page, "read-only-menu-sv", { fullPage: false });
});

test("the package dialog tells the calling packages apart, links its errors to the fields and suggests the next free extension", async ({
  page,
}) => {
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const me = (await (await page.request.get("/api/v1/auth/me")).json()) as {
    customerId: string;
    csrfToken: string;
  };
  const run = Date.now().toString(36);
  const created = await page.request.post(`/api/v1/customers/${me.customerId}/users`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: {
      users: [
        {
          email: `everyday.${run}@customer.example`,
          firstName: "Vardag",
          lastName: run,
          package: "webex_meetings",
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const user = ((await created.json()) as { items: { id: string; displayName: string }[] })
    .items[0]!;
  await page.goto(`/customers/${me.customerId}/users/${user.id}`);
  await expect(page.getByRole("heading", { name: user.displayName, level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Change package" }).click();
  const dialog = page.getByRole("dialog", { name: "Change package" });
  // Four calling packages, four different descriptions.
  const descriptions = await Promise.all(
    ["Webex Calling", "Webex Voice", "Webex Calling Standard", "Customer Assist"].map(
      async (name) => {
        const radio = dialog.getByRole("radio", { name, exact: true });
        await expect(radio).toHaveAccessibleDescription(/^\S.{30,}/);
        // The first of its descriptions is what sets it apart (the second, its free seats).
        const [aboutId = ""] = ((await radio.getAttribute("aria-describedby")) ?? "").split(" ");
        return dialog.locator(`[id="${aboutId}"]`).textContent();
      },
    ),
  );
  expect(new Set(descriptions).size).toBe(4);
  await expect(dialog.getByText(/Calling only: a phone number with voicemail/)).toBeVisible();

  await dialog.getByRole("radio", { name: "Webex Calling", exact: true }).check();
  // The calling fields come into view as they appear.
  await expect(dialog.getByLabel("Location")).toBeInViewport();

  // Change with nothing filled: the summary links to each field with an error.
  await dialog.getByRole("button", { name: "Change", exact: true }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toBeFocused();
  const locationLink = alert.getByRole("link", { name: /^Location:/ });
  await expect(locationLink).toBeVisible();
  await shot(page, "change-package-errors-en", { fullPage: false });
  await locationLink.click();
  await expect(dialog.getByLabel("Location")).toBeFocused();

  await dialog.getByLabel("Location").selectOption({ index: 1 });
  const suggestion = dialog.getByText(/^Suggested: \d+, the next free extension at /);
  await expect(suggestion).toBeVisible();
  const suggested = /Suggested: (\d+)/.exec((await suggestion.textContent()) ?? "")?.[1] ?? "";
  await shot(page, "change-package-suggestion-en", { fullPage: false });
  await expectNoViolations(page, "the package dialog with a suggested extension");
  await dialog.getByRole("button", { name: `Use ${suggested}` }).click();
  await expect(dialog.getByLabel("Extension")).toHaveValue(suggested);
  await dialog.getByRole("button", { name: "Change", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `${user.displayName} now has Webex Calling.` }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" })).toContainText(suggested);
  // One phrase for a change made in the package dialog.
  const recent = page.getByRole("region", { name: "Recent changes" });
  await expect(recent.getByText("Package changed", { exact: true })).toBeVisible();

  await toSwedish(page);
  await page.getByRole("button", { name: "Byt paket" }).click();
  const dialogSv = page.getByRole("dialog", { name: "Byt paket" });
  await dialogSv.getByRole("radio", { name: "Webex Voice", exact: true }).check();
  await expect(dialogSv.getByText(/Endast samtal/)).toBeVisible();
  await shot(page, "change-package-sv", { fullPage: false });
});

test("the audit log filters by administrator, keeps the filter in the URL and exports what it shows", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const customerId = await customerIdOf(page, CUSTOMER);
  const me = (await (await page.request.get("/api/v1/auth/me")).json()) as { csrfToken: string };
  // A change by the partner administrator, beside the customer administrator's own.
  const added = await page.request.post(`/api/v1/customers/${customerId}/users`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: {
      users: [
        {
          email: `audit.${Date.now().toString(36)}@customer.example`,
          firstName: "Logg",
          lastName: "Filter",
          package: "webex_meetings",
        },
      ],
    },
  });
  expect(added.status(), await added.text()).toBe(201);

  await page.goto(`/customers/${customerId}/audit`);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(log.getByRole("row").nth(1)).toBeVisible();

  await page.getByLabel("Administrator").fill("full.admin@");
  await expect(page).toHaveURL(/actor=full\.admin%40/);
  await expect(log.getByRole("row").nth(1)).toContainText("full.admin@partner.example");
  // Only the partner administrator's events remain (the customer administrator made others).
  await expect(log.getByRole("row").filter({ hasText: "admin@customer.example" })).toHaveCount(0);
  await shot(page, "audit-filtered-en", { fullPage: false });
  await expectNoViolations(page, "the filtered audit log");

  // Reload keeps the filter.
  await page.reload();
  await expect(page.getByLabel("Administrator")).toHaveValue("full.admin@");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^Fjällbacka Fastigheter AB audit log \d{4}-\d\d-\d\d\.csv$/,
  );
  const lines = fs
    .readFileSync(await file.path(), "utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  expect(lines[0]).toBe("When,Administrator,Customer,User,Action,Source,CSV task,CSV row,Changes");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line.split(",")[1]).toBe("full.admin@partner.example");

  // Nobody by that name: a way back to the whole log.
  await page.getByLabel("Administrator").fill("nobody-at-all");
  await expect(page.getByText("No changes match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page.getByLabel("Administrator")).toHaveValue("");

  await page.getByLabel("Administrator").fill("full.admin@");
  await expect(page).toHaveURL(/actor=full\.admin%40/);
  await toSwedish(page);
  await expect(log.getByRole("row").filter({ hasText: "admin@customer.example" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Granskningslogg", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Exportera CSV" })).toBeVisible();
  await shot(page, "audit-filtered-sv", { fullPage: false });
});
