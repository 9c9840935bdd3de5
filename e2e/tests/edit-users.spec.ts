import { expect, test, type Page } from "@playwright/test";
import { shot } from "../support/screenshot.ts";
import { signInAs } from "../support/sign-in.ts";

// Spec §13: edit a user's details in place, remove a user, select users and act on them; each
// change is in the audit log (§8). Screenshots of edit mode, the stale-version view, the remove
// confirmation and the selection bar, in English and Swedish, go to test-results/ for review.

interface CreatedUser {
  id: string;
  email: string;
  displayName: string;
  version: number;
}

interface Context {
  customerId: string;
  csrf: string;
  locations: { id: string; name: string }[];
}

/** Signs in as the customer admin (landing on Users) and reads the ids the tests need. */
async function context(page: Page): Promise<Context> {
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const me = (await (await page.request.get("/api/v1/auth/me")).json()) as {
    customerId: string;
    csrfToken: string;
  };
  const locations = (await (
    await page.request.get(`/api/v1/customers/${me.customerId}/locations?max=100`)
  ).json()) as { items: { id: string; name: string }[] };
  return { customerId: me.customerId, csrf: me.csrfToken, locations: locations.items };
}

/** Users of the signed-in customer admin, made through the API as an integrator would. */
async function createUsers(
  page: Page,
  ctx: Context,
  users: Record<string, unknown>[],
): Promise<CreatedUser[]> {
  const response = await page.request.post(`/api/v1/customers/${ctx.customerId}/users`, {
    headers: { "x-csrf-token": ctx.csrf },
    data: { users },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { items: CreatedUser[] }).items;
}

const run = () => Date.now().toString(36);
const extension = () => String(Math.floor(100_000 + Math.random() * 800_000));

async function openUser(page: Page, ctx: Context, user: CreatedUser) {
  await page.goto(`/customers/${ctx.customerId}/users/${user.id}`);
  await expect(page.getByRole("heading", { name: user.displayName, level: 1 })).toBeVisible();
}

async function auditRow(page: Page, email: string, action: string) {
  await page
    .getByRole("navigation", { name: "Control Hub" })
    .getByRole("link", { name: "Audit log" })
    .click();
  const log = page.getByRole("table", { name: "Audit log" });
  return log.getByRole("row").filter({ hasText: email }).filter({ hasText: action });
}

test("fix a name, give a Webex Meetings user a site, move a calling user to another location", async ({
  page,
}) => {
  const id = run();
  const ctx = await context(page);
  const [from, to] = ctx.locations;
  if (!from || !to) throw new Error("the demo customer needs two locations");
  const [caller, meetings] = await createUsers(page, ctx, [
    {
      email: `edit.caller.${id}@customer.example`,
      firstName: "Anan",
      lastName: `Caller${id}`,
      package: "webex_calling",
      extension: extension(),
      locationId: from.id,
    },
    {
      email: `edit.meet.${id}@customer.example`,
      firstName: "Mona",
      lastName: `Meet${id}`,
      package: "webex_meetings",
    },
  ]);

  // Fix a name; an empty last name is refused beside the field first.
  await openUser(page, ctx, caller!);
  const details = page.getByRole("region", { name: "Details" });
  await details.getByRole("button", { name: "Edit" }).click();
  await details.getByLabel("First name").fill("Anna");
  await details.getByLabel("Last name").fill("");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByLabel("Last name")).toHaveAttribute("aria-invalid", "true");
  await details.getByLabel("Last name").fill(`Caller${id}`);
  await details.getByLabel("Display name").fill(`Anna Caller${id}`);
  // Move them to the other location in the same edit.
  await details.getByLabel("Location").selectOption({ label: to.name });
  await shot(page, "edit-mode-en");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was saved" })).toBeVisible();
  await expect(details).toContainText(`Anna Caller${id}`);
  await expect(details).toContainText(to.name);

  // Give the Webex Meetings user a site: the warning goes away.
  await openUser(page, ctx, meetings!);
  await details.getByRole("button", { name: "Edit" }).click();
  await expect(details.getByText(/no Preferred Webex Site is set/)).toBeVisible();
  await details
    .getByLabel("Preferred Webex site")
    .selectOption("fjallbacka-fastigheter-ab.webex.com");
  await expect(details.getByText(/no Preferred Webex Site is set/)).toHaveCount(0);
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details).toContainText("fjallbacka-fastigheter-ab.webex.com");

  const edited = await auditRow(page, caller!.email, "User changed");
  await expect(edited).toContainText("User edit");
  await expect(edited).toContainText(`${from.name} → ${to.name}`);
  await expect(await auditRow(page, meetings!.email, "User changed")).toContainText(
    "fjallbacka-fastigheter-ab.webex.com",
  );
});

