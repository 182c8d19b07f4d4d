import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";
import { ingestThemesWorld, type ThemesWorld } from "./themes-world";

// Issue 9's proof, as a lead in a project of its own (e2e/themes-world.ts):
// search notes, tag ten into two themes by keyboard and by multi-select, accept
// a suggested group, merge two themes, promote them to a categorical rubric,
// land on its editor; then a reviewer labels a trace with that rubric.
test.use({ storageState: "e2e/.auth/lead.json", viewport: { width: 1280, height: 900 } });

let world: ThemesWorld;

test.beforeAll(async ({ browser, baseURL }) => {
  const key = await createKeyInSettings(browser, baseURL!, "lead");
  world = await ingestThemesWorld(baseURL!, key);
});

const notesList = (page: Page) => page.getByRole("list", { name: "Notes" });
const noteItems = (page: Page) => notesList(page).locator(":scope > li");
const themeRow = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

async function searchNotes(page: Page, query: string, expected: number) {
  const box = page.getByLabel("Search notes");
  await box.fill(query);
  await box.press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(query);
  await expect(noteItems(page)).toHaveCount(expected);
}

async function tagInto(page: Page, count: number, theme: string) {
  const dialog = page.getByRole("dialog", { name: `Tag ${count} notes` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("combobox", { name: "Theme" }).fill(theme);
  await expect(dialog.getByRole("option", { name: `Create theme '${theme}'` })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: theme })).toBeVisible();
}

