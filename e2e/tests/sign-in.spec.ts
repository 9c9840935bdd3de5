import { expect, test } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

test("a partner full administrator signs in and lands on the customers list", async ({ page }) => {
  await signInAs(page, "partnerFullAdmin");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
});