test("an edit against a stale version shows the current details beside the typing and re-applies it", async ({
  page,
}) => {
  const id = run();
  const ctx = await context(page);
  const [user] = await createUsers(page, ctx, [
    {
      email: `stale.${id}@customer.example`,
      firstName: "Sten",
      lastName: `Stale${id}`,
      package: "webex_meetings",
      preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
    },
  ]);
  await openUser(page, ctx, user!);
  const details = page.getByRole("region", { name: "Details" });
  await details.getByRole("button", { name: "Edit" }).click();
  await details.getByLabel("First name").fill("Stina");

  // Someone else saves first.
  const other = await page.request.patch(`/api/v1/customers/${ctx.customerId}/users/${user!.id}`, {
    headers: { "x-csrf-token": ctx.csrf, "if-match": `"${user!.version}"` },
    data: { lastName: `Other${id}` },
  });
  expect(other.status()).toBe(200);

  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByRole("alert")).toContainText("Someone else changed");
  const compare = details.getByRole("region", { name: "Current details beside your changes" });
  await expect(
    compare.getByRole("row", { name: `Last name Other${id} not changed` }),
  ).toBeVisible();
  await expect(compare.getByRole("row", { name: /First name/ })).toContainText("Stina");
  await shot(page, "stale-version-en");
  await page.getByLabel("Language").selectOption({ label: "Svenska" });
  // The region is named in Swedish now ("Uppgifter").
  await expect(page.getByRole("alert")).toContainText("Någon annan ändrade");
  await shot(page, "stale-version-sv");
  await page.getByLabel("Språk").selectOption({ label: "English" });

  await compare.getByRole("button", { name: "Apply my changes to the current version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was saved" })).toBeVisible();
  // My first name on top of their last name: theirs is not undone.
  await expect(details).toContainText("Stina");
  await expect(details).toContainText(`Other${id}`);
});

test("remove a user after a confirmation naming them and their package", async ({ page }) => {
  const id = run();
  const ctx = await context(page);
  const [user] = await createUsers(page, ctx, [
    {
      email: `remove.${id}@customer.example`,
      firstName: "Rolf",
      lastName: `Remove${id}`,
      package: "webex_calling",
      extension: extension(),
      locationId: ctx.locations[0]!.id,
    },
  ]);
  await openUser(page, ctx, user!);
  await page.getByRole("button", { name: "Remove user" }).click();
  const dialog = page.getByRole("dialog", { name: `Remove ${user!.displayName}?` });
  await expect(dialog).toContainText("Webex Calling");
  await expect(dialog).toContainText(user!.email);
  await shot(page, "remove-confirmation-en");
  await page.getByLabel("Language").selectOption({ label: "Svenska" });
  await expect(page.getByRole("dialog", { name: `Ta bort ${user!.displayName}?` })).toBeVisible();
  await shot(page, "remove-confirmation-sv");
  await page.getByLabel("Språk").selectOption({ label: "English" });
  await dialog.getByRole("button", { name: `Remove ${user!.displayName}` }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "was removed" })).toBeVisible();
  // Said once: a reload shows the users without it.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByText("was removed")).toHaveCount(0);
  const gone = await page.request.get(`/api/v1/customers/${ctx.customerId}/users/${user!.id}`);
  expect(gone.status()).toBe(404);
  await expect(await auditRow(page, user!.email, "User removed")).toContainText("User removed");
});

