import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";
import { ingestTimingWorld } from "./review-timing-world";

// Issue 13, items 3, 4, 6 and 7: the rubric cards by keyboard. Each test picks
// traces by a search of its own (invoice, data export, invites, upgrades) as
// reviewer2 or lead, so e2e/review.spec.ts's traces are left alone.
const asRole = (role: string) => `e2e/.auth/${role}.json`;
const reviewReady = (page: Page) => expect(page.locator("html[data-review-ready]")).toBeAttached();

async function openTrace(page: Page, query: string, index: number): Promise<Locator> {
  await page.goto(`/projects/support-bot/traces?${query}`);
  await page.getByRole("table").getByRole("link", { name: "support_turn" }).nth(index).click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
  await reviewReady(page);
  return page.getByRole("complementary", { name: "Review" });
}

const card = (scope: Locator, name: string) => scope.getByRole("group", { name, exact: true });
const status = (rubricCard: Locator) => rubricCard.locator("[data-rubric-status]");
// A page's cards take keys once hydrated and registered with ReviewKeys (data-card-ready).
const cardsReady = (panel: Locator) => expect(panel.locator("fieldset[data-rubric-form]:not([data-card-ready])")).toHaveCount(0);

test("a card says what is true: unsaved changes, saving, saved, refused with the reason", async ({ browser }) => {
  const page = await browser.newPage({ storageState: asRole("reviewer2") });
  const panel = await openTrace(page, "q=invoice&sort=latency&dir=asc", 0);
  const helpfulness = card(panel, "helpfulness");
  const score = helpfulness.getByLabel("helpfulness score");

  // Out of range: refused with the reason; the box does not keep the refused value as if stored.
  await score.fill("11");
  await score.press("Enter");
  await expect(helpfulness.getByRole("alert")).toHaveText("Score must be between 0 and 10");
  await expect(score).toHaveValue("");
  await expect(status(helpfulness)).toHaveText("refused");
  await expect(helpfulness.getByText("Not saved: 11")).toBeVisible();
  await page.screenshot({ path: "screenshots/review-keyboard-refused.png" });

  await score.fill("6");
  await expect(status(helpfulness)).toHaveText("unsaved changes");
  await score.press("Enter");
  await expect(status(helpfulness)).toHaveText("saved");
  await expect(panel.getByRole("region", { name: "Annotations on this trace" })).toContainText("score 6");

  // A slider moved by keyboard is a change, not a save.
  await helpfulness.getByRole("slider").focus();
  await page.keyboard.press("ArrowRight");
  await expect(score).toHaveValue("6.5");
  await expect(status(helpfulness)).toHaveText("unsaved changes");

  // Refused over a stored value: the box rolls back to what is stored, and says so.
  await score.fill("12");
  await score.press("Enter");
  await expect(status(helpfulness)).toHaveText("refused");
  await expect(score).toHaveValue("6");
  await expect(helpfulness.getByText("Not saved: 12")).toBeVisible();
  await page.reload();
  await expect(score).toHaveValue("6");
  await expect(status(helpfulness)).toHaveText("saved");
  await page.close();
});

