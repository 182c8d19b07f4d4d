import { expect, test, type Browser, type Page } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";
import { ingestQueuesWorld, type QueuesWorld } from "./queues-world";

// Issue 10's proof for working a queue, in a project of its own
// (e2e/queues-world.ts): a lead makes a queue of the 6 failed traces of a
// filtered list with N = 2; two reviewers in two browser contexts work it at
// the same time by keyboard only (Enter starts, a digit labels, Enter submits
// and brings the next item), and are never shown the same item at the same
// moment; the queue page then shows 6 / 6 complete, 6 done by each reviewer.
test.use({ storageState: "e2e/.auth/lead.json", viewport: { width: 1400, height: 900 } });

let world: QueuesWorld;

test.beforeAll(async ({ browser, baseURL }) => {
  const key = await createKeyInSettings(browser, baseURL!, "lead");
  world = await ingestQueuesWorld(baseURL!, key);
});

// One reviewer's look at one item: from when it was on screen to when they pressed Enter on it.
type Sighting = { who: string; itemId: string; traceId: string; from: number; to: number };

// A shared clock: both reviewers run in this one process, so its ticks order their steps.
let clock = 0;
const tick = () => ++clock;

/** What the work screen shows: an item (`item:<id>:<trace id>`), the end (`done`) or the start screen. */
function screenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const item = [...document.querySelectorAll<HTMLElement>("[data-queue-item]")].find((element) => element.checkVisibility());
    if (item) return `item:${item.dataset.queueItem}:${item.dataset.queueTarget}`;
    if (document.body.innerText.includes("Nothing left for you in this queue")) return "done";
    if (document.body.innerText.includes("Nothing to claim right now")) return "wait";
    return document.querySelector("button[data-review-next]") ? "start" : "loading";
  });
}

/** Waits for the screen to change from `leaving` (a page in between, loading, does not count). */
async function nextScreen(page: Page, leaving: string): Promise<string> {
  let seen = leaving;
  const changed = async () => {
    seen = await screenOf(page);
    return seen !== leaving && seen !== "loading";
  };
  await expect.poll(changed, { timeout: 30_000 }).toBe(true);
  return seen;
}

/** Works the queue to the end by keyboard: Enter, a digit, Enter, … */
async function workQueue(page: Page, who: string, workUrl: string, digit: string, sightings: Sighting[]): Promise<number> {
  let done = 0;
  await page.goto(workUrl);
  let screen = await nextScreen(page, "loading");
  for (let step = 0; step < 300 && screen !== "done"; step++) {
    if (screen === "start" || screen === "wait") {
      // What is left is held by the other reviewer: look again, then Enter starts.
      if (screen === "wait") await page.reload();
      await expect(page.locator("button[data-review-next]")).toBeVisible();
      await page.keyboard.press("Enter");
      screen = await nextScreen(page, "start");
      continue;
    }
    const [, itemId, traceId] = screen.split(":");
    const from = tick();
    const card = page.getByRole("complementary", { name: "Review" }).getByRole("group", { name: world.rubric, exact: true });
    await expect(card).toBeVisible({ timeout: 30_000 });
    // The digit lands once the card is listening (hydrated); a second press re-picks the same label.
    await expect(async () => {
      await page.keyboard.press(digit);
      await expect(card.locator("[data-rubric-status='saved']")).toBeVisible({ timeout: 2_000 });
    }).toPass();
    if (done === 0) await page.screenshot({ path: `screenshots/queues-work-${who}.png` });
    sightings.push({ who, itemId, traceId, from, to: tick() });
    await page.keyboard.press("Enter");
    done += 1;
    screen = await nextScreen(page, screen);
  }
  expect(screen).toBe("done");
  return done;
}

