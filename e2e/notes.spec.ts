import { expect, test, type Page } from "@playwright/test";
import { ingestNotesWorld, type NotesWorld } from "./notes-world";
import { createKeyInSettings } from "./phoenix-fixtures";

// Issue 9, the notes page, as a lead: search, filters, keyboard moves and
// multi-select, tagging into new and existing themes, split; a reviewer reads.
// Everything happens in a project of its own (e2e/notes-world.ts).
let world: NotesWorld;

test.beforeAll(async ({ browser, baseURL }) => {
  const [lead, reviewer] = [await createKeyInSettings(browser, baseURL!, "lead"), await createKeyInSettings(browser, baseURL!, "reviewer")];
  world = await ingestNotesWorld(baseURL!, { lead, reviewer });
});

test.use({ storageState: "e2e/.auth/lead.json" });

const notesPath = (query = "") => `/projects/${world.project}/notes${query ? `?${query}` : ""}`;
const list = (page: Page) => page.getByRole("list", { name: "Notes" });
const items = (page: Page) => list(page).locator(":scope > li");
const count = (page: Page) => page.getByTestId("list-count");
const filters = (page: Page) => page.getByRole("search", { name: "Filter notes" });
// Keys work once the list has hydrated.
const keysReady = (page: Page) => expect(page.locator("ol[data-keys-ready]")).toBeAttached();
const noteBox = (page: Page, text: string) => items(page).filter({ hasText: text });

test("search highlights matches and filters narrow the notes", async ({ page }) => {
  test.slow(); // a page load per filter
  await page.goto(notesPath());
  await expect(count(page)).toHaveText("15 notes");
  await filters(page).getByRole("searchbox", { name: "Search notes" }).fill("refund");
  await filters(page).getByRole("searchbox", { name: "Search notes" }).press("Enter");
  await expect(page).toHaveURL(/q=refund/);
  await expect(count(page)).toHaveText("5 notes");
  await expect(items(page)).toHaveCount(5);
  // Every form of the word is marked ("refunds", "Refunded"), as <mark> elements, never raw HTML.
  const marks = list(page).locator("mark");
  await expect(marks).toHaveCount(5);
  for (const mark of await marks.all()) await expect(mark).toHaveText(/^refund(s|ed)?$/i);
  await page.screenshot({ path: "screenshots/notes-search.png" });

  await page.goto(notesPath());
  await filters(page).getByLabel("Reviewer").selectOption({ label: "Lee Lead" });
  await expect(page).toHaveURL(/reviewer=[0-9a-f-]{36}/);
  await expect(count(page)).toHaveText("5 notes");
  await filters(page).getByLabel("Written on").selectOption({ label: "Trace notes" });
  await expect(page).toHaveURL(/target=TRACE/);
  await expect(count(page)).toHaveText("2 notes");
  await expect(items(page).first()).toContainText("trace");
  // Each select applies at once (a GET form): wait for the URL before the next one.
  await filters(page).getByLabel("Reviewer").selectOption({ label: "Anyone" });
  await expect(page).not.toHaveURL(/reviewer=[0-9a-f]/);
  await filters(page).getByLabel("Written on").selectOption({ label: "Span notes" });
  await expect(page).toHaveURL(/target=SPAN/);
  await filters(page).getByLabel("Span kind").selectOption("TOOL");
  await expect(page).toHaveURL(/spanKind=TOOL/);
  await expect(count(page)).toHaveText("5 notes");
  // A span note links to its exact span on the trace page.
  const target = items(page).first().getByRole("link", { name: "lookup_order" });
  await expect(target).toHaveAttribute("href", new RegExp(`/traces/[0-9a-f]{32}\\?span=[0-9a-f]{16}$`));
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(count(page)).toHaveText("15 notes");
  // The labels given on a note's target show with it; the rubric filter finds the notes of labelled traces.
  await expect(noteBox(page, "Too long, could be two sentences").getByRole("list", { name: "Labels on the same target" })).toHaveText("correctness: incorrect");
  await filters(page).getByLabel("Rubric on its trace").selectOption("correctness");
  await expect(page).toHaveURL(/rubric=correctness/);
  await filters(page).getByLabel("Label").selectOption("incorrect");
  await expect(page).toHaveURL(/rubric=correctness&label=incorrect/);
  await expect(count(page)).toHaveText("6 notes");
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(count(page)).toHaveText("15 notes");
  // Markdown renders; HTML in a note stays text.
  await expect(noteBox(page, "Good answer").locator("strong")).toHaveText("nothing");
  await expect(noteBox(page, "Greeting missing")).toContainText("<b>here</b>");
});

