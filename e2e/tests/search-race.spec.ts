import { expect, test } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// A list's search is committed to the URL 300 ms after the last keystroke. Someone quick types a
// search and at once launches a customer's Control Hub: the Control Hub's pages load lazily, so the
// list stays on screen until they have, and a search committed meanwhile used to navigate back to
// the list. On a slow line that load takes longer than the pause; here it is slowed on purpose so
// the search's moment always falls inside it.

const CONTROL_HUB_CODE = "**/assets/control-hub-layout-*.js";
const SLOW_LOAD_MS = 1_000;
/** SEARCH_DEBOUNCE_MS in apps/web/src/components/ui/search-field.tsx. */
const SEARCH_PAUSE_MS = 300;

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

  // The worst moment: the click lands just before the pause ends, on a slow computer (CPU four
  // times slower), so the search's moment falls between the click and React's rendering of the
  // navigation it started. The typing and the click happen inside the page so that the gap is
  // exact; from the test runner it would be whatever the machine's load made it. (Before the
  // search asked the router itself, this failed for every gap from 240 to 295 ms.)
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.evaluate(
    async ({ text, gapMs }) => {
      const box = document.querySelector<HTMLInputElement>('input[type="search"]');
      const link = [...document.querySelectorAll("a")].find(
        (a) => a.textContent?.trim() === "Launch Control Hub",
      );
      if (!box || !link) throw new Error("no search box or Launch link");
      // As typing does: React reads the value the input's own setter gave.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(box, text);
      box.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      link.click();
    },
    { text: "Norrsken", gapMs: SEARCH_PAUSE_MS - 20 },
  );
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  await expect(page.getByText("Managing Norrsken Energi AB")).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/[^/]+\/users$/);
  // Still there a while later: no search turned up afterwards to take the person back.
  await page.waitForTimeout(600);
  await expect(page).toHaveURL(/\/customers\/[^/]+\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  // Back returns to the list as it was when they left it, without the search that never was.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/search=/);
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
