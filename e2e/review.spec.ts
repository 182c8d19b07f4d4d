import { expect, test, type Page } from "@playwright/test";

// Issue 5: reviewing in the browser, keyboard first.
const asRole = (role: string) => `e2e/.auth/${role}.json`;

// Keys pressed before hydration would be lost: wait until the shortcuts are live.
const reviewReady = (page: Page) => expect(page.locator("html[data-review-ready]")).toBeAttached();

async function traceUrl(page: Page, query: string, index: number): Promise<string> {
  await page.goto(`/projects/support-bot/traces?${query}`);
  const link = page.getByRole("table").getByRole("link", { name: "support_turn" }).nth(index);
  return new URL((await link.getAttribute("href"))!, page.url()).toString();
}

test("two reviewers label one trace with the keyboard; both show; a change keeps history", async ({ browser }) => {
  const a = await browser.newPage({ storageState: asRole("reviewer") });
  const b = await browser.newPage({ storageState: asRole("reviewer2") });
  const url = await traceUrl(a, "q=refund&sort=latency&dir=desc", 0);

  await a.goto(url);
  const panelA = a.getByRole("complementary", { name: "Review" });
  await reviewReady(a);
  await a.keyboard.press("1"); // correct
  await expect(panelA.getByRole("radio", { name: /^1\s*correct$/ })).toHaveAttribute("aria-checked", "true");
  await expect(panelA.getByText("saved")).toBeVisible();

  await b.goto(url);
  const panelB = b.getByRole("complementary", { name: "Review" });
  await reviewReady(b);
  await b.keyboard.press("3"); // incorrect
  await expect(panelB.getByText("saved")).toBeVisible();
  const listB = panelB.getByRole("region", { name: "Annotations on this trace" });
  await expect(listB).toContainText("correct");
  await expect(listB).toContainText("incorrect");
  await expect(listB.getByRole("listitem")).toHaveCount(2);

  // Reviewer A changes their label with the keyboard: Tab to the rubric, arrow, Enter... or simply 2.
  await a.reload();
  await reviewReady(a);
  // The label shows at once (optimistic); reload only once its save has answered, as a reviewer would see "saved".
  const changed = a.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
  await a.keyboard.press("2");
  await expect(panelA.getByRole("radio", { name: /partially_correct/ })).toHaveAttribute("aria-checked", "true");
  await changed;
  await a.reload();
  const mine = panelA.getByRole("region", { name: "Annotations on this trace" }).getByRole("listitem").filter({ hasText: "you" });
  await expect(mine).toContainText("partially_correct");
  await mine.getByText("History (2 versions)").click();
  await expect(mine.getByRole("listitem")).toHaveCount(2);
  await expect(mine.getByRole("listitem").nth(1)).toContainText("correct");
  await a.screenshot({ path: "screenshots/review-two-reviewers.png" });
  await a.close();
  await b.close();
});

test("a reviewer works through 10 traces in review mode without the mouse", async ({ browser }) => {
  const page = await browser.newPage({ storageState: asRole("lead") });
  await page.goto("/projects/support-bot/traces?q=sso&sort=tokens&dir=asc");
  await page.getByRole("link", { name: "Review these traces →" }).click();
  const progress = page.getByTestId("review-progress");
  await expect(progress).toHaveText(/^1 of \d+$/);
  await reviewReady(page);
  const doneBefore = Number((await page.getByText(/done by me \d+/).textContent())!.match(/\d+/)![0]);
  const timings: number[] = [];
  let keystrokes = 0;
  for (let i = 1; i <= 10; i++) {
    await expect(page.getByRole("complementary", { name: "Review" }).getByRole("radiogroup", { name: "correctness" })).toBeVisible();
    await page.keyboard.press(i % 3 === 0 ? "3" : "1");
    await expect(page.getByRole("complementary", { name: "Review" }).getByText("saved")).toBeVisible();
    const started = Date.now();
    await page.keyboard.press("Enter"); // save and next: the 10th Enter opens the 11th trace
    keystrokes += 2;
    await expect(progress).toHaveText(new RegExp(`^${i + 1} of \\d+$`));
    timings.push(Date.now() - started);
  }
  timings.sort((x, y) => x - y);
  console.log(`review mode: ${keystrokes / 10} keystrokes per trace; Enter → next trace shown p50 ${timings[4]} ms, max ${timings.at(-1)} ms`);
  await expect(page).toHaveURL(/list=[0-9a-f-]{36}&i=10$/);
  await page.reload();
  await expect(progress).toHaveText(/^11 of \d+$/);
  await expect(page.getByText(`done by me ${doneBefore + 10}`)).toBeVisible();
  // Server-rendered text shows before the page hydrates; keys are heard once it has.
  await reviewReady(page);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.screenshot({ path: "screenshots/review-mode-shortcuts.png" });
  await page.close();
});

test("a note on a span shows in the thread and in the traces table count", async ({ browser }) => {
  const page = await browser.newPage({ storageState: asRole("reviewer") });
  await page.goto("/projects/support-bot/traces?q=webhook&notes=without");
  const row = page.getByRole("table").getByRole("row").nth(1);
  const traceLink = row.getByRole("link", { name: "support_turn" });
  const traceHref = (await traceLink.getAttribute("href"))!;
  await traceLink.click();
  await page.getByRole("navigation", { name: "Span tree" }).getByRole("link", { name: /retrieve_docs/ }).click();
  await expect(page).toHaveURL(/span=/);
  await reviewReady(page);
  await page.keyboard.press("n");
  await expect(page.getByLabel("New note")).toBeFocused();
  await page.keyboard.type("Top document is about **billing**, not webhooks.");
  await page.keyboard.press("Enter");
  const thread = page.getByRole("region", { name: "Notes" });
  await expect(thread.getByRole("listitem")).toHaveCount(1);
  await expect(thread.getByRole("listitem")).toContainText("on retrieve_docs");
  await expect(thread.locator("strong", { hasText: "billing" })).toBeVisible();
  await page.screenshot({ path: "screenshots/trace-note.png" });

  await page.goto("/projects/support-bot/traces?q=webhook&notes=with");
  const noted = page.getByRole("table").getByRole("row").filter({ has: page.locator(`a[href="${traceHref}"]`) });
  await expect(noted).toContainText("1 note");
  await page.close();
});

test("a score out of range shows a field error and saves nothing", async ({ browser }) => {
  const page = await browser.newPage({ storageState: asRole("reviewer") });
  await page.goto(await traceUrl(page, "q=outage", 0));
  const panel = page.getByRole("complementary", { name: "Review" });
  const score = panel.getByLabel("helpfulness score");
  await score.fill("11");
  await score.press("Enter");
  await expect(panel.getByRole("alert")).toHaveText("Score must be between 0 and 10");
  await page.reload();
  await expect(panel.getByRole("region", { name: "Annotations on this trace" }).filter({ hasText: "helpfulness" })).toHaveCount(0);
  await panel.getByLabel("helpfulness score").fill("7.5");
  await panel.getByLabel("helpfulness score").press("Enter");
  await expect(panel.getByRole("region", { name: "Annotations on this trace" })).toContainText("score 7.5");
  await page.close();
});