test("while the shortcut sheet is open, only its own keys work", async ({ browser }) => {
  const page = await browser.newPage({ storageState: asRole("reviewer2") });
  await page.goto("/projects/support-bot/traces?q=export&sort=latency&dir=asc");
  await page.getByRole("link", { name: "Review these traces →" }).click();
  const progress = page.getByTestId("review-progress");
  await expect(progress).toHaveText(/^1 of \d+$/);
  await reviewReady(page);
  const panel = page.getByRole("complementary", { name: "Review" });
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const checked = panel.getByRole("radio", { checked: true });
  await expect(checked).toHaveCount(0);

  await page.keyboard.press("?");
  await expect(sheet).toBeVisible();
  for (const key of ["1", "2", "n", "g", "]", "j", "ArrowRight"]) await page.keyboard.press(key);
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Close" })).toBeFocused();
  await expect(checked).toHaveCount(0);
  await expect(panel.getByRole("region", { name: "correctness guidelines" })).toBeHidden();
  await expect(progress).toHaveText(/^1 of \d+$/);
  await page.screenshot({ path: "screenshots/review-keyboard-sheet.png" });
  await page.keyboard.press("?");
  await expect(sheet).toBeHidden();

  // Enter in the sheet is its Close button's, not "save and next"; Esc closes it too.
  await page.keyboard.press("?");
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(sheet).toBeHidden();
  await page.keyboard.press("?");
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(progress).toHaveText(/^1 of \d+$/);
  await expect(checked).toHaveCount(0);
  await expect(panel.getByRole("listitem").filter({ hasText: "you" })).toHaveCount(0);

  // Closed, the keys act again.
  await page.keyboard.press("1");
  await expect(panel.getByRole("radio", { name: /^1\s*correct$/ })).toHaveAttribute("aria-checked", "true");
  await expect(status(card(panel, "correctness"))).toHaveText("saved");
  await page.close();
});

test("rubric cards by keyboard: Tab between cards, digits into the focused one, Enter saves all and moves on", async ({ browser }) => {
  const page = await browser.newPage({ storageState: asRole("lead") });
  await page.goto("/projects/support-bot/traces?q=invite&sort=latency&dir=asc");
  await page.getByRole("link", { name: "Review these traces →" }).click();
  const progress = page.getByTestId("review-progress");
  await expect(progress).toHaveText(/^1 of \d+$/);
  await reviewReady(page);
  const panel = page.getByRole("complementary", { name: "Review" });
  let keys = 0;
  const press = async (key: string) => {
    keys += 1;
    await page.keyboard.press(key);
  };

  // Cards in order (correctness, failure_mode, helpfulness), Tab and Shift+Tab,
  // [ and ] round the ends; a free-form card's focus is its text box.
  const freeform = panel.getByRole("textbox", { name: "failure_mode" });
  await press("Tab");
  await expect(card(panel, "correctness")).toBeFocused();
  await press("Tab");
  await expect(freeform).toBeFocused();
  await press("Tab");
  await expect(card(panel, "helpfulness")).toBeFocused();
  await press("Shift+Tab");
  await expect(freeform).toBeFocused();
  await press("Shift+Tab");
  await expect(card(panel, "correctness")).toBeFocused();
  await press("[");
  await expect(card(panel, "helpfulness")).toBeFocused();
  await press("]");
  await expect(card(panel, "correctness")).toBeFocused();
  await press("[");
  await expect(card(panel, "helpfulness")).toBeFocused();
  await page.screenshot({ path: "screenshots/review-keyboard-focused-card.png" });

  // Enter with a label missing: nothing moves, the missing card takes focus and says why.
  await press("5");
  await expect(panel.getByLabel("helpfulness score")).toBeFocused();
  await press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "correctness" })).toContainText("needs a label");
  await expect(card(panel, "correctness")).toBeFocused();
  await expect(progress).toHaveText(/^1 of \d+$/);
  await expect(status(card(panel, "helpfulness"))).toHaveText("saved");
  await page.screenshot({ path: "screenshots/review-keyboard-missing.png" });

  // (a) One rubric per trace: a label and Enter.
  keys = 0;
  await press("2");
  await expect(status(card(panel, "correctness"))).toHaveText("saved");
  await press("Enter");
  await expect(progress).toHaveText(/^2 of \d+$/);
  const oneRubric = keys;

  // (b) All three trace rubrics: label, Tab, text, Tab, score, Enter.
  keys = 0;
  await press("1");
  await press("Tab");
  await expect(freeform).toBeFocused();
  await page.keyboard.type("Sent the invite link to the wrong address.");
  await press("Tab");
  await expect(card(panel, "helpfulness")).toBeFocused();
  await press("8");
  await page.keyboard.type(".5"); // typed text, like the note above
  await press("Enter");
  await expect(progress).toHaveText(/^3 of \d+$/);
  const threeRubrics = keys;
  console.log(`keystrokes per trace: one rubric ${oneRubric}, three rubrics ${threeRubrics} (plus typed text)`);
  expect(oneRubric).toBeLessThanOrEqual(2);
  expect(threeRubrics).toBeLessThanOrEqual(8);

  // What Enter saved is stored on the trace it was given to.
  await page.keyboard.press("k");
  await expect(progress).toHaveText(/^2 of \d+$/);
  const mine = panel.getByRole("region", { name: "Annotations on this trace" }).getByRole("listitem").filter({ hasText: "you" });
  await expect(mine.filter({ hasText: "correctness" })).toContainText(/correctness: correct\b/);
  await expect(mine.filter({ hasText: "helpfulness" })).toContainText("score 8.5");
  await expect(mine.filter({ hasText: "failure_mode" })).toContainText("Sent the invite link to the wrong address.");

  // Shift+Enter is a new line in a free-form box; Enter there saves.
  await press("Tab");
  await press("Tab");
  await expect(freeform).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("Second line.");
  await expect(freeform).toHaveValue("Sent the invite link to the wrong address.\nSecond line.");
  await expect(status(card(panel, "failure_mode"))).toHaveText("unsaved changes");
  await page.keyboard.press("Enter");
  await expect(progress).toHaveText(/^3 of \d+$/);

  // An explanation: e opens the focused card's box, Esc goes back to the card, Enter saves both.
  await page.keyboard.press("3");
  await page.keyboard.press("e");
  await expect(panel.getByLabel("Explanation for correctness")).toBeFocused();
  await page.keyboard.type("The link in the answer is for admins only.");
  await page.keyboard.press("Escape");
  await expect(card(panel, "correctness")).toBeFocused();
  await expect(status(card(panel, "correctness"))).toHaveText("unsaved changes");
  await page.keyboard.press("Enter");
  await expect(progress).toHaveText(/^4 of \d+$/);
  await page.keyboard.press("k");
  await expect(progress).toHaveText(/^3 of \d+$/);
  const explained = panel.getByRole("region", { name: "Annotations on this trace" }).getByRole("listitem").filter({ hasText: "you" });
  await expect(explained).toContainText("incorrect");
  await expect(explained).toContainText("The link in the answer is for admins only.");
  await page.close();
});