/** A lead's queue of a filtered traces list, made with the new-queue form; the queue page's URL. */
async function createQueue(page: Page, filter: string, count: number, name: string, reviewsNeeded: number, instructions: string): Promise<string> {
  await page.goto(`/projects/${world.project}/traces?${filter}`);
  await expect(page.getByTestId("list-count")).toHaveText(`${count} traces`);
  await page.getByRole("link", { name: `Add these ${count} traces to a queue` }).click();
  await expect(page.getByTestId("queue-source")).toHaveText(`${count} traces from this filter`);
  await page.getByLabel("Name").fill(name);
  if (instructions) await page.getByLabel("Instructions (markdown)").fill(instructions);
  await page.getByRole("checkbox", { name: new RegExp(world.rubric) }).check();
  await page.getByLabel("Reviews needed per item").fill(String(reviewsNeeded));
  await page.getByRole("button", { name: "Create queue" }).click();
  await expect(page).toHaveURL(/\/queues\/\d+$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return page.url();
}

async function reviewerPage(browser: Browser, role: string): Promise<Page> {
  const context = await browser.newContext({ storageState: `e2e/.auth/${role}.json`, viewport: { width: 1400, height: 900 } });
  return context.newPage();
}

test("two reviewers work a queue of 6 traces with N = 2 at once, keyboard only, never on the same item at the same moment", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const name = `Failed refunds ${Date.now()}`;

  // 1. A lead makes the queue from the filtered traces list.
  const queueUrl = await createQueue(page, "status=ERROR", 6, name, 2, "Is the **refund** answer right? Press 1 for pass, 2 for fail, then Enter.");
  await expect(page.getByTestId("items-complete")).toHaveText("0 / 6");
  await page.getByRole("link", { name: "Start reviewing" }).click();
  await expect(page).toHaveURL(/\/queues\/\d+\/work$/);
  const workUrl = `${new URL(queueUrl).pathname}/work`;

  // 2. The work screen claims nothing on opening: instructions, what is left, Start.
  const rae = await reviewerPage(browser, "reviewer");
  const rob = await reviewerPage(browser, "reviewer2");
  await rae.goto(workUrl);
  await expect(rae.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(rae.getByRole("region", { name: "Instructions" }).locator("strong", { hasText: "refund" })).toBeVisible();
  await expect(rae.getByTestId("queue-left")).toHaveText("6 traces left for you");
  await expect(rae.getByRole("button", { name: "Start (Enter)" })).toBeVisible();
  await rae.screenshot({ path: "screenshots/queues-work-start.png" });
  await page.goto(queueUrl);
  await expect(page.getByTestId("items-complete")).toHaveText("0 / 6");
  await expect(page.getByRole("region", { name: "Progress per reviewer" })).toHaveCount(0);

  // 3. Enter without the queue's rubric says what is missing and stays on the item.
  await rae.keyboard.press("Enter");
  // The first claim may wait on a busy server (the machine is shared); the later steps poll.
  await expect(rae.getByTestId("queue-work-bar")).toBeVisible({ timeout: 30_000 });
  const first = await screenOf(rae);
  await expect(rae.getByTestId("queue-position")).toHaveText("item 1 · 6 left for you");
  await expect(async () => {
    await rae.keyboard.press("Enter");
    await expect(rae.getByText(new RegExp(`${world.rubric} needs a label before moving on|Give every rubric of the queue first: ${world.rubric}`))).toBeVisible({ timeout: 2_000 });
  }).toPass();
  expect(await screenOf(rae)).toBe(first);
  await rae.screenshot({ path: "screenshots/queues-work-missing.png" });

  // 4. Both at once, keyboard only: Rae labels pass (1), Rob fail (2).
  const sightings: Sighting[] = [];
  const [raeDone, robDone] = await Promise.all([
    workQueue(rae, "rae", workUrl, "1", sightings),
    workQueue(rob, "rob", workUrl, "2", sightings),
  ]);
  expect([raeDone, robDone]).toEqual([6, 6]);
  await rae.screenshot({ path: "screenshots/queues-work-done.png" });

  // Each reviewer saw each of the 6 traces once…
  for (const who of ["rae", "rob"]) {
    const theirs = sightings.filter((s) => s.who === who).map((s) => s.traceId);
    expect(new Set(theirs).size).toBe(6);
    expect(theirs.length).toBe(6);
  }
  expect(new Set(sightings.map((s) => s.traceId))).toEqual(new Set(world.failed));
  // …and never while the other had it on screen.
  for (const a of sightings.filter((s) => s.who === "rae")) {
    for (const b of sightings.filter((s) => s.who === "rob" && s.itemId === a.itemId)) {
      expect(a.to < b.from || b.to < a.from, `item ${a.itemId} on both screens at once`).toBe(true);
    }
  }
  await expect(rae.getByText("Nothing left for you in this queue")).toBeVisible();

  // 5. A finished item can be revisited to change the answer.
  await rae.getByText(/My finished items \(6\)/).click();
  await rae.getByRole("list", { name: "My finished items" }).getByRole("link").first().click();
  await expect(rae.getByTestId("queue-work-bar")).toContainText("Done by you");
  const card = rae.getByRole("complementary", { name: "Review" }).getByRole("group", { name: world.rubric, exact: true });
  await expect(card.getByRole("radio", { name: /pass/ })).toHaveAttribute("aria-checked", "true");
  await expect(async () => {
    await rae.keyboard.press("2");
    await expect(card.getByRole("radio", { name: /fail/ })).toHaveAttribute("aria-checked", "true", { timeout: 2_000 });
  }).toPass();
  await expect(card.locator("[data-rubric-status='saved']")).toBeVisible();
  await rae.screenshot({ path: "screenshots/queues-work-revisit.png" });

  // 6. The lead's queue page: 6 / 6 complete, 6 done by each reviewer.
  await page.goto(queueUrl);
  await expect(page.getByTestId("items-complete")).toHaveText("6 / 6");
  const perReviewer = page.getByRole("region", { name: "Progress per reviewer" });
  for (const reviewer of ["Rae Reviewer", "Rob Reviewer"]) {
    await expect(perReviewer.getByRole("row").filter({ hasText: reviewer }).getByRole("cell")).toHaveText([new RegExp(reviewer), "6", "0", "0"]);
  }
  await page.screenshot({ path: "screenshots/queues-page-complete.png", fullPage: true });

  // 7. Rae said pass and Rob fail on the 5 items she did not revisit: the lead
  // adjudicates one of the queue's disagreements, which leaves the open list.
  // (The queue page's own link, scoped to this queue; the Project tab has one too.)
  await page.getByRole("link", { name: "Adjudicate", exact: true }).and(page.locator("a[href*='adjudicate?queue=']")).click();
  await expect(page).toHaveURL(/adjudicate\?queue=\d+/);
  const disagreements = page.getByRole("list", { name: "Disagreements" }).getByRole("article");
  await expect(disagreements).toHaveCount(5);
  const disputed = disagreements.first();
  await expect(disputed.getByRole("table").getByRole("row").filter({ hasText: "Rae Reviewer" })).toContainText("pass");
  await expect(disputed.getByRole("table").getByRole("row").filter({ hasText: "Rob Reviewer" })).toContainText("fail");
  // By keyboard, as on the adjudication page: j to the first card, 2 = fail, Tab to the reason, Ctrl+Enter.
  await page.keyboard.press("j");
  await expect(disputed).toBeFocused();
  await page.keyboard.press("2");
  await expect(disputed.getByRole("radio", { name: "fail" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(disputed.getByLabel("Reason")).toBeFocused();
  await page.keyboard.type("The tool call failed; the answer is not usable.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: `Final ${world.rubric}: fail.` })).toBeVisible();
  await expect(disagreements).toHaveCount(4);
  await page.screenshot({ path: "screenshots/queues-adjudicated.png", fullPage: true });
  await rae.context().close();
  await rob.context().close();
});

test("a reviewer skips with a reason (s), releases, and cannot open another reviewer's item", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = `Passed refunds ${Date.now()}`;
  const queueUrl = await createQueue(page, "status=OK", 2, name, 1, "");
  const workUrl = `${new URL(queueUrl).pathname}/work`;
  const rae = await reviewerPage(browser, "reviewer");
  const rob = await reviewerPage(browser, "reviewer2");

  // Rae starts, then skips the first item by keyboard: s, a reason, Enter.
  await rae.goto(workUrl);
  await expect(rae.getByTestId("queue-left")).toHaveText("2 traces left for you");
  await rae.keyboard.press("Enter");
  const skipped = await nextScreen(rae, "start");
  expect(skipped).toMatch(/^item:/);
  await expect(rae.getByRole("complementary", { name: "Review" }).getByRole("group", { name: world.rubric, exact: true })).toBeVisible();
  const dialog = rae.getByRole("dialog", { name: "Skip this item" });
  await expect(async () => {
    await rae.keyboard.press("s");
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(dialog.getByLabel(/Why skip it/)).toBeFocused();
  await rae.keyboard.type("Not a refund question");
  await rae.screenshot({ path: "screenshots/queues-work-skip.png" });
  await rae.keyboard.press("Enter");
  const held = await nextScreen(rae, skipped);
  expect(held).toMatch(/^item:/);
  await expect(rae.getByTestId("queue-position")).toHaveText("item 2 · 1 left for you");
  await expect(rae.getByText("My finished items (1)")).toBeVisible();

  // Rob opening Rae's item is told so, and offered Start.
  const heldId = held.split(":")[1];
  await rob.goto(`${workUrl}?item=${heldId}`);
  await expect(rob.getByRole("alert").filter({ hasText: "This item is not yours" })).toBeVisible();
  await expect(rob.getByTestId("queue-left")).toContainText("1 held by other reviewers right now");
  await rob.screenshot({ path: "screenshots/queues-work-not-yours.png" });

  // Rae releases it: back to the start screen, the item free for Rob.
  await rae.getByRole("button", { name: "Release" }).click();
  await expect(rae.getByTestId("queue-left")).toHaveText("1 trace left for you");
  await rob.reload();
  await expect(rob.getByTestId("queue-left")).toHaveText("2 traces left for you");
  await rob.keyboard.press("Enter");
  expect(await nextScreen(rob, "start")).toMatch(/^item:/);
  await rae.context().close();
  await rob.context().close();
});