test("a lead tags ten notes into two themes by keyboard and multi-select, then splits one", async ({ page }) => {
  test.slow(); // many steps, each a server round trip
  await page.goto(notesPath("q=refund"));
  await keysReady(page);
  // j/k move a visible focus between notes.
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(items(page).nth(1)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("k");
  await expect(items(page).nth(0)).toHaveAttribute("aria-current", "true");
  await expect(items(page).nth(1)).not.toHaveAttribute("aria-current");
  // x selects the focused note; a click and a shift-click select a range.
  await page.keyboard.press("x");
  const boxes = list(page).getByRole("checkbox");
  await expect(boxes.nth(0)).toBeChecked();
  await boxes.nth(1).click();
  await boxes.nth(4).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selected-count")).toHaveText("5 selected");
  await page.screenshot({ path: "screenshots/notes-selected.png" });

  await page.keyboard.press("t");
  const dialog = page.getByRole("dialog", { name: "Tag 5 notes" });
  await expect(dialog).toBeVisible();
  await page.keyboard.type("Invented refund policy");
  await expect(dialog.getByRole("option", { name: "Create theme 'Invented refund policy'" })).toHaveAttribute("aria-selected", "true");
  await page.screenshot({ path: "screenshots/notes-tag-dialog.png" });
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toHaveText("Created theme 'Invented refund policy' and tagged 5 notes with it");
  await expect(page.getByTestId("selected-count")).toHaveText("0 selected");
  const refundChips = list(page).getByRole("link", { name: "Invented refund policy" });
  await expect(refundChips).toHaveCount(5);
  await expect(refundChips.first()).toHaveAttribute("href", new RegExp(`/projects/${world.project}/themes/\\d+$`));

  // A second theme with one note, from the toolbar.
  await page.goto(notesPath("q=tool"));
  await keysReady(page);
  await expect(count(page)).toHaveText("6 notes");
  await noteBox(page, "Wrong tool: used order lookup").getByRole("checkbox").click();
  await page.getByRole("button", { name: "Tag selected…" }).click();
  const one = page.getByRole("dialog", { name: "Tag 1 note" });
  await one.getByRole("combobox", { name: "Theme" }).fill("Wrong tool");
  await one.getByRole("option", { name: "Create theme 'Wrong tool'" }).click();
  await expect(page.getByRole("status")).toHaveText("Created theme 'Wrong tool' and tagged 1 note with it");

  // Five more into that existing theme, by keyboard only.
  await page.goto(notesPath("q=tool&untagged=1"));
  await keysReady(page);
  await expect(count(page)).toHaveText("5 notes");
  for (let n = 0; n < 5; n++) {
    await page.keyboard.press("j");
    await page.keyboard.press("x");
  }
  await expect(page.getByTestId("selected-count")).toHaveText("5 selected");
  await page.keyboard.press("t");
  const five = page.getByRole("dialog", { name: "Tag 5 notes" });
  await page.keyboard.type("wrong");
  await expect(five.getByRole("option", { name: "Wrong tool" })).toHaveAttribute("aria-selected", "true");
  // The existing theme comes first; creating one named as typed stays possible, below it.
  await expect(five.getByRole("option")).toHaveText(["Wrong tool", "Create theme 'wrong'"]);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Tagged 5 notes with 'Wrong tool'");
  // Tagged, they leave the untagged filter.
  await expect(page.getByText("No notes match")).toBeVisible();

  // The rest: four notes nobody has tagged.
  await page.goto(notesPath("untagged=1"));
  await expect(count(page)).toHaveText("4 notes");
  await expect(items(page)).toHaveCount(4);
  await expect(list(page).getByRole("list", { name: "Themes" })).toHaveCount(0);

  // Split: two notes of a theme move out into a new one.
  await page.goto(notesPath());
  await filters(page).getByLabel("Theme").selectOption({ label: "Invented refund policy" });
  await expect(count(page)).toHaveText("5 notes");
  await keysReady(page);
  await list(page).getByRole("checkbox").nth(0).click();
  await list(page).getByRole("checkbox").nth(1).click({ modifiers: ["Shift"] });
  const moved = [await items(page).nth(0).locator("p").first().textContent(), await items(page).nth(1).locator("p").first().textContent()];
  await page.getByRole("button", { name: "Move selected to a new theme…" }).click();
  const split = page.getByRole("dialog", { name: "Move 2 notes out of 'Invented refund policy'" });
  await split.getByLabel("New theme name").fill("Refund timing");
  await page.screenshot({ path: "screenshots/notes-split-dialog.png" });
  await split.getByRole("button", { name: "Move to new theme" }).click();
  await expect(page.getByRole("status")).toHaveText("Moved 2 notes from 'Invented refund policy' to new theme 'Refund timing'");
  await expect(count(page)).toHaveText("3 notes");

  await filters(page).getByLabel("Theme").selectOption({ label: "Refund timing" });
  await expect(count(page)).toHaveText("2 notes");
  for (const text of moved) {
    const note = noteBox(page, text!);
    await expect(note.getByRole("link", { name: "Refund timing" })).toBeVisible();
    await expect(note.getByRole("link", { name: "Invented refund policy" })).toHaveCount(0);
  }
  await filters(page).getByLabel("Theme").selectOption({ label: "Wrong tool" });
  await expect(count(page)).toHaveText("6 notes");
  await page.screenshot({ path: "screenshots/notes-themed.png" });

  // A chip's × takes one theme off one note.
  const first = items(page).first();
  await first.getByRole("button", { name: "Remove theme 'Wrong tool' from this note" }).click();
  await expect(page.getByRole("status")).toHaveText("Removed 'Wrong tool' from 1 note");
  await expect(count(page)).toHaveText("5 notes");
});

test.describe("as a reviewer", () => {
  test.use({ storageState: "e2e/.auth/reviewer.json" });

  test("a reviewer reads the notes and their themes but has no tagging controls", async ({ page }) => {
    await page.goto(notesPath());
    await expect(count(page)).toHaveText("15 notes");
    await expect(items(page)).toHaveCount(15);
    await expect(list(page).getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("toolbar", { name: "Selected notes" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Suggest groups/ })).toHaveCount(0);
    await expect(list(page).getByRole("button", { name: /Remove theme/ })).toHaveCount(0);
    await keysReady(page);
    await page.keyboard.press("j");
    await expect(items(page).nth(0)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("t");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.screenshot({ path: "screenshots/notes-reviewer.png" });
  });
});
