import { expect, test, type Page } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";
import { api, ingestPolishWorld, type PolishWorld } from "./polish-world";

// Issue 13, item 10: the smaller things that get in a reviewer's way. Every
// test works in a project of its own (e2e/polish-world.ts) or only reads the demo.
let world: PolishWorld;
let key: string;

test.beforeAll(async ({ browser, baseURL }) => {
  key = await createKeyInSettings(browser, baseURL!, "admin");
  world = await ingestPolishWorld(baseURL!, key);
});

const tracePath = (index = 0) => `/projects/${world.project}/traces/${world.traces[index].traceId}`;
const reviewReady = (page: Page) => expect(page.locator("html[data-review-ready]")).toBeAttached();

test("Edit on a note puts the cursor in its text box", async ({ page }) => {
  await page.goto(tracePath());
  await reviewReady(page);
  const notes = page.getByRole("region", { name: "Notes" });
  await page.keyboard.press("n");
  await page.keyboard.type("The greeting is missing");
  await page.keyboard.press("Enter");
  const note = notes.getByRole("listitem").filter({ hasText: "The greeting is missing" });
  await note.getByRole("button", { name: "Edit" }).click();
  const box = note.getByRole("textbox", { name: "Edit note" });
  await expect(box).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(" entirely");
  await note.getByRole("button", { name: "Save" }).click();
  await expect(box).toBeHidden();
  await expect(note).toContainText("The greeting is missing entirely");
  await page.screenshot({ path: "screenshots/polish-note-edit.png" });
});

async function createRubric(page: Page, name: string, labels: string[], path = "/rubrics/new") {
  await page.goto(path);
  const form = page.getByRole("form", { name: "Rubric" });
  await form.getByLabel("Name").fill(name);
  for (const [index, label] of labels.entries()) {
    if (index > 0) await form.getByRole("button", { name: "+ Add label" }).click();
    await form.getByLabel(`Label ${index + 1}`, { exact: true }).fill(label);
  }
  return form;
}

test("archiving a rubric asks first, and Cancel keeps it", async ({ page }) => {
  const name = `archive_me_${Date.now()}`;
  const form = await createRubric(page, name, ["yes", "no"]);
  await form.getByRole("button", { name: "Create rubric" }).click();
  await expect(page).toHaveURL(/\/rubrics\/\d+/);

  await page.goto("/rubrics");
  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: `Archive ${name}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Archive ${name}?` });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: "screenshots/polish-archive-confirm.png" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText("(archived)")).toHaveCount(0);

  await row.getByRole("button", { name: `Archive ${name}` }).click();
  await expect(dialog.getByRole("button", { name: "Archive" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Deleted ${name}.` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});

test("a rubric created from a project's settings is attached to that project and says so", async ({ page }) => {
  await page.goto(`/projects/${world.project}/settings`);
  await page.screenshot({ path: "screenshots/polish-project-settings.png" });
  await page.getByRole("link", { name: "New rubric for this project" }).click();
  await expect(page).toHaveURL(new RegExp(`/rubrics/new\\?project=${world.project}`));
  const name = `tone_${Date.now()}`;
  const form = await createRubric(page, name, ["warm", "cold"], page.url());
  await expect(form.getByRole("checkbox", { name: world.project })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "support-bot" })).not.toBeChecked();
  await form.getByRole("button", { name: "Create rubric" }).click();
  await expect(page.getByRole("status")).toHaveText(`Rubric ${name} created and attached to ${world.project}.`);
  await page.screenshot({ path: "screenshots/polish-rubric-created.png" });
  await page.goto(`/projects/${world.project}/settings`);
  await expect(page.getByText(name)).toBeVisible();
});

test("two labels with the same text mark both rows and name the label", async ({ page }) => {
  const form = await createRubric(page, `dupes_${Date.now()}`, ["polite", "rude", "polite"]);
  await form.getByRole("button", { name: "Create rubric" }).click();
  await expect(form.getByLabel("Label 1", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Label 3", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Label 2", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/"polite" is given twice \(labels 1 and 3\)/)).toBeVisible();
  await expect(page).toHaveURL(/\/rubrics\/new$/);
  await page.screenshot({ path: "screenshots/polish-duplicate-labels.png" });
});

test("the spans list shows an LLM span's last user message, not its raw JSON", async ({ page }) => {
  await page.goto(`/projects/${world.project}/spans?kind=LLM`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "generate_answer" }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(world.lastUserMessage);
  await expect(row).not.toContainText('"model"');
  await page.screenshot({ path: "screenshots/polish-spans-llm.png" });
});

test("the traces table fits 1024 px with room for input and output", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/projects/support-bot/traces");
  const table = page.getByRole("table");
  const fits = await table.evaluate((el) => ({ scroll: el.parentElement!.scrollWidth, client: el.parentElement!.clientWidth }));
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  for (const column of ["Input", "Output"]) {
    const header = table.getByRole("columnheader", { name: column });
    const box = (await header.boundingBox())!;
    expect(box.width, `${column} column width`).toBeGreaterThanOrEqual(200);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
  }
  const firstRow = table.getByRole("row").nth(1);
  await expect(firstRow.getByRole("cell").nth(2)).toBeInViewport();
  await expect(firstRow.getByRole("cell").nth(3)).toBeInViewport();
  await page.screenshot({ path: "screenshots/polish-traces-1024.png" });
});

test.describe("a viewer", () => {
  test.use({ storageState: "e2e/.auth/viewer.json" });
  test("is not told to press n to write a note", async ({ page }) => {
    await page.goto(tracePath(1));
    const notes = page.getByRole("region", { name: "Notes" });
    await expect(notes.getByText("No notes yet.")).toBeVisible();
    await expect(notes).not.toContainText("Press n");
    await page.screenshot({ path: "screenshots/polish-viewer-notes.png" });
  });
});

test("filtering traces by a session rubric finds the traces of the labelled session", async ({ page, baseURL }) => {
  const name = `satisfaction_${Date.now()}`;
  const created = await api(baseURL!, key, "/v1/annotation_configs", "POST", {
    type: "CATEGORICAL", name, optimization_direction: "MAXIMIZE", values: [{ label: "happy", score: 5 }, { label: "unhappy", score: 1 }],
  });
  await api(baseURL!, key, `/v1/projects/${world.project}/annotation_configs`, "PUT", { annotation_config_ids: [created.data.id] });
  const labelled = world.traces[0];
  await api(baseURL!, key, "/v1/session_annotations?sync=true", "POST", {
    data: [{ session_id: labelled.sessionId, name, annotator_kind: "HUMAN", result: { label: "happy", score: 5 } }],
  });

  await page.goto(`/projects/${world.project}/traces`);
  await page.getByRole("combobox", { name: "Rubric", exact: true }).selectOption(name);
  await expect(page).toHaveURL(new RegExp(`rubric=${name}`));
  await page.getByRole("combobox", { name: "Label", exact: true }).selectOption("happy");
  await expect(page).toHaveURL(/label=happy/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // header + the trace of the labelled session
  await expect(rows.nth(1)).toContainText(labelled.question);
  await page.screenshot({ path: "screenshots/polish-session-rubric-filter.png" });

  await page.goto(`/projects/${world.project}/traces?rubric=${name}&scoreMin=4`);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(labelled.question);
});

test("the app has a favicon", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel~="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  await page.setViewportSize({ width: 200, height: 140 });
  await page.setContent(`<img alt="" src="${new URL(href!, page.url())}" width="64"> <img alt="" src="${new URL(href!, page.url())}" width="16">`);
  await page.screenshot({ path: "screenshots/polish-favicon.png" });
});
