import { expect, test } from "@playwright/test";
import { shot } from "../support/screenshot.ts";
import { signInAs } from "../support/sign-in.ts";

// Spec §11 Create customer: a partner walks the wizard (Customer, Address, Packages and quotas,
// Location, Review), launches the new customer's Control Hub and adds its first user; and the
// same wizard in Swedish refuses bad input beside each field, a taken external ID included.
// From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
test("a partner creates a customer with Webex Calling, Webex Meetings and a location, launches its Control Hub and adds a user", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  const name = `Vindeln Kraft ${run} AB`;
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await shot(page, "0-customers-en");
  await page.getByRole("link", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: "Create customer", level: 1 })).toBeVisible();

  // Customer: Next on the empty step says what each field needs, beside it.
  await expect(page.getByRole("heading", { name: "Customer", level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Enter a name of 1–80 characters without %.")).toBeVisible();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await shot(page, "0-customer-error-en");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("External ID").fill(`VK-${run}`);
  await page.getByLabel("First administrator's email").fill(`anna.${run}@vindeln.example`);
  await page.getByLabel("Customer's language").selectOption("sv");
  await shot(page, "1-customer-en");
  await page.getByRole("button", { name: "Next" }).click();

  // Address: the country is a select named in the UI language.
  await expect(page.getByRole("heading", { name: "Address", level: 2 })).toBeVisible();
  await page.getByLabel("Street").fill("Storgatan 12");
  await page.getByLabel("Postal code (optional)").fill("922 31");
  await page.getByLabel("City").fill("Vindeln");
  await expect(page.getByLabel("Country")).toHaveValue("SE");
  await page.getByLabel("Country").selectOption({ label: "Finland" });
  await page.getByLabel("Country").selectOption({ label: "Sweden" });
  await shot(page, "2-address-en");
  await page.getByRole("button", { name: "Next" }).click();

  // Packages and quotas: the Location step appears once a calling package is chosen.
  await expect(page.getByRole("heading", { name: "Packages and quotas", level: 2 })).toBeVisible();
  const steps = page.getByRole("list", { name: "Steps of creating a customer" });
  await expect(steps.getByText("Location")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Webex Meetings" }).check();
  await page.getByLabel("Quota for Webex Meetings").fill("50");
  await page.getByRole("checkbox", { name: "Webex Calling", exact: true }).check();
  await page.getByLabel("Quota for Webex Calling", { exact: true }).fill("20");
  await expect(steps.getByText("Location")).toBeVisible();
  await shot(page, "3-packages-en");
  await page.getByRole("button", { name: "Next" }).click();

  // Location
  await expect(page.getByRole("heading", { name: "Location", level: 2 })).toBeVisible();
  await page.getByLabel("Name").fill("Huvudkontoret");
  await page.getByRole("button", { name: "Use the customer's address" }).click();
  await expect(page.getByLabel("Street")).toHaveValue("Storgatan 12");
  await page.getByLabel("Time zone").fill("Europe/Stockholm");
  await shot(page, "4-location-en");
  await page.getByRole("button", { name: "Next" }).click();

  // Review → Create
  await expect(page.getByRole("heading", { name: "Review", level: 2 })).toBeVisible();
  await expect(page.getByText(name)).toBeVisible();
  await expect(page.getByText("20 users")).toBeVisible();
  await expect(page.getByText("Europe/Stockholm")).toBeVisible();
  await shot(page, "5-review-en");
  await page.getByRole("button", { name: "Create customer" }).click();

  // Result: the customer named, Launch Control Hub, the administrator's link with a copy button.
  await expect(page.getByRole("heading", { name: "Customer created", level: 2 })).toBeVisible();
  await expect(page.getByText(`${name} is created and active.`)).toBeVisible();
  const link = page.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await shot(page, "6-result-en");

  // Launch its Control Hub from the result and add its first user by hand.
  await page.getByRole("link", { name: "Launch Control Hub" }).click();
  await expect(page.getByText(`Managing ${name}`)).toBeVisible();
  await page.getByRole("button", { name: "Manage users" }).click();
  await page.getByRole("menuitem", { name: "Manually add users" }).click();
  const user = page.getByRole("group", { name: "User 1", exact: true });
  await user.getByLabel("First name").fill("Anna");
  await user.getByLabel("Last name").fill("Lind");
  await user.getByLabel("Email").fill(`anna.lind.${run}@vindeln.example`);
  await user.getByLabel("Package").selectOption("webex_calling");
  await user.getByLabel("Extension").fill("1001");
  await expect(user.getByLabel("Location")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Summary", level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Add 1 user" }).click();
  await expect(page.getByText("1 user was added")).toBeVisible();

  // Back in Partner Hub, the list and its search have it: its one user against the quotas it got.
  await page.getByRole("link", { name: "Back to Partner Hub" }).click();
  await page.getByRole("searchbox", { name: "Search customers" }).fill(`vk-${run}`);
  const row = page
    .getByRole("table", { name: "Customers" })
    .getByRole("row")
    .filter({ hasText: name });
  await expect(row).toContainText(/1\s*\/\s*70/);
});

test("in Swedish, the wizard refuses bad input beside each field and a taken external ID from the server", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  const taken = (
    (await (await page.request.get("/api/v1/customers?max=1")).json()) as {
      items: { externalId: string }[];
    }
  ).items[0]!.externalId;
  await page.evaluate(`localStorage.setItem("partnerhub.language", "sv")`);
  await page.goto("/partner/customers/new");
  await expect(page.getByRole("heading", { name: "Skapa kund", level: 1 })).toBeVisible();

  // Customer: empty, then a % in the name.
  await page.getByRole("button", { name: "Nästa" }).click();
  await expect(page.getByText("Ange ett externt ID på 1–64 tecken.")).toBeVisible();
  await expect(page.getByLabel("Namn")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Namn")).toBeFocused();
  await page.getByLabel("Namn").fill("Hundra % AB");
  await page.getByLabel("Externt ID").fill(taken.toLowerCase());
  await page.getByLabel("Första administratörens e-post").fill("inte-en-adress");
  await page.getByRole("button", { name: "Nästa" }).click();
  await expect(page.getByText("Ange ett namn på 1–80 tecken utan %.")).toBeVisible();
  await expect(page.getByText("Ange en e-postadress.")).toBeVisible();
  await shot(page, "1-customer-error-sv");
  await page.getByLabel("Namn").fill(`Hundra Procent ${run} AB`);
  await page.getByLabel("Första administratörens e-post").fill(`admin.${run}@hundra.example`);
  await page.getByRole("button", { name: "Nästa" }).click();

  // Address: street required, country chosen.
  await expect(page.getByRole("heading", { name: "Adress", level: 2 })).toBeVisible();
  await page.getByLabel("Land").selectOption("");
  await page.getByRole("button", { name: "Nästa" }).click();
  await expect(page.getByText("Ange en gatuadress på högst 50 tecken.")).toBeVisible();
  await expect(page.getByText("Välj ett land.")).toBeVisible();
  await shot(page, "2-address-error-sv");
  await page.getByLabel("Gatuadress").fill("Kungsgatan 1");
  await page.getByLabel("Ort").fill("Stockholm");
  await page.getByLabel("Land").selectOption({ label: "Sverige" });
  await page.getByRole("button", { name: "Nästa" }).click();

  // Packages: none chosen, then a quota of 0.
  await expect(page.getByRole("heading", { name: "Paket och kvoter", level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Nästa" }).click();
  await expect(page.getByText("Välj minst ett paket.")).toBeVisible();
  await page.getByRole("checkbox", { name: "Webex Suite" }).check();
  await page.getByLabel("Kvot för Webex Suite").fill("0");
  await page.getByRole("button", { name: "Nästa" }).click();
  await expect(page.getByText("Ange ett heltal från 1 till 1 000 000.")).toBeVisible();
  await shot(page, "3-packages-error-sv");
  await page.getByLabel("Kvot för Webex Suite").fill("100");
  await page.getByRole("button", { name: "Nästa" }).click();

  // Location: a time zone that is not an IANA one.
  await expect(page.getByRole("heading", { name: "Plats", level: 2 })).toBeVisible();
  await page.getByLabel("Namn").fill("Kontoret");
  await page.getByRole("button", { name: "Använd kundens adress" }).click();
  await page.getByLabel("Tidszon").fill("Europe/Atlantis");
  await page.getByRole("button", { name: "Nästa" }).click();
  await expect(page.getByText("Välj en tidszon i listan, t.ex. Europe/Stockholm.")).toBeVisible();
  await shot(page, "4-location-error-sv");
  await page.getByLabel("Tidszon").fill("Europe/Stockholm");
  await page.getByRole("button", { name: "Nästa" }).click();

  // Review → Create: the server refuses the external ID; the wizard goes back to it.
  await expect(page.getByRole("heading", { name: "Granska", level: 2 })).toBeVisible();
  await shot(page, "5-review-sv");
  await page.getByRole("button", { name: "Skapa kund" }).click();
  await expect(page.getByRole("heading", { name: "Kund", level: 2 })).toBeVisible();
  await expect(
    page.getByText(`En annan kund har redan externt ID ”${taken.toLowerCase()}”.`),
  ).toBeVisible();
  await expect(page.getByLabel("Externt ID")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "6-server-error-sv");
  await page.getByLabel("Externt ID").fill(`HP-${run}`);
  for (const heading of ["Adress", "Paket och kvoter", "Plats", "Granska"]) {
    await page.getByRole("button", { name: "Nästa" }).click();
    await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
  }
  await page.getByRole("button", { name: "Skapa kund" }).click();
  await expect(page.getByRole("heading", { name: "Kunden är skapad", level: 2 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Öppna Control Hub" })).toBeVisible();
  await expect(page.getByLabel("Inbjudningslänk")).toHaveValue(/\/invitations\//);
  await shot(page, "7-result-sv");
});

test("a read-only partner administrator is not offered Create customer", async ({ page }) => {
  await signInAs(page, "partnerReadonlyAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create customer" })).toHaveCount(0);
  await page.goto("/partner/customers/new");
  await expect(page.getByText("Your role cannot create customers.")).toBeVisible();
});
