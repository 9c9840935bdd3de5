import { expect, test, type Locator } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// A half-screen window or a small laptop: the lists scroll sideways instead of squeezing their
// columns until an email shows two letters.
test.use({ viewport: { width: 1024, height: 700 } });

async function expectEveryColumnAtLeast(table: Locator, px: number) {
  const headers = table.getByRole("columnheader");
  const count = await headers.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const header = headers.nth(i);
    // The row-selection column holds a checkbox, not text to read.
    if ((await header.getByRole("checkbox").count()) > 0) continue;
    const box = await header.boundingBox();
    expect(box?.width, `column "${await header.innerText()}"`).toBeGreaterThanOrEqual(px);
  }
}

test("in a 1024-pixel window the customers and users tables keep every column readable", async ({
  page,
}) => {
  await signInAs(page, "customerAdmin");
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").nth(1)).toBeVisible();
  await expectEveryColumnAtLeast(users, 90); // the email column was 33 pixels wide

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs(page, "partnerFullAdmin");
  const customers = page.getByRole("table", { name: "Customers" });
  await expect(customers.getByRole("row").nth(1)).toBeVisible();
  await expectEveryColumnAtLeast(customers, 90);
});
