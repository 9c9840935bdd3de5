import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { signInAs } from "../support/sign-in.ts";

// Spec §6, as a Swedish admin does it: export, edit in a spreadsheet that writes semicolons, a
// BOM and strips the + from phone numbers, upload, read the preview, apply the valid rows, get
// the error report, fix the row in it and upload that.

/** The rows of a CSV text (papaparse detects the delimiter and strips the BOM). */
function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  if (parsed.errors.length > 0) throw new Error(`unreadable CSV: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

/** What Excel in a Swedish locale saves: BOM, semicolons, CRLF. */
function toSwedishExcelCsv(rows: string[][]): Buffer {
  return Buffer.from(
    `\uFEFF${Papa.unparse(rows, { delimiter: ";", newline: "\r\n" })}\r\n`,
    "utf8",
  );
}

async function uploadForPreview(page: Page, name: string, file: Buffer) {
  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "CSV add or edit" }).click();
  await expect(page.getByRole("heading", { name: "CSV add or edit", level: 1 })).toBeVisible();
  await expect(
    page.getByText("CSV, UTF-8, at most 20,000 rows and 10 MB; comma or semicolon separated."),
  ).toBeVisible();
  const addAndRemove = page.getByRole("radio", { name: /Add and remove services/ });
  await expect(addAndRemove).toBeChecked();
  await addAndRemove.check();
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: file });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview", level: 2 })).toBeVisible();
}

function tile(page: Page, outcome: string) {
  return page
    .getByRole("list", { name: "Rows by outcome" })
    .getByRole("listitem")
    .filter({ hasText: new RegExp(`^\\d+${outcome}$`) });
}

test("a customer administrator edits the exported users like a Swedish spreadsheet user, applies the valid rows, then fixes the error row", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const customerId = /\/customers\/([^/]+)\//.exec(page.url())?.[1] ?? "";

  // Export through the API, as the Export CSV link would.
  const exported = await page.request.get(`/api/v1/customers/${customerId}/users.csv`);
  expect(exported.ok()).toBe(true);
  const [header, ...users] = parseCsv(await exported.text());
  if (!header) throw new Error("the export has no header");
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };

  // The spreadsheet strips the + (and our formula guard) from a phone number.
  const phoneUser = users.find((u) => u[col("Phone Number")]?.startsWith("'+"));
  if (!phoneUser) throw new Error("no exported user with a phone number");
  phoneUser[col("Phone Number")] = (phoneUser[col("Phone Number")] ?? "").replace(/^'\+/, "");

  // One row with an error: a meetings user given a second package, and a new display name.
  const errorUser = users.find(
    (u) => u[col("Webex Meetings")] === "TRUE" && u[col("Preferred Webex Site")] !== "",
  );
  if (!errorUser) throw new Error("no exported meetings user");
  const errorEmail = errorUser[col("User ID/Email (Required)")] ?? "";
  const errorRowNumber = users.indexOf(errorUser) + 2;
  errorUser[col("Webex Suite")] = "TRUE";
  errorUser[col("Display Name")] =
    `${errorUser[col("First Name")]} ${errorUser[col("Last Name")]} (Sälj ${run})`;

  // A new user, written as Swedish Excel writes booleans.
  const newEmail = `asa.oberg-strom.${run}@customer.example`;
  const newUser = header.map(() => "");
  newUser[col("User ID/Email (Required)")] = newEmail;
  newUser[col("First Name")] = "Åsa";
  newUser[col("Last Name")] = "Öberg-Ström";
  newUser[col("Display Name")] = "Åsa Öberg-Ström";
  newUser[col("Preferred Webex Site")] = "fjallbacka-fastigheter-ab.webex.com";
  newUser[col("Webex Meetings")] = "SANT";
  for (const name of [
    "Webex Calling",
    "Webex Voice",
    "Webex Suite",
    "Webex Calling Standard",
    "Customer Assist",
  ])
    newUser[col(name)] = "FALSKT";

  await uploadForPreview(
    page,
    `anvandare-${run}.csv`,
    toSwedishExcelCsv([header, ...users, newUser]),
  );

  // The preview: one add, one error, the rest unchanged; the error row explained.
  await expect(tile(page, "Add")).toContainText("1");
  await expect(tile(page, "Error")).toContainText("1");
  await expect(tile(page, "Remove")).toContainText("0");
  const problems = page.getByRole("table", { name: "Problem rows" });
  const errorLine = problems.getByRole("row").filter({ hasText: "More than one package is TRUE" });
  await expect(errorLine).toContainText(errorEmail);
  await expect(errorLine).toContainText(String(errorRowNumber));
  await page.getByRole("button", { name: /^Warnings/ }).click();
  await expect(problems.getByRole("row").filter({ hasText: "has no leading +" })).toBeVisible();
  await page.getByRole("button", { name: /^Errors/ }).click();
  await expect(problems.getByRole("row").filter({ hasText: "has no leading +" })).toHaveCount(0);

  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await expect(
    page.getByText(
      "1 row has an error: fix the file and upload it again, or apply the valid rows only.",
    ),
  ).toBeVisible();
  await expect(
    page.getByText("The row with an error is left out; every other row is applied."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Apply valid rows only" }).click();

  // The task page: progress to the end, then the results.
  await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
  await expect(
    page
      .getByText("You can leave this page; the import continues in the background.")
      .or(page.getByText(/^Done:/)),
  ).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", {
    timeout: 60_000,
  });
  await expect(page.getByText("Done: 1 row applied, 0 failed.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Row results" })).toContainText(newEmail);

  // The error report: the failed row as uploaded, plus what is wrong with it.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export errors to CSV" }).click();
  const download = await downloading;
  const [reportHeader, ...reportRows] = parseCsv(await fs.readFile(await download.path(), "utf8"));
  if (!reportHeader) throw new Error("the error report has no header");
  expect(reportHeader.at(-1)).toBe("Errors");
  expect(reportRows).toHaveLength(1);
  const fixed = reportRows[0] ?? [];
  expect(fixed[reportHeader.indexOf("User ID/Email (Required)")]).toBe(errorEmail);
  expect(fixed.at(-1)).toContain("More than one package");

  // Fix the row in the report and upload it again.
  fixed[reportHeader.indexOf("Webex Suite")] = "FALSE";
  await page
    .getByRole("navigation", { name: "Control Hub" })
    .getByRole("link", { name: "Users" })
    .click();
  await uploadForPreview(page, `fel-${run}.csv`, toSwedishExcelCsv([reportHeader, fixed]));
  await expect(tile(page, "Modify")).toContainText("1");
  await expect(tile(page, "Error")).toContainText("0");
  await expect(page.getByRole("button", { name: "Apply valid rows only" })).toHaveCount(0);
  await page.getByRole("button", { name: "Import", exact: true }).click();

  await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", {
    timeout: 60_000,
  });
  await expect(page.getByText("Done: 1 row applied, 0 failed.")).toBeVisible();

  // Both imports are on the Tasks page.
  const controlHubNav = page.getByRole("navigation", { name: "Control Hub" });
  await controlHubNav.getByRole("link", { name: "Tasks" }).click();
  const tasks = page.getByRole("table", { name: "CSV imports" });
  await expect(tasks.getByRole("row").filter({ hasText: `anvandare-${run}.csv` })).toContainText(
    "Completed",
  );
  await expect(tasks.getByRole("row").filter({ hasText: `fel-${run}.csv` })).toContainText(
    "Completed",
  );
});