test("a rubric's guidelines render as markdown in its card, folded, opened with g or a click", async ({ browser }) => {
  const page = await browser.newPage({ storageState: asRole("reviewer2") });
  const panel = await openTrace(page, "q=upgrade&sort=latency&dir=asc", 0);
  const guidelines = panel.getByRole("region", { name: "correctness guidelines" });
  await expect(guidelines).toBeHidden();

  await page.keyboard.press("Tab");
  await expect(card(panel, "correctness")).toBeFocused();
  await page.keyboard.press("g");
  await expect(guidelines).toBeVisible();
  await expect(guidelines.locator("strong", { hasText: "factually correct" })).toBeVisible();
  await expect(guidelines.getByRole("listitem")).toHaveCount(3);
  await expect(card(panel, "correctness").getByRole("button", { name: "Guidelines" })).toHaveAttribute("aria-expanded", "true");
  await page.screenshot({ path: "screenshots/review-keyboard-guidelines.png" });
  await page.keyboard.press("g");
  await expect(guidelines).toBeHidden();

  // A click opens another card's guidelines; the keys keep working after it.
  await card(panel, "helpfulness").getByRole("button", { name: "Guidelines" }).click();
  await expect(panel.getByRole("region", { name: "helpfulness guidelines" })).toContainText("0 = not at all, 10 = fully resolved");
  await page.close();
});

