import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ownServer } from "../support/own-server.ts";

// The first administrator's journey on a database with nobody in it (spec §10, §12):
// `pnpm admin:create` prints a one-time link; opened in a fresh browser it shows whose it is,
// refuses a weak password with a reason a person can act on, and signs them in with a good one.
const server = ownServer(Number(process.env.E2E_OWN_PORT ?? 3152));

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const printed = await server.adminCreate([
    "--partner",
    "Aurora Telecom AB",
    "--email",
    "first.admin@aurora.example",
    "--name",
    "Frida Admin",
  ]);
  invitationUrl = /http:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/.exec(printed)?.[0] ?? "";
  expect(invitationUrl, printed).not.toBe("");
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
});

let invitationUrl = "";

async function expectNoViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(" ")})`),
    `accessibility violations on ${where}`,
  ).toEqual([]);
}

test("the first administrator accepts the invitation admin:create printed and lands signed in", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(invitationUrl);

  await expect(page.getByRole("heading", { name: "Accept your invitation" })).toBeVisible();
  await expect(page.getByText("You are invited to administer Aurora Telecom AB.")).toBeVisible();
  await expect(page.getByText("first.admin@aurora.example")).toBeVisible();

  const password = page.getByLabel("Password", { exact: true });
  const confirm = page.getByLabel("Confirm password");
  await password.fill("password1234");
  await confirm.fill("password1234");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(
    page.getByText("This password is among the most commonly used ones: choose another."),
  ).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "the invitation page refusing a password");

  await password.fill("first.admin-Aurora-2026");
  await expect(
    page.getByText("Do not use your email name “first.admin” in the password."),
  ).toBeVisible();

  await password.fill("Brave-Otter-Lamp-42");
  await confirm.fill("Brave-Otter-Lamp-42");
  await expect(page.getByRole("status").getByText("This password meets the rules.")).toBeVisible();
  await confirm.press("Enter");

  await expect(page).toHaveURL(/\/partner\/customers$/);
  await expect(page.getByRole("heading", { name: "Customers" })).toBeVisible();
  await expect(page.getByText("Frida Admin")).toBeVisible();

  // The link worked once: opened again it says so, and shows nothing of the account.
  const again = await context.newPage();
  await again.goto(invitationUrl);
  await expect(
    again.getByRole("heading", { name: "This invitation cannot be used" }),
  ).toBeVisible();
  await expect(again.getByText("This invitation has already been used.")).toBeVisible();
  await expect(again.getByText("first.admin@aurora.example")).toHaveCount(0);
  await expectNoViolations(again, "a used invitation");

  // My account and forgot password (no mail configured here: it says to ask an administrator).
  await page.getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await expectNoViolations(page, "my account");
  await again.goto(`${server.baseURL}/forgot-password`);
  await expect(again.getByText(/Ask an administrator of your organisation/)).toBeVisible();
  await expectNoViolations(again, "forgot password");
  await context.close();
});
