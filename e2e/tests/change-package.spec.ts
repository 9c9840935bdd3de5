import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// Spec §7 and §8: change a Webex Meetings user to Webex Suite (which needs a number), see it
// in the audit log; a change against a stale version is refused with the fresh data.

interface CreatedUser {
  id: string;
  email: string;
  displayName: string;
  version: number;
}

/** A Webex Meetings user of the signed-in customer admin, made through the API as an integrator would. */
async function createMeetingsUser(
  page: Page,
  name: string,
): Promise<{ customerId: string; user: CreatedUser; csrf: string }> {
  const me = (await (await page.request.get("/api/v1/auth/me")).json()) as {
    customerId: string;
    csrfToken: string;
  };
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}@customer.example`;
  const [firstName = name, lastName = "User"] = name.split(" ");
  const response = await page.request.post(`/api/v1/customers/${me.customerId}/users`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: {
      users: [
        {
          email,
          firstName,
          lastName,
          package: "webex_meetings",
          preferredWebexSite: "fjallbacka-fastigheter-ab.webex.com",
        },
      ],
    },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { items: CreatedUser[] };
  const user = body.items[0];
  if (!user) throw new Error("no user created");
  return { customerId: me.customerId, user, csrf: me.csrfToken };
}

async function openUser(page: Page, customerId: string, user: CreatedUser) {
  await page.goto(`/customers/${customerId}/users/${user.id}`);
  await expect(page.getByRole("heading", { name: user.displayName, level: 1 })).toBeVisible();
}

test("a Webex Meetings user moves to Webex Suite with a new number, and the audit log shows it", async ({
  page,
}) => {
  const run = Date.now().toString(36);
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const { customerId, user } = await createMeetingsUser(page, `Suite ${run}`);
  await openUser(page, customerId, user);

  await page.getByRole("button", { name: "Change package" }).click();
  const dialog = page.getByRole("dialog", { name: "Change package" });
  await expect(dialog.getByRole("radio", { name: /Webex Meetings/ })).toBeChecked();
  await dialog.getByRole("radio", { name: /Webex Suite/ }).check();
  await expect(
    dialog.getByText(/Everything in Webex Calling plus full Webex Meetings/),
  ).toBeVisible();

  // A calling package without a number is refused beside the field.
  await dialog.getByRole("button", { name: "Change", exact: true }).click();
  await expect(dialog.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");

  const phone = `+46 8 ${String(Date.now()).slice(-7)}`;
  await dialog.getByLabel("Phone number").fill(phone);
  await dialog.getByLabel("Location").selectOption({ index: 1 });
  await dialog.getByRole("button", { name: "Change", exact: true }).click();

  await expect(
    page.getByRole("status").filter({ hasText: `${user.displayName} now has Webex Suite.` }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Package" })).toContainText("Webex Suite");
  // Shown grouped for people ("+46 8 123 45 67"), however it was typed.
  const digits = phone.replace(/\D/g, "").split("").join("\\s?");
  await expect(page.getByRole("region", { name: "Details" })).toContainText(
    new RegExp(`\\+${digits}`),
  );
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText(
    "Package changed",
  );

  await page
    .getByRole("navigation", { name: "Control Hub" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const log = page.getByRole("table", { name: "Audit log" });
  const changed = log
    .getByRole("row")
    .filter({ hasText: user.email })
    .filter({ hasText: "Package changed" });
  await expect(changed).toContainText("Webex Meetings → Webex Suite");
  await expect(changed).toContainText("Package change");
  await expect(
    log.getByRole("row").filter({ hasText: user.email }).filter({ hasText: "User added" }),
  ).toContainText("Manual add");

  await page.getByLabel("Source").selectOption({ label: "Package change" });
  await expect(log.getByRole("row").filter({ hasText: "User added" })).toHaveCount(0);
  await expect(log.getByRole("row").filter({ hasText: user.email })).toHaveCount(1);
});

test("a change against a stale version is refused with the fresh data, and goes through when re-submitted", async ({
  page,
}) => {
  const run = Date.now().toString(36);
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const { customerId, user, csrf } = await createMeetingsUser(page, `Stale ${run}`);
  await openUser(page, customerId, user);

  await page.getByRole("button", { name: "Change package" }).click();
  const dialog = page.getByRole("dialog", { name: "Change package" });
  await dialog.getByRole("radio", { name: /Webex Suite/ }).check();
  await dialog.getByLabel("Phone number").fill(`+46 8 ${String(Date.now()).slice(-7)}`);
  await dialog.getByLabel("Location").selectOption({ index: 1 });

  // Meanwhile, someone else gives the user Webex Calling with an extension.
  const locations = (await (
    await page.request.get(`/api/v1/customers/${customerId}/locations`)
  ).json()) as { items: { id: string }[] };
  const other = await page.request.put(`/api/v1/customers/${customerId}/users/${user.id}/package`, {
    headers: { "x-csrf-token": csrf, "if-match": `"${user.version}"` },
    data: {
      package: "webex_calling",
      extension: String(Date.now()).slice(-6),
      locationId: locations.items[0]?.id,
    },
  });
  expect(other.status()).toBe(200);

  await dialog.getByRole("button", { name: "Change", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("was changed by someone else");
  await expect(dialog.getByRole("region", { name: "Current details" })).toContainText(
    "Webex Calling",
  );
  // The choice is kept; the user now has a number, so none is asked for.
  await expect(dialog.getByRole("radio", { name: /Webex Suite/ })).toBeChecked();
  await expect(dialog.getByLabel("Phone number")).toHaveCount(0);

  await dialog.getByRole("button", { name: "Change", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `${user.displayName} now has Webex Suite.` }),
  ).toBeVisible();
});

test("when the package choices cannot be loaded, the user page offers a retry that brings the change back", async ({
  page,
}) => {
  await signInAs(page, "customerAdmin");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const { customerId, user } = await createMeetingsUser(page, `Offline ${Date.now().toString(36)}`);

  // The locations the change needs do not arrive (the network drops the request).
  await page.route("**/api/v1/customers/*/locations*", (route) => route.abort());
  await openUser(page, customerId, user);
  await expect(page.getByRole("alert")).toHaveText(
    "The package choices could not be loaded, so the package cannot be changed right now.",
  );
  const retry = page.getByRole("button", { name: "Retry" });
  await expect(page.getByRole("button", { name: "Change package" })).toHaveCount(0);

  await page.unroute("**/api/v1/customers/*/locations*");
  await retry.click();
  const change = page.getByRole("button", { name: "Change package" });
  await expect(change).toBeEnabled();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await change.click();
  await expect(page.getByRole("dialog", { name: "Change package" })).toBeVisible();
});