test("a lead marks a rubric required for review mode's Enter in its editor", async ({ browser }) => {
  const page = await browser.newPage({ storageState: asRole("admin") });
  const name = `escalation_${Date.now()}`;
  await page.goto("/rubrics/new");
  const form = page.getByRole("form", { name: "Rubric" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Label 1", { exact: true }).fill("needed");
  const required = form.getByRole("checkbox", { name: /Required in review mode/ });
  await expect(required).not.toBeChecked();
  await required.check();
  await page.screenshot({ path: "screenshots/rubric-editor-required.png" });
  // Attached to no project, so no other spec's review screen waits for it.
  await form.getByRole("button", { name: "Create rubric" }).click();
  await expect(page).toHaveURL(/\/rubrics\/\d+$/);
  await page.reload();
  await expect(page.getByRole("form", { name: "Rubric" }).getByRole("checkbox", { name: /Required in review mode/ })).toBeChecked();
  await page.close();
});

// Review mode over a project of its own (e2e/review-timing-world.ts: 30 traces,
// a pass/fail rubric, and a free-form one with `freeform`), as the lead, its cards ready.
async function reviewTimingWorld(browser: Browser, baseURL: string, options: { freeform?: boolean } = {}) {
  const key = await createKeyInSettings(browser, baseURL, "lead");
  const world = await ingestTimingWorld(baseURL, key, options);
  const page = await browser.newPage({ storageState: asRole("lead"), viewport: { width: 1400, height: 900 } });
  await page.goto(`/projects/${world.project}/review`);
  const progress = page.getByTestId("review-progress");
  await expect(progress).toHaveText(`1 of ${world.traces}`);
  await reviewReady(page);
  const panel = page.getByRole("complementary", { name: "Review" });
  await cardsReady(panel);
  return { world, page, progress, panel, verdict: card(panel, world.rubric) };
}

test("a fast typist: labels typed right after Enter, with no wait, land on the trace shown next", async ({ browser, baseURL }) => {
  const { world, page, progress, verdict } = await reviewTimingWorld(browser, baseURL!);
  const picked = (label: string) => verdict.getByRole("radio", { name: new RegExp(`${label}$`) });

  // Label, Enter, label, Enter, label: no wait for any screen in between.
  for (const press of ["1", "Enter", "2", "Enter", "1"]) await page.keyboard.press(press);
  await expect(progress).toHaveText(`3 of ${world.traces}`);
  await expect(picked("pass")).toHaveAttribute("aria-checked", "true");
  await expect(status(verdict)).toHaveText("saved");
  await page.screenshot({ path: "screenshots/review-keyboard-fast-typist.png" });

  // Each label is on the trace it was typed for, none on the one left.
  await page.keyboard.press("k");
  await expect(progress).toHaveText(`2 of ${world.traces}`);
  await expect(picked("fail")).toHaveAttribute("aria-checked", "true");
  await expect(picked("pass")).toHaveAttribute("aria-checked", "false");
  await page.keyboard.press("k");
  await expect(progress).toHaveText(`1 of ${world.traces}`);
  await expect(picked("pass")).toHaveAttribute("aria-checked", "true");
  await page.reload();
  await expect(page.getByText("done by me 3")).toBeVisible();
  await expect(picked("pass")).toHaveAttribute("aria-checked", "true");
  await page.close();
});

test("a label and Shift+Tab typed the moment the next trace shows reach its cards, trace after trace", async ({ browser, baseURL }) => {
  // Two cards per trace to move between: the pass/fail one and a free-form one.
  const { world, page, progress, panel, verdict } = await reviewTimingWorld(browser, baseURL!, { freeform: true });
  const notesBox = panel.getByRole("textbox", { name: world.notes! });

  // The new trace's span tree takes focus on arrival; a label typed first keeps
  // focus on its card, so Shift+Tab goes from there to the card before it (the
  // free-form one: cards are in name order), never from the tree.
  for (let position = 1; position <= 15; position++) {
    await page.keyboard.press("1");
    await page.keyboard.press("Shift+Tab");
    await expect(notesBox, `Shift+Tab after the label at ${position}`).toBeFocused();
    await expect(verdict.getByRole("radio", { name: /pass$/ })).toHaveAttribute("aria-checked", "true");
    await expect(status(verdict)).toHaveText("saved");
    await page.keyboard.press("Enter");
    await expect(progress).toHaveText(`${position + 1} of ${world.traces}`);
  }
  await page.close();
});
