import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs } from "../support/sign-in.ts";

// Partner Hub → Administrators (spec §12): a full administrator invites a partner administrator
// for two customers; the invitee opens the link in a browser of their own, chooses a password and
// sees exactly those two customers; once the full administrator disables them, their browser is
// signed out on its next request.
const INVITEE = { email: "petra.partner@partner.example", name: "Petra Partner" };
const PASSWORD = "Brave-Otter-Lamp-42";
const CUSTOMERS = ["Fjällbacka Fastigheter AB", "Norrsken Energi AB"];
const SHOTS = "test-results/administrators";

async function addCustomer(page: Page, name: string) {
  const dialog = page.getByRole("dialog", { name: "Invite administrator" });
  await dialog.getByLabel("Search customers to add").fill(name.split(" ")[0]!);
  await dialog.getByRole("button", { name: `Add ${name}` }).click();
  await expect(
    dialog.getByRole("list", { name: "Chosen customers" }).getByText(name),
  ).toBeVisible();
}

test("a full administrator invites a partner administrator for two customers, then disables them", async ({
  page,
  browser,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await page.getByRole("link", { name: "Administrators" }).click();
  await expect(page.getByRole("heading", { name: "Administrators", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Administrators" });
  await expect(table.getByText("admin@partner.example", { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/list-en.png`, fullPage: true });

  await page.getByRole("button", { name: "Invite administrator" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite administrator" });
  // Submitting empty says what is missing, by field.
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText("Enter an email address, e.g. name@example.com.")).toBeVisible();
  await dialog.getByLabel("Email").fill(INVITEE.email);
  await dialog.getByLabel("Name").fill(INVITEE.name);
  await expect(dialog.getByLabel("Role")).toHaveValue("partner_admin");
  for (const name of CUSTOMERS) await addCustomer(page, name);
  await dialog.getByRole("button", { name: "Send invitation" }).click();

  await expect(dialog.getByText(`${INVITEE.email} is invited.`)).toBeVisible();
  const link = dialog.getByLabel("Invitation link");
  const invitationUrl = await link.inputValue();
  expect(invitationUrl).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByRole("button", { name: "Copy link" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/invited-en.png` });
  await dialog.getByRole("button", { name: "Done" }).click();
  const row = table.getByRole("row").filter({ hasText: INVITEE.email });
  await expect(row.getByText("Invited")).toBeVisible();

  // The invitee, in a browser of their own.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(invitationUrl);
  await them.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await them.getByLabel("Confirm password").fill(PASSWORD);
  await them.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(them).toHaveURL(/\/partner\/customers$/);
  const customers = them.getByRole("table", { name: "Customers" });
  await expect(customers.getByRole("row")).toHaveCount(1 + CUSTOMERS.length);
  for (const name of CUSTOMERS) await expect(customers.getByText(name)).toBeVisible();
  // A partner administrator does not manage the partner's administrators.
  await expect(them.getByRole("link", { name: "Administrators" })).toHaveCount(0);

  // The full administrator sees them active with two customers, and disables them.
  await page.reload();
  await expect(row.getByText("Active")).toBeVisible();
  await expect(row.getByRole("cell", { name: "2", exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Disable" }).click();
  const confirm = page.getByRole("dialog", { name: `Disable ${INVITEE.name}?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();

  // Their next request finds the session gone: they are back at sign-in, and cannot sign in.
  await them.reload();
  await expect(them).toHaveURL(/\/sign-in/);
  await signIn(them, INVITEE.email, PASSWORD);
  await expect(them.getByText("Wrong email or password.")).toBeVisible();
  await theirs.close();

  // The partner audit log says who did what to whom.
  await page.getByRole("link", { name: "Audit log" }).click();
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(log.getByRole("row").filter({ hasText: "Administrator disabled" })).toContainText(
    INVITEE.email,
  );
  await expect(log.getByRole("row").filter({ hasText: "Invitation accepted" })).toBeVisible();

  await page.screenshot({ path: `${SHOTS}/audit-en.png`, fullPage: true });

  // Swedish, for the screenshots.
  await page.getByLabel("Language").selectOption("sv");
  await page.getByRole("link", { name: "Administratörer" }).click();
  await expect(page.getByRole("heading", { name: "Administratörer", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Administratörer" }).getByText("Inaktiverad"),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/list-sv.png`, fullPage: true });
  await page.getByRole("button", { name: "Bjud in administratör" }).click();
  const sv = page.getByRole("dialog", { name: "Bjud in administratör" });
  await sv.getByLabel("Sök kunder att lägga till").fill("Fjäll");
  await expect(
    sv.getByRole("button", { name: "Lägg till Fjällbacka Fastigheter AB" }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/invite-sv.png` });
});
