import { expect, test } from "@playwright/test";

// Issue 5: leads define rubrics; reviewers get the form they produce.
// As the admin (who may manage rubrics too): the lead account is kept for review mode.
test.use({ storageState: "e2e/.auth/admin.json" });

test("a rubric manager creates a categorical rubric with a preview, reviewers get its form, and archiving hides it", async ({ page }) => {
  const name = `tone_${Date.now()}`;
  await page.goto("/rubrics/new");
  const form = page.getByRole("form", { name: "Rubric" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Label 1", { exact: true }).fill("friendly");
  await form.getByRole("button", { name: "+ Add label" }).click();
  await form.getByLabel("Label 2", { exact: true }).fill("curt");
  await form.getByLabel("Score of label 2").fill("0");
  await form.getByLabel("Guidelines (markdown)").fill("Is the **tone** right for a support chat?");
  await form.getByRole("checkbox", { name: "support-bot" }).check();
  const preview = page.getByRole("complementary", { name: "Preview" });
  await expect(preview.getByRole("radio", { name: /friendly/ })).toBeVisible();
  await expect(preview.locator("strong", { hasText: "tone" })).toBeVisible();
  await page.screenshot({ path: "screenshots/rubric-editor.png" });
  await form.getByRole("button", { name: "Create rubric" }).click();
  await expect(page).toHaveURL(/\/rubrics\/\d+$/);

  await page.goto("/projects/support-bot/traces?q=cancel");
  await page.getByRole("table").getByRole("link", { name: "support_turn" }).first().click();
  const panel = page.getByRole("complementary", { name: "Review" });
  await expect(panel.getByRole("radiogroup", { name })).toBeVisible();
  await panel.getByRole("radiogroup", { name }).getByRole("radio", { name: /curt/ }).click();
  await expect(panel.getByRole("region", { name: "Annotations on this trace" })).toContainText("curt");

  await page.goto("/rubrics");
  await page.getByRole("button", { name: `Archive ${name}` }).click();
  await page.getByRole("alertdialog", { name: `Archive ${name}?` }).getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Archived ${name} (it is in use).` })).toBeVisible();
  await page.goto("/projects/support-bot/traces?q=cancel");
  await page.getByRole("table").getByRole("link", { name: "support_turn" }).first().click();
  await expect(page.getByRole("complementary", { name: "Review" }).getByRole("radiogroup", { name: "correctness" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Review" }).getByRole("radiogroup", { name })).toHaveCount(0);
});

test.describe("a reviewer", () => {
  test.use({ storageState: "e2e/.auth/reviewer.json" });
  test("may not open the rubric editor", async ({ page }) => {
    const response = await page.goto("/rubrics/new");
    expect(response?.status()).toBe(403);
  });
});