test("a lead codes notes into themes and promotes them to a rubric; a reviewer labels with it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const rubricName = `failure_mode_${randomBytes(3).toString("hex")}`;

  // 1. Notes page: search, then tag five refund notes by keyboard (j moves, x selects, t tags).
  await page.goto(`/projects/${world.project}/notes`);
  await expect(noteItems(page)).toHaveCount(20);
  await searchNotes(page, "refund policy", 8);
  await page.screenshot({ path: "screenshots/themes-notes-search.png" });
  for (let n = 0; n < 5; n++) {
    await page.keyboard.press("j");
    await page.keyboard.press("x");
  }
  await expect(page.getByTestId("selected-count")).toHaveText("5 selected");
  await page.keyboard.press("t");
  await tagInto(page, 5, "Invented refund policy");
  await expect(noteItems(page).filter({ has: page.getByRole("link", { name: "Invented refund policy" }) })).toHaveCount(5);

  // …and five wrong-tool notes by multi-select: a click, then a shift-click four notes on.
  await searchNotes(page, "tool", 6);
  await noteItems(page).nth(0).getByRole("checkbox").click();
  await noteItems(page).nth(4).getByRole("checkbox").click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selected-count")).toHaveText("5 selected");
  await page.getByRole("button", { name: "Tag selected…" }).click();
  await tagInto(page, 5, "Wrong tool");
  await page.screenshot({ path: "screenshots/themes-notes-tagged.png" });

  // 2. The themes list counts them.
  await page.goto(`/projects/${world.project}/themes`);
  await expect(themeRow(page, "Invented refund policy").getByRole("cell").nth(2)).toHaveText("5");
  await expect(themeRow(page, "Wrong tool").getByRole("cell").nth(2)).toHaveText("5");

  // 3. Suggest groups over the ten untagged notes: the six rude-tone notes group, and so do the three refund leftovers.
  await page.getByRole("link", { name: "Suggest groups" }).click();
  const groups = page.getByRole("list", { name: "Suggested groups" });
  await expect(groups).toBeVisible({ timeout: 30_000 });
  // A strict threshold breaks up the six loosely worded tone notes; the default one groups them again.
  await page.getByLabel("Threshold value").fill("0.9");
  await page.getByRole("button", { name: "Regroup" }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("threshold")).toBe("0.9");
  await expect(page.getByText(/ or more similar notes in 10 untagged notes\.$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("6 notes")).toHaveCount(0);
  await page.getByLabel("Threshold value").fill("0.2");
  await page.getByRole("button", { name: "Regroup" }).click();
  await expect(page.getByText("2 groups of 3 or more similar notes in 10 untagged notes.")).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "screenshots/themes-suggest.png", fullPage: true });
  const toneGroup = groups.locator(":scope > li").filter({ hasText: /rude/i }).filter({ hasText: "6 notes" });
  await expect(toneGroup).toHaveCount(1);
  await toneGroup.getByLabel("Theme name").fill("Rude tone");
  await toneGroup.getByRole("button", { name: "Accept as new theme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Created theme Rude tone with 6 notes." })).toBeVisible();
  await expect(toneGroup).toHaveCount(0);
  const refundGroup = groups.locator(":scope > li").filter({ hasText: /refund/i }).first();
  await refundGroup.getByLabel("Theme name").fill("Refund policy leftovers");
  await refundGroup.getByRole("button", { name: "Accept as new theme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Created theme Refund policy leftovers" })).toBeVisible();

  // 4. Merge the leftovers into the refund theme, choosing which survives.
  await page.goto(`/projects/${world.project}/themes`);
  await page.getByRole("checkbox", { name: "Select Refund policy leftovers" }).check();
  await page.getByRole("checkbox", { name: "Select Invented refund policy" }).check();
  await page.getByRole("button", { name: "Merge…" }).click();
  const merge = page.getByRole("dialog", { name: /^Merge .* and .*\?$/ });
  await merge.getByRole("radio", { name: /Keep Invented refund policy/ }).check();
  await page.screenshot({ path: "screenshots/themes-merge.png" });
  await merge.getByRole("button", { name: "Merge into Invented refund policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merged Refund policy leftovers into Invented refund policy." })).toBeVisible();
  await expect(themeRow(page, "Refund policy leftovers")).toHaveCount(0);
  const refundRow = themeRow(page, "Invented refund policy");
  await expect(refundRow.getByRole("cell").nth(2)).toHaveText("8");
  await page.screenshot({ path: "screenshots/themes-list.png" });

  // 5. Promote the three themes to one categorical rubric and land on its editor.
  for (const name of ["Invented refund policy", "Wrong tool", "Rude tone"]) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByRole("button", { name: "Promote to rubric…" }).click();
  const promote = page.getByRole("dialog", { name: "Promote 3 themes to a rubric" });
  await expect(promote.getByRole("radio", { name: /One categorical rubric/ })).toBeChecked();
  await promote.getByLabel("Rubric name").fill(rubricName);
  await page.screenshot({ path: "screenshots/themes-promote.png" });
  await promote.getByRole("button", { name: "Create rubric" }).click();
  await expect(page).toHaveURL(/\/rubrics\/\d+$/);
  await expect(page.getByRole("heading", { name: `Rubric ${rubricName}` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `attached to ${world.project}` })).toBeVisible();
  const from = page.getByText("From themes:");
  for (const name of ["Invented refund policy", "Rude tone", "Wrong tool"]) await expect(from.getByRole("link", { name })).toBeVisible();
  const form = page.getByRole("form", { name: "Rubric" });
  for (const [index, label] of ["Invented refund policy", "Rude tone", "Wrong tool", "none of these"].entries()) {
    await expect(form.getByLabel(`Label ${index + 1}`, { exact: true })).toHaveValue(label);
  }
  await page.screenshot({ path: "screenshots/themes-rubric-editor.png", fullPage: true });

  // The theme page shows the rubric, the merge in its history and opens its traces.
  await from.getByRole("link", { name: "Invented refund policy" }).click();
  await expect(page.getByRole("heading", { name: "Invented refund policy", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rubrics promoted from it" }).getByRole("link", { name: rubricName })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("merged “Refund policy leftovers” into it (3 notes)");
  await expect(history).toContainText(`promoted it to rubric “${rubricName}”`);
  await expect(page.getByRole("button", { name: "Delete" })).toBeDisabled();
  await page.screenshot({ path: "screenshots/themes-theme-page.png", fullPage: true });
  await expect(page.getByRole("link", { name: "Open 8 traces" })).toHaveAttribute("href", /\/traces\?theme=\d+$/);

  // 6. A reviewer reads the themes (no controls) and labels a trace with the new rubric.
  const reviewer = await browser.newContext({ storageState: "e2e/.auth/reviewer.json", viewport: { width: 1280, height: 900 } });
  const review = await reviewer.newPage();
  await review.goto(`/projects/${world.project}/themes`);
  await expect(themeRow(review, "Rude tone")).toBeVisible();
  await expect(review.getByRole("button", { name: "Promote to rubric…" })).toHaveCount(0);
  await expect(review.getByRole("form", { name: "New theme" })).toHaveCount(0);
  await review.goto(`/projects/${world.project}/traces/${world.traceIds[0]}`);
  await expect(review.locator("html[data-review-ready]")).toBeAttached();
  const panel = review.getByRole("complementary", { name: "Review" });
  const rubric = panel.getByRole("radiogroup", { name: rubricName });
  await expect(rubric).toBeVisible();
  await rubric.getByRole("radio", { name: /Invented refund policy/ }).click();
  await expect(rubric.getByRole("radio", { name: /Invented refund policy/ })).toHaveAttribute("aria-checked", "true");
  await expect(panel.getByText("saved")).toBeVisible();
  await review.reload();
  await expect(panel.getByRole("region", { name: "Annotations on this trace" })).toContainText("Invented refund policy");
  await review.screenshot({ path: "screenshots/themes-reviewer-label.png" });
  await reviewer.close();
});
