import { expect, test } from "@playwright/test";

// Issue 3: on an empty database the first visitor creates the admin account.
// Runs in the "first-run" project, against a second server on an empty database.
test.use({ storageState: { cookies: [], origins: [] } });

test("the first visitor creates the admin account, and only once", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Marginalia" })).toBeVisible();
  await page.getByLabel("Your name").fill("First Admin");
  await page.getByLabel("Email").fill("first@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
  await page.screenshot({ path: "screenshots/first-run.png" });

  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expect(page.getByRole("link", { name: /First Admin/ })).toContainText("admin");

  // Set-up is over: a second visitor is sent to sign in.
  const other = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await other.goto("/setup");
  await expect(other).toHaveURL(/\/login/);
  await other.close();
});
