import { expect, test, type Page } from "@playwright/test";
import { shot } from "../support/screenshot.ts";
import { signInAs } from "../support/sign-in.ts";

// Spec §11: a partner writer suspends an active customer and brings back one that is not active.
// The settings say which way each status goes — a provisioning customer was never active, so it
// is activated; a deactivated one is reactivated, and the confirmation says it was deactivated —
// and the server refuses to suspend a customer that is not active.

async function inLanguage(page: Page, language: "en" | "sv") {
  // The choice the language switch remembers (apps/web/src/lib/language.ts).
  await page.evaluate(`localStorage.setItem("partnerhub.language", "${language}")`);
  await page.reload();
}

/**
 * The last of the partner's customers in that status by name, so that the journeys which take
 * the first one (sites-and-status.spec.ts) still find theirs.
 */
async function lastCustomerIn(
  page: Page,
  status: string,
): Promise<{ id: string; name: string; version: number }> {
  const res = await page.request.get(
    `/api/v1/customers?status=${status}&sort=name&order=desc&max=1`,
  );
  expect(res.status()).toBe(200);
  const customer = ((await res.json()) as { items: { id: string }[] }).items[0];
  if (!customer) throw new Error(`the demo has no ${status} customer`);
  return (await (await page.request.get(`/api/v1/customers/${customer.id}`)).json()) as {
    id: string;
    name: string;
    version: number;
  };
}

const statusSection = (page: Page) => page.getByRole("region", { name: "Status" });

test("a provisioning customer is activated, a deactivated one reactivated, and only an active one can be suspended", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();

  // Provisioning: "Activate", never "Reactivate" — it was never active.
  const provisioning = await lastCustomerIn(page, "provisioning");
  await page.goto(`/customers/${provisioning.id}/settings`);
  const status = statusSection(page);
  await expect(status.getByText("Provisioning", { exact: true })).toBeVisible();
  await expect(status.getByRole("button")).toHaveText(["Activate organisation"]);
  await status.getByRole("button", { name: "Activate organisation" }).click();
  const activate = page.getByRole("dialog", { name: `Activate ${provisioning.name}?` });
  await expect(activate).toContainText(
    `${provisioning.name} is still being provisioned and has never been active.`,
  );
  await shot(page, "activate-provisioning-en");
  await activate.getByRole("button", { name: "Cancel" }).click();
  await inLanguage(page, "sv");
  await statusSection(page).getByRole("button", { name: "Aktivera organisationen" }).click();
  await expect(page.getByRole("dialog", { name: `Aktivera ${provisioning.name}?` })).toContainText(
    "har aldrig varit aktiv",
  );
  await shot(page, "activate-provisioning-sv");
  await page.getByRole("button", { name: "Avbryt" }).click();
  await inLanguage(page, "en");

  // The server will not suspend it: suspension is for an active customer.
  const me = (await (await page.request.get("/api/v1/auth/me")).json()) as { csrfToken: string };
  const suspend = await page.request.patch(`/api/v1/customers/${provisioning.id}`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: { status: "suspended", version: provisioning.version },
  });
  expect(suspend.status()).toBe(409);
  expect(await suspend.json()).toMatchObject({
    code: "customer_not_active",
    customerStatus: "provisioning",
  });

  await statusSection(page).getByRole("button", { name: "Activate organisation" }).click();
  await page
    .getByRole("dialog", { name: `Activate ${provisioning.name}?` })
    .getByRole("button", { name: "Activate organisation" })
    .click();
  await expect(statusSection(page).getByRole("status")).toHaveText("Status changed to Active.");
  await expect(page.getByRole("status").filter({ hasText: "This organisation is" })).toHaveCount(0);
  await expect(statusSection(page).getByRole("button")).toHaveText(["Suspend organisation"]);
  await shot(page, "activated-en");

  // Deactivated: "Reactivate", and the confirmation says it was deactivated.
  const deactivated = await lastCustomerIn(page, "deactivated");
  await page.goto(`/customers/${deactivated.id}/settings`);
  await expect(statusSection(page).getByText("Deactivated", { exact: true })).toBeVisible();
  await expect(statusSection(page).getByRole("button")).toHaveText(["Reactivate organisation"]);
  await statusSection(page).getByRole("button", { name: "Reactivate organisation" }).click();
  const reactivate = page.getByRole("dialog", { name: `Reactivate ${deactivated.name}?` });
  await expect(reactivate).toContainText(`${deactivated.name} was deactivated.`);
  await shot(page, "reactivate-deactivated-en");
  await reactivate.getByRole("button", { name: "Cancel" }).click();
  await inLanguage(page, "sv");
  await statusSection(page).getByRole("button", { name: "Återaktivera organisationen" }).click();
  await expect(
    page.getByRole("dialog", { name: `Återaktivera ${deactivated.name}?` }),
  ).toContainText(`${deactivated.name} har avaktiverats.`);
  await shot(page, "reactivate-deactivated-sv");
  await page
    .getByRole("dialog", { name: `Återaktivera ${deactivated.name}?` })
    .getByRole("button", { name: "Återaktivera organisationen" })
    .click();
  await expect(statusSection(page).getByRole("status")).toHaveText("Status ändrad till Aktiv.");
  await inLanguage(page, "en");

  // Suspended: "Reactivate", without the deactivation's wording.
  const suspended = await lastCustomerIn(page, "suspended");
  await page.goto(`/customers/${suspended.id}/settings`);
  await statusSection(page).getByRole("button", { name: "Reactivate organisation" }).click();
  const lift = page.getByRole("dialog", { name: `Reactivate ${suspended.name}?` });
  await expect(lift).toContainText("Its administrators can change users, locations and imports");
  await expect(lift).not.toContainText("deactivated");
  await lift.getByRole("button", { name: "Cancel" }).click();

  // The customer's audit log tells an activation from a reactivation.
  await page.goto(`/customers/${provisioning.id}/audit`);
  await expect(page.getByRole("cell", { name: "Organisation activated" })).toBeVisible();
});
