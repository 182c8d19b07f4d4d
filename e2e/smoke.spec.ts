import { expect, test } from "@playwright/test";

test("the home page lists projects", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await page.screenshot({ path: "screenshots/projects.png", fullPage: true });
});
