import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts.ts";

/** Signs in through the form, as a person would: by the field labels and the button name. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export function signInAs(page: Page, account: DemoAccount): Promise<void> {
  return signIn(page, DEMO_ACCOUNTS[account]);
}
