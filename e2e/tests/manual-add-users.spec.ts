import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// Spec §5: at most 25 users at a time, every row judged before anything is added, all or none.
const MAX_USERS = 25;

function row(page: Page, n: number) {
  return page.getByRole("group", { name: `User ${n}`, exact: true });
}

test("a customer administrator adds 25 users, cannot add a 26th, fixes a row error and finishes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "Manually add users" }).click();
  await expect(page.getByRole("heading", { name: "Manually add users", level: 1 })).toBeVisible();

  const addUser = page.getByRole("button", { name: "Add user" });
  for (let n = 1; n <= MAX_USERS; n += 1) {
    if (n > 1) await addUser.click();
    const user = row(page, n);
    await user.getByLabel("First name").fill(`Journey${n}`);
    await user.getByLabel("Last name").fill(`Run ${run}`);
    await user.getByLabel("Email").fill(`journey${n}.${run}@customer.example`);
    if (n < MAX_USERS) {
      await user.getByLabel("Package").selectOption("webex_meetings");
      await user
        .getByLabel("Preferred Webex site")
        .selectOption("fjallbacka-fastigheter-ab.webex.com");
    } else {
      // The last row: a calling package, left without a number on purpose.
      await user.getByLabel("Package").selectOption("webex_calling");
    }
  }

  // The 26th is refused, and the page says why.
  await expect(addUser).toBeDisabled();
  await expect(
    page.getByText("You can add at most 25 users at a time. Use CSV add or edit for more."),
  ).toBeVisible();
  await expect(page.getByRole("group", { name: /^User \d+$/ })).toHaveCount(MAX_USERS);

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert")).toContainText("1 user needs changes");
  const last = row(page, MAX_USERS);
  const phone = last.getByLabel("Phone number");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(last).toContainText(
    "Webex Calling includes calling: enter a phone number, an extension, or both.",
  );
  await expect(last.getByLabel("Location")).toHaveAttribute("aria-invalid", "true");

  // Fix the row; nothing else typed was lost.
  await phone.fill(`+46 8 ${String(Date.now()).slice(-7)}`);
  await last.getByLabel("Location").selectOption({ index: 1 });
  await expect(row(page, 1).getByLabel("Email")).toHaveValue(`journey1.${run}@customer.example`);

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Users to add" }).getByRole("row")).toHaveCount(
    MAX_USERS + 1,
  );

  await page.getByRole("button", { name: "Add 25 users" }).click();
  await expect(page.getByRole("heading", { name: "Result", level: 2 })).toBeVisible();
  await expect(page.getByText("25 users were added")).toBeVisible();
  const added = page.getByRole("table", { name: "Added users" });
  await expect(added.getByRole("link", { name: `Journey${MAX_USERS} Run ${run}` })).toBeVisible();

  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search users" }).fill(run);
  await expect(
    page.getByRole("table", { name: "Users" }).getByRole("link", { name: `Journey1 Run ${run}` }),
  ).toBeVisible();
});

test("a refusal from the server comes back beside the field, with everything typed kept", async ({
  page,
}) => {
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  // Someone who is already a user of the customer: only the server can know.
  const table = page.getByRole("table", { name: "Users" });
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const emailColumn = headers.findIndex((h) => h.trim() === "Email");
  const existing = await table
    .getByRole("row")
    .nth(1)
    .getByRole("cell")
    .nth(emailColumn)
    .innerText();

  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "Manually add users" }).click();
  const user = row(page, 1);
  await user.getByLabel("First name").fill("Already");
  await user.getByLabel("Last name").fill("There");
  await user.getByLabel("Email").fill(existing.trim());
  await user.getByLabel("Package").selectOption("webex_meetings");
  await user.getByLabel("Preferred Webex site").selectOption("fjallbacka-fastigheter-ab.webex.com");
  // Next asks the server before the Summary (spec §5): the Summary never promises this user.
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("alert")).toContainText("1 user needs changes");
  await expect(page.getByRole("heading", { name: "Basic information", level: 2 })).toBeVisible();
  await expect(user.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(user).toContainText("already belongs to a user of this customer");
  await expect(user.getByLabel("First name")).toHaveValue("Already");
});
