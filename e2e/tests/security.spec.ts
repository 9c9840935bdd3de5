import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../support/sign-in.ts";

// Spec §14: the Content-Security-Policy allows no inline script or style, and the built SPA
// must work under it. Every page of the main journeys is opened with a listener for CSP
// violations and console errors; none may appear.

async function watchForViolations(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  // Init scripts run outside the page's CSP, so this listener itself is not a violation.
  await page.addInitScript({
    content: `
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__cspViolations.push(
          e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
            " (" + e.sourceFile + ":" + e.lineNumber + ")"));`,
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Asking who is signed in answers 401 before sign-in: expected, and logged by Chromium.
    if (message.location().url.endsWith("/api/v1/auth/me") && /\b401\b/.test(message.text()))
      return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return async () => [
    ...problems,
    ...(await page.evaluate<string[]>("window.__cspViolations ?? []")),
  ];
}

test("every page works under the Content-Security-Policy, with no violation", async ({ page }) => {
  const problems = await watchForViolations(page);
  const visited: string[] = [];
  const check = async (where: string) => {
    visited.push(where);
    expect(await problems(), `on ${where}`).toEqual([]);
  };

  const first = await page.goto("/");
  expect(first?.headers()["content-security-policy"]).toContain("script-src 'self'");
  expect(first?.headers()["x-frame-options"]).toBe("DENY");
  await expect(page.getByLabel("Email")).toBeVisible();
  await check("sign-in");

  await signInAs(page, "partnerFullAdmin");
  const customers = page.getByRole("table", { name: "Customers" });
  await expect(customers.getByRole("row").nth(1)).toBeVisible();
  await customers
    .getByRole("button", { name: /^Show details for / })
    .first()
    .click();
  await expect(page.getByRole("link", { name: "Launch Control Hub" })).toBeVisible();
  await check("customers with details open");

  await page.getByRole("link", { name: "Launch Control Hub" }).click();
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").nth(1)).toBeVisible();
  await check("users");

  await users.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Package" })).toBeVisible();
  await check("a user");

  const hub = page.getByRole("navigation", { name: "Control Hub" });
  for (const link of ["Locations", "Tasks", "Audit log"]) {
    await hub.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { name: link, level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await check(link);
  }

  await hub.getByRole("link", { name: "Users" }).click();
  for (const item of ["Manually add users", "CSV add or edit"]) {
    await page.getByRole("button", { name: "Manage users" }).click();
    await page.getByRole("menuitem", { name: item }).click();
    await expect(page.getByRole("heading", { name: item, level: 1 })).toBeVisible();
    await check(item);
    await page.goBack();
  }

  // Swedish, and a full reload of a deep page (the SPA boots again under the policy).
  await page.getByLabel("Language").selectOption({ label: "Svenska" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Användare", level: 1 })).toBeVisible();
  await check("users in Swedish after a reload");
  expect(visited.length).toBeGreaterThanOrEqual(9);
});

test("the API documentation works under its own policy", async ({ page }) => {
  const problems = await watchForViolations(page);
  const res = await page.goto("/api/docs");
  expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { name: /Partner Hub API/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await problems()).toEqual([]);
});

test("a session the server ended sends the person to sign in, and back to the same page", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAs(page, "customerAdmin");
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").nth(1)).toBeVisible();
  await page
    .getByRole("navigation", { name: "Control Hub" })
    .getByRole("link", { name: "Locations" })
    .click();
  await expect(page.getByRole("heading", { name: "Locations", level: 1 })).toBeVisible();
  const where = new URL(page.url()).pathname;

  // The server ends the session (as idle timeout or sign-out elsewhere would); the browser still
  // holds its cookie.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "ph_session")!;
  const elsewhere = await playwright.request.newContext({ baseURL });
  const out = await elsewhere.post("/api/v1/auth/logout", {
    headers: { cookie: `ph_session=${session.value}` },
  });
  expect(out.status()).toBe(204);
  await elsewhere.dispose();

  // The next request the page makes finds the session gone.
  await page
    .getByRole("navigation", { name: "Control Hub" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByRole("status")).toContainText("Your session ended");
  await page.screenshot({ path: "test-results/session-ended-sign-in.png", fullPage: true });

  await page.getByLabel("Email").fill("admin@customer.example");
  await page.getByLabel("Password").fill("partnerhub-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(where.replace(/locations$/, "audit"));
});
