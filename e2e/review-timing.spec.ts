import { expect, test, type Page } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";
import { ingestTimingWorld, type TimingWorld } from "./review-timing-world";

// Issue 12's proof for review mode and queue work: from a keypress (Enter, j,
// k) to the next trace's label buttons accepting a key (its rubric card on
// screen, hydrated and registered with the keys), over 30 and 24 moves on the
// production build. Printed, not asserted: timings on a shared machine are
// evidence, not a pass/fail line. The rest (URL, Back, reload) is asserted.
test.use({ storageState: "e2e/.auth/lead.json", viewport: { width: 1400, height: 900 } });
// 24–30 moves, each after a label saved: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 240_000 });

let world: TimingWorld;

test.beforeAll(async ({ browser, baseURL }) => {
  const key = await createKeyInSettings(browser, baseURL!, "lead");
  world = await ingestTimingWorld(baseURL!, key);
});

const readyCard = (page: Page) => page.locator(`[data-review-panel] fieldset[data-rubric-form="${world.rubric}"][data-card-ready]`);

/**
 * Starts the stopwatch for the next keypress, in the page: it runs from the
 * keydown (capture phase, before the app sees it) until a visible rubric card
 * other than the one on screen now is registered (data-card-ready) with its
 * labels enabled. A MutationObserver and a 4 ms poll watch for it.
 */
async function armMove(page: Page): Promise<void> {
  await page.evaluate((rubric) => {
    const current = () =>
      [...document.querySelectorAll<HTMLElement>(`[data-review-panel] fieldset[data-rubric-form="${rubric}"]`)].find((element) => element.checkVisibility());
    // A card is named by its target: aria-describedby holds the rubric and the trace (or span) id.
    const targetOf = (card: HTMLElement | undefined) => card?.getAttribute("aria-describedby") ?? null;
    const before = targetOf(current());
    (window as unknown as { __move: Promise<number> }).__move = new Promise<number>((resolve) => {
      let pressed: number | null = null;
      window.addEventListener("keydown", () => (pressed ??= performance.now()), { capture: true, once: true });
      const check = () => {
        const card = current();
        if (pressed === null || !card || targetOf(card) === before || !card.hasAttribute("data-card-ready")) return;
        if (card.querySelector("[role=radio]:disabled")) return;
        observer.disconnect();
        clearInterval(timer);
        resolve(performance.now() - pressed);
      };
      const observer = new MutationObserver(check);
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
      const timer = setInterval(check, 4);
    });
  }, world.rubric);
}

// Moves that ended in a full page load instead of a draw in the page.
let fullLoads = 0;

async function timedPress(page: Page, key: string): Promise<number> {
  await armMove(page);
  const started = Date.now();
  await page.keyboard.press(key);
  try {
    return await page.evaluate(() => (window as unknown as { __move: Promise<number> }).__move);
  } catch (error) {
    if (!/Execution context was destroyed|navigat/i.test(String(error))) throw error;
    // The page was replaced (the server rendered the next item as a new
    // document), so the in-page stopwatch went with it: time the move from
    // here until the new page's card takes keys, and count it apart.
    fullLoads++;
    const card = readyCard(page);
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(card.locator("[role=radio]:disabled")).toHaveCount(0);
    return Date.now() - started;
  }
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
function summary(timings: number[]): string {
  const sorted = [...timings].sort((x, y) => x - y);
  return `p50 ${Math.round(percentile(sorted, 0.5))} ms, p95 ${Math.round(percentile(sorted, 0.95))} ms, max ${Math.round(sorted.at(-1)!)} ms (n=${sorted.length})`;
}

async function labelAndWaitSaved(page: Page) {
  const card = readyCard(page);
  await expect(card).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("1");
  await expect(card.locator("[data-rubric-status='saved']")).toBeVisible();
}

test("review mode: Enter / j / k → the next trace's labels accept a key (timings printed)", async ({ page }) => {
  await page.goto(`/projects/${world.project}/review`);
  const progress = page.getByTestId("review-progress");
  await expect(progress).toHaveText(`1 of ${world.traces}`);
  await expect(page.locator("html[data-review-ready]")).toBeAttached();
  const byKey: Record<string, number[]> = { Enter: [], j: [], k: [] };
  const moves = 24;
  for (let i = 0; i < moves; i++) {
    await expect(readyCard(page)).toBeVisible({ timeout: 30_000 });
    // Every other trace is labelled (1, saved) and left with Enter; the others with j.
    const key = i % 2 === 0 ? "Enter" : "j";
    if (key === "Enter") await labelAndWaitSaved(page);
    byKey[key]!.push(await timedPress(page, key));
    await expect(progress).toHaveText(`${i + 2} of ${world.traces}`);
  }
  for (let i = 0; i < 6; i++) {
    byKey.k!.push(await timedPress(page, "k"));
    await expect(progress).toHaveText(`${moves - i} of ${world.traces}`);
  }
  const all = [...byKey.Enter!, ...byKey.j!, ...byKey.k!];
  console.log(`review mode, keypress → next trace's labels accept a key: ${summary(all)}; Enter ${summary(byKey.Enter!)}; j ${summary(byKey.j!)}; k ${summary(byKey.k!)}; ${fullLoads} full page loads`);
  fullLoads = 0;

  // The URL kept step: a reload shows the same position, Back the one before.
  const at = moves + 1 - 6;
  await expect(page).toHaveURL(new RegExp(`list=[0-9a-f-]{36}&i=${at - 1}$`));
  await page.reload();
  await expect(progress).toHaveText(`${at} of ${world.traces}`);
  await expect(readyCard(page)).toBeVisible();
  await page.goBack();
  await expect(progress).toHaveText(`${at + 1} of ${world.traces}`);
  await expect(readyCard(page)).toBeVisible();
  // The labels given on the way show as the reader's own after a reload: 12 traces done.
  await page.reload();
  await expect(page.getByText("done by me 12")).toBeVisible();
});

test("queue mode: Enter (submit and next) → the next item's labels accept a key (timings printed)", async ({ page }) => {
  const name = `Timing ${world.rubric}`;
  await page.goto(`/projects/${world.project}/traces`);
  await expect(page.getByTestId("list-count")).toHaveText(`${world.traces} traces`);
  await page.getByRole("link", { name: `Add these ${world.traces} traces to a queue` }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: new RegExp(world.rubric) }).check();
  await page.getByLabel("Reviews needed per item").fill("1");
  await page.getByRole("button", { name: "Create queue" }).click();
  await expect(page).toHaveURL(/\/queues\/\d+$/);
  await page.goto(`${page.url()}/work`);
  await expect(page.locator("button[data-review-next]")).toBeVisible();
  await page.keyboard.press("Enter"); // Start: claims the first item
  const timings: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 24; i++) {
    await labelAndWaitSaved(page);
    const item = await page.locator("[data-queue-item]").filter({ visible: true }).getAttribute("data-queue-item");
    expect(seen.has(item!)).toBe(false);
    seen.add(item!);
    timings.push(await timedPress(page, "Enter"));
  }
  console.log(`queue mode, Enter (submit and next) → next item's labels accept a key: ${summary(timings)}; ${fullLoads} of them full page loads`);
  await expect(page.getByTestId("queue-position")).toHaveText(/^item 25 · 6 left for you$/);
});
