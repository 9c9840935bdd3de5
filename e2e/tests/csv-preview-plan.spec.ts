import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { shot } from "../support/screenshot.ts";
import { signInAs } from "../support/sign-in.ts";

// Spec §6, "the preview is the plan": a new customer admin uploads a file under the recommended
// "Add and remove services", reads every row's outcome and change before anything happens, is
// asked to confirm the removals by name, reloads the preview's URL, and cancels it. The same file
// under "Add services only" skips the removals, says why, and asks nothing.

function tile(page: Page, outcome: string | RegExp) {
  return page
    .getByRole("list", { name: /Rows by outcome|Rader per utfall/ })
    .getByRole("button", { name: outcome });
}

const plan = (page: Page) => page.getByRole("grid", { name: /The plan|Planen/ });

async function upload(page: Page, file: Buffer, name: string, behaviour: RegExp) {
  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "CSV add or edit" }).click();
  await page.getByRole("radio", { name: behaviour }).check();
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/users\/import\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: "Preview", level: 2 })).toBeVisible();
}

test("the preview shows the plan row by row, confirms removals by name, survives a reload and is discarded by Cancel", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const run = Date.now().toString(36);
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const customerId = /\/customers\/([^/]+)\//.exec(page.url())?.[1] ?? "";

  const exported = await page.request.get(`/api/v1/customers/${customerId}/users.csv`);
  const parsed = Papa.parse<string[]>(await exported.text(), { skipEmptyLines: "greedy" });
  const [header, ...users] = parsed.data;
  if (!header) throw new Error("the export has no header");
  const col = (name: string) => header.indexOf(name);
  const email = (u: string[]) => u[col("User ID/Email (Required)")] ?? "";
  const displayName = (u: string[]) => u[col("Display Name")] ?? "";
  const packages = header.filter((h) =>
    [
      "Webex Calling",
      "Webex Voice",
      "Webex Suite",
      "Webex Meetings",
      "Webex Calling Standard",
      "Customer Assist",
    ].includes(h),
  );
  const [renamed, displayed, licensed, gone1, gone2] = users;
  if (!renamed || !displayed || !licensed || !gone1 || !gone2) throw new Error("too few users");
  const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? "");
  const hadMessaging = licensed[col("Basic Messaging")] === "TRUE";
  const everyPackageFalse = Object.fromEntries(packages.map((p) => [p, "FALSE"]));
  const newEmail = `utan.paket.${run}@customer.example`;
  const file = Buffer.from(
    `${Papa.unparse(
      [
        header,
        row({ "User ID/Email (Required)": email(renamed), "First Name": "Ändrad" }),
        row({ "User ID/Email (Required)": email(displayed), "Display Name": `Visas ${run}` }),
        row({
          "User ID/Email (Required)": email(licensed),
          "Basic Messaging": hadMessaging ? "FALSE" : "TRUE",
        }),
        row({ "User ID/Email (Required)": email(gone1), ...everyPackageFalse }),
        row({ "User ID/Email (Required)": email(gone2), ...everyPackageFalse }),
        // A new user with no package: an error.
        row({ "User ID/Email (Required)": newEmail, "First Name": "Utan" }),
      ],
      { newline: "\r\n" },
    )}\r\n`,
  );

  await upload(page, file, `plan-${run}.csv`, /Add and remove services/);
  const previewUrl = page.url();
  await expect(tile(page, /^3\s*Modify$/)).toBeVisible();
  await expect(tile(page, /^2\s*Remove$/)).toBeVisible();
  await expect(tile(page, /^1\s*Error$/)).toBeVisible();
  await expect(tile(page, /^0\s*Skipped$/)).toBeVisible();
  await expect(plan(page).getByRole("row")).toHaveCount(7); // the header and six rows
  await shot(page, "en-plan-all");
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);

  // Modifications: each field before → after.
  await tile(page, /Modify/).click();
  await expect(tile(page, /Modify/)).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/outcome=modify/);
  await expect(plan(page).getByRole("row")).toHaveCount(4);
  const firstName = renamed[col("First Name")] ?? "";
  await expect(
    plan(page)
      .getByRole("row")
      .filter({ hasText: email(renamed) }),
  ).toContainText(`First name: ${firstName} → Ändrad`);
  await expect(
    plan(page)
      .getByRole("row")
      .filter({ hasText: email(displayed) }),
  ).toContainText(`Display name: ${displayName(displayed)} → Visas ${run}`);
  await expect(
    plan(page)
      .getByRole("row")
      .filter({ hasText: email(licensed) }),
  ).toContainText(hadMessaging ? "Basic Messaging: Yes → No" : "Basic Messaging: No → Yes");
  await shot(page, "en-plan-modify");

  // Removals: who, by name and email, and the package they lose.
  await tile(page, /Remove/).click();
  await expect(tile(page, /Modify/)).toHaveAttribute("aria-pressed", "false");
  await expect(plan(page).getByRole("row")).toHaveCount(3);
  for (const u of [gone1, gone2]) {
    const line = plan(page)
      .getByRole("row")
      .filter({ hasText: email(u) });
    await expect(line).toContainText(displayName(u));
    await expect(line).toContainText("Removed from the organisation (has");
  }
  await shot(page, "en-plan-remove");

  await tile(page, /Error/).click();
  await expect(plan(page).getByRole("row").filter({ hasText: newEmail })).toContainText(
    "no package is TRUE",
  );
  await shot(page, "en-plan-error");

  // The filter select and the search do the same from the keyboard.
  await tile(page, /Error/).click();
  await page.getByLabel("Outcome", { exact: true }).selectOption({ label: "Remove" });
  await expect(tile(page, /Remove/)).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Outcome", { exact: true }).selectOption({ label: "All outcomes" });
  await page
    .getByRole("searchbox", { name: "Search rows by email or name" })
    .fill(displayName(gone2));
  // By name: every row of that name (the demo has namesakes) and no other — only the header
  // row lacks it.
  await expect(plan(page)).toContainText(email(gone2));
  await expect(
    plan(page)
      .getByRole("row")
      .filter({ hasNotText: displayName(gone2) }),
  ).toHaveCount(1);
  // By email: that one row.
  await page.getByRole("searchbox", { name: "Search rows by email or name" }).fill(email(gone2));
  await expect(plan(page).getByRole("row")).toHaveCount(2);
  await expect(plan(page)).toContainText(email(gone2));
  await page.getByRole("searchbox", { name: "Search rows by email or name" }).fill("");
  await expect(plan(page).getByRole("row")).toHaveCount(7);
  await plan(page).focus();
  await page.keyboard.press("End");
  await expect(plan(page).getByRole("row", { selected: true })).toContainText(newEmail);
  await page.keyboard.press("Home");
  await expect(plan(page).getByRole("row", { selected: true })).toContainText(email(renamed));

  // A reload of the preview's URL shows the same plan, filter included.
  await tile(page, /Remove/).click();
  await page.reload();
  await expect(tile(page, /^2\s*Remove$/)).toHaveAttribute("aria-pressed", "true");
  await expect(plan(page).getByRole("row")).toHaveCount(3);
  await expect(plan(page)).toContainText(email(gone1));

  // Import (here: the valid rows) asks first, naming the removals.
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "Apply valid rows only" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove 2 users?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("This import removes 2 users, including");
  await expect(dialog.getByRole("listitem")).toHaveCount(2);
  await expect(dialog).toContainText(displayName(gone1));
  await expect(dialog).toContainText(displayName(gone2));
  await expect(dialog.getByRole("button", { name: "Remove 2 users and import" })).toBeVisible();
  await shot(page, "en-confirm-removal", { fullPage: false });
  const inDialog = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(inDialog.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
  await dialog.getByRole("button", { name: "Go back" }).click();
  await expect(dialog).toBeHidden();

  // The same in Swedish.
  await page.getByLabel("Language").selectOption({ label: "Svenska" });
  await tile(page, /Ändras/).click();
  await expect(plan(page)).toContainText(`Förnamn: ${firstName} → Ändrad`);
  await shot(page, "sv-plan-modify");
  await tile(page, /Tas bort/).click();
  await expect(plan(page)).toContainText("Tas bort från organisationen");
  await shot(page, "sv-plan-remove");
  await tile(page, /Fel/).click();
  await expect(plan(page).getByRole("row")).toHaveCount(2);
  await shot(page, "sv-plan-error");
  await tile(page, /Fel/).click();
  await expect(plan(page).getByRole("row")).toHaveCount(7);
  await shot(page, "sv-plan-all");
  await page.getByRole("button", { name: "Verkställ endast giltiga rader" }).click();
  const svDialog = page.getByRole("dialog", { name: "Ta bort 2 användare?" });
  await expect(
    svDialog.getByRole("button", { name: "Ta bort 2 användare och importera" }),
  ).toBeVisible();
  await shot(page, "sv-confirm-removal", { fullPage: false });
  await svDialog.getByRole("button", { name: "Gå tillbaka" }).click();
  await page.getByLabel("Språk").selectOption({ label: "English" });

  // The same file uploaded again while its preview is open: the upload offers that preview.
  const nav = page.getByRole("navigation", { name: "Control Hub" });
  await nav.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "CSV add or edit" }).click();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: `again-${run}.csv`, mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByText("This file is already previewed")).toBeVisible();
  await shot(page, "en-upload-preview-exists");
  await page.getByRole("link", { name: "Open that preview" }).click();
  await expect(page).toHaveURL(previewUrl.split("?")[0]!);
  await expect(tile(page, /^2\s*Remove$/)).toBeVisible();

  // The Tasks page lists the preview apart, as not started; Cancel discards it.
  await nav.getByRole("link", { name: "Tasks" }).click();
  const notStarted = page.getByRole("region", { name: "Not started" });
  await expect(notStarted).toContainText(`plan-${run}.csv`);
  await expect(notStarted).toContainText("uploaded by admin@customer.example");
  await shot(page, "en-tasks-not-started");
  await expect(
    page.getByRole("table", { name: "CSV imports" }).getByText(`plan-${run}.csv`),
  ).toHaveCount(0);
  await notStarted.getByRole("link", { name: `plan-${run}.csv` }).click();
  await expect(page).toHaveURL(previewUrl.split("?")[0]!);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "CSV add or edit", level: 1 })).toBeVisible();
  await nav.getByRole("link", { name: "Tasks" }).click();
  await expect(page.getByRole("heading", { name: "Tasks", level: 1 })).toBeVisible();
  await expect(page.getByText(`plan-${run}.csv`)).toHaveCount(0);
  await page.goto(previewUrl);
  await expect(page.getByRole("heading", { name: "This preview is no longer open" })).toBeVisible();

  // Under Add services only the removals are skipped, with the reason, and nothing asks.
  await nav.getByRole("link", { name: "Users" }).click();
  await upload(page, file, `plan-add-only-${run}.csv`, /Add services only/);
  await expect(tile(page, /^0\s*Remove$/)).toBeVisible();
  await tile(page, /Skipped/).click();
  for (const u of [gone1, gone2]) {
    await expect(
      plan(page)
        .getByRole("row")
        .filter({ hasText: email(u) }),
    ).toContainText("Add services only never removes users");
  }
  await shot(page, "en-plan-skipped-add-only");
  await page.getByRole("button", { name: "Apply valid rows only" }).click();
  await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
