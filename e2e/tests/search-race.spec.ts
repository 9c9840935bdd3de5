import { expect, test } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// A list's search is committed to the URL 300 ms after the last keystroke. Someone quick types a
// search and at once launches a customer's Control Hub: the Control Hub's pages load lazily, so the
// list stays on screen until they have, and a search committed meanwhile used to navigate back to
// the list. On a slow line that load takes longer than the pause; here it is slowed on purpose so
// the search's moment always falls inside it.

const CONTROL_HUB_CODE = "**/assets/control-hub-layout-*.js";
const SLOW_LOAD_MS = 1_000;

test("a search typed just before launching a Control Hub does not bring the list back", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await page.route(CONTROL_HUB_CODE, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, SLOW_LOAD_MS));
    await route.continue();
  });
  const customers = page.getByRole("table", { name: "Customers" });
  await customers.getByRole("button", { name: "Show details for Norrsken Energi AB" }).click();
  const launch = page.getByRole("complementary").getByRole("link", { name: "Launch Control Hub" });
  await expect(launch).toBeVisible();

  await page.getByRole("searchbox", { name: "Search customers" }).fill("Norrsken");
  await launch.click();

  await expect(page.getByText("Managing Norrsken Energi AB")).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/[^/]+\/users$/);
  // Still there a while later: no search turned up afterwards to take the person back.
  await page.waitForTimeout(600);
  await expect(page).toHaveURL(/\/customers\/[^/]+\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  // Back returns to the list. (Whether the search is in its URL depends on whether the click came
  // within the pause, which a loaded test machine does not promise, so it is not asserted.)
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
});

test("a pause still commits the search, and Enter commits it at once, before a launch", async ({
  page,
}) => {
  await signInAs(page, "partnerFullAdmin");
  await page.route(CONTROL_HUB_CODE, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, SLOW_LOAD_MS));
    await route.continue();
  });
  const search = page.getByRole("searchbox", { name: "Search customers" });
  await search.fill("Norrsken");
  await expect(page).toHaveURL(/search=Norrsken/);
  const customers = page.getByRole("table", { name: "Customers" });
  await expect(
    customers.getByRole("button", { name: /^Show details for / }).first(),
  ).toHaveAccessibleName(/Norrsken/);

  await customers.getByRole("button", { name: "Show details for Norrsken Energi AB" }).click();
  const launch = page.getByRole("complementary").getByRole("link", { name: "Launch Control Hub" });
  await expect(launch).toBeVisible();
  await search.fill("Norrsken Energi");
  await search.press("Enter");
  await launch.click();
  await expect(page.getByText("Managing Norrsken Energi AB")).toBeVisible();

  // Enter did not wait for the pause: the list they come back to is the one they asked for.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/search=Norrsken(\+|%20)Energi/);
  await expect(search).toHaveValue("Norrsken Energi");
});