test("select ten Webex Calling users and move them to Webex Suite", async ({ page }) => {
  const id = run();
  const ctx = await context(page);
  const tag = `Bulk${id}`;
  const users = await createUsers(
    page,
    ctx,
    Array.from({ length: 10 }, (_, i) => ({
      email: `bulk.${i}.${id}@customer.example`,
      firstName: `Member${i}`,
      lastName: tag,
      package: "webex_calling",
      extension: extension(),
      locationId: ctx.locations[i % 2]!.id,
    })),
  );
  await page.goto(`/customers/${ctx.customerId}/users`);
  await page.getByLabel("Search users").fill(tag);
  const table = page.getByRole("table", { name: "Users" });
  // The search has applied (a new search clears the selection, so select after it).
  await expect(page.getByText("1–10 of 10")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: tag })).toHaveCount(10);

  // Keyboard: space on a row's link selects it; shift-click selects a range.
  await table.getByRole("link", { name: `Member0 ${tag}` }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("1 user selected")).toBeVisible();
  await table.getByRole("checkbox", { name: `Select Member0 ${tag}` }).click();
  await expect(page.getByText(/users? selected/)).toHaveCount(0);
  await table.getByRole("checkbox", { name: `Select Member1 ${tag}` }).click();
  await table
    .getByRole("checkbox", { name: `Select Member4 ${tag}` })
    .click({ modifiers: ["Shift"] });
  await expect(page.getByText("4 users selected")).toBeVisible();

  await table.getByRole("checkbox", { name: "Select all users on this page" }).check();
  const bar = page.getByRole("region", { name: "Selected users" });
  await expect(bar).toContainText("10 users selected");
  await shot(page, "selection-bar-en");
  await page.getByLabel("Language").selectOption({ label: "Svenska" });
  await expect(page.getByRole("region", { name: "Valda användare" })).toContainText(
    "10 användare valda",
  );
  await shot(page, "selection-bar-sv");
  await page.getByLabel("Språk").selectOption({ label: "English" });

  // Webex Meetings would take their numbers away: refused, naming them, nothing changes.
  await bar.getByRole("button", { name: "Change package" }).click();
  let dialog = page.getByRole("dialog", { name: "Change the package of 10 users" });
  await dialog.getByRole("radio", { name: "Webex Meetings" }).check();
  await dialog.getByRole("button", { name: "Change 10 users" }).click();
  await expect(dialog.getByRole("alert")).toContainText(`Member3 ${tag}`);
  await shot(page, "bulk-refused-en");
  await dialog.getByRole("radio", { name: "Webex Suite" }).check();
  await dialog.getByRole("button", { name: "Change 10 users" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "10 users moved to Webex Suite" }),
  ).toBeVisible();
  await expect(
    table.getByRole("row").filter({ hasText: tag }).filter({ hasText: "Webex Suite" }),
  ).toHaveCount(10);

  const moved = await auditRow(page, users[0]!.email, "Package changed");
  await expect(moved).toContainText("Webex Calling → Webex Suite");
  await expect(moved).toContainText("Bulk package change");

  // Remove two of them together, after a confirmation that says how many.
  await page.goto(`/customers/${ctx.customerId}/users`);
  await page.getByLabel("Search users").fill(tag);
  await expect(page.getByText("1–10 of 10")).toBeVisible();
  await table.getByRole("checkbox", { name: `Select Member8 ${tag}` }).click();
  await table.getByRole("checkbox", { name: `Select Member9 ${tag}` }).click();
  await page
    .getByRole("region", { name: "Selected users" })
    .getByRole("button", { name: "Remove" })
    .click();
  dialog = page.getByRole("dialog", { name: "Remove 2 users?" });
  await dialog.getByRole("button", { name: "Remove 2 users" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 users removed" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: tag })).toHaveCount(8);
});

test("the read-only administrator sees no edit, remove or selection", async ({ page }) => {
  await signInAs(page, "partnerReadonlyAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const customers = (await (await page.request.get("/api/v1/customers?max=1")).json()) as {
    items: { id: string }[];
  };
  const customerId = customers.items[0]!.id;
  await page.goto(`/customers/${customerId}/users`);
  const table = page.getByRole("table", { name: "Users" });
  await expect(table.getByRole("link").first()).toBeVisible();
  await expect(table.getByRole("checkbox")).toHaveCount(0);
  await table.getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Details" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove user" })).toHaveCount(0);
});
