import { expect, test, type Page } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";
import { ingestTimingWorld, type TimingWorld } from "./review-timing-world";

// Issue 12: the work screen claims the reviewer's next item ahead and draws it
// the moment Enter submits, before the server confirms. A label typed at once
// lands on the item drawn (sent once its claim is confirmed); a label typed on
// an item drawn from a claim that was lost meanwhile is discarded, never put on
// another item, and the screen says so. In a project of its own (30 traces,
// one pass/fail rubric: e2e/review-timing-world.ts).
test.use({ storageState: "e2e/.auth/lead.json", viewport: { width: 1400, height: 900 } });
test.describe.configure({ timeout: 180_000 });

let world: TimingWorld;

test.beforeAll(async ({ browser, baseURL }) => {
  const key = await createKeyInSettings(browser, baseURL!, "lead");
  world = await ingestTimingWorld(baseURL!, key);
});

async function createQueue(page: Page, name: string): Promise<string> {
  await page.goto(`/projects/${world.project}/traces`);
  await expect(page.getByTestId("list-count")).toHaveText(`${world.traces} traces`);
  await page.getByRole("link", { name: `Add these ${world.traces} traces to a queue` }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: new RegExp(world.rubric) }).check();
  await page.getByLabel("Reviews needed per item").fill("1");
  await page.getByRole("button", { name: "Create queue" }).click();
  await expect(page).toHaveURL(/\/queues\/\d+$/);
  return `${new URL(page.url()).pathname}/work`;
}

const verdict = (page: Page) => page.getByRole("complementary", { name: "Review" }).getByRole("group", { name: world.rubric, exact: true });
const radio = (page: Page, label: string) => verdict(page).getByRole("radio", { name: new RegExp(`${label}$`) });
const shownItem = (page: Page) => page.locator("[data-queue-item]").filter({ visible: true });
const itemOnScreen = async (page: Page) => (await shownItem(page).getAttribute("data-queue-item"))!;
// The claim held ahead of the item on screen has come back (the screen asks for it once the item is confirmed).
const aheadClaimed = (page: Page) => page.waitForResponse((response) => response.url().includes("/work-next?after=") && response.request().method() === "POST");

async function start(page: Page, workUrl: string): Promise<string> {
  await page.goto(workUrl);
  await expect(page.locator("button[data-review-next]")).toBeVisible();
  const ahead = aheadClaimed(page);
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-card-ready", "");
  await ahead;
  return itemOnScreen(page);
}

test("labels typed right after Enter land on the item drawn next, saved once its claim is confirmed", async ({ page }) => {
  const workUrl = await createQueue(page, `Fast typist ${Date.now()}`);
  const first = await start(page, workUrl);
  await expect(page.getByTestId("queue-position")).toHaveText(`item 1 · ${world.traces} left for you`);

  // Label, Enter, label, Enter, label: no wait for any screen in between.
  for (const press of ["1", "Enter", "2", "Enter", "1"]) await page.keyboard.press(press);
  await expect(page.getByTestId("queue-position")).toHaveText(`item 3 · ${world.traces - 2} left for you`);
  const third = await itemOnScreen(page);
  await expect(radio(page, "pass")).toHaveAttribute("aria-checked", "true");
  await expect(verdict(page).locator("[data-rubric-status='saved']")).toBeVisible();
  // The panel is read again after the save: the annotation shows in the list too.
  const mine = page.getByRole("region", { name: "Annotations on this trace" }).getByRole("listitem").filter({ hasText: "you" });
  await expect(mine).toContainText("pass");
  await page.screenshot({ path: "screenshots/queues-ahead-fast-typist.png" });

  // The two submitted, each with its own label: pass, then fail.
  const finished = page.getByRole("list", { name: "My finished items" }).getByRole("link");
  await page.getByText("My finished items (2)").click();
  await expect(finished).toHaveCount(2);
  await finished.last().click();
  await expect(shownItem(page)).toHaveAttribute("data-queue-item", first);
  await expect(radio(page, "pass")).toHaveAttribute("aria-checked", "true");
  await page.getByText("My finished items (2)").click();
  await finished.first().click();
  await expect(shownItem(page)).not.toHaveAttribute("data-queue-item", first);
  await expect(radio(page, "fail")).toHaveAttribute("aria-checked", "true");
  // The third, still mine, kept its label.
  await page.goto(`${workUrl}?item=${third}`);
  await expect(shownItem(page)).toHaveAttribute("data-queue-item", third);
  await expect(page.getByTestId("queue-work-bar")).toContainText("yours until");
  await expect(radio(page, "pass")).toHaveAttribute("aria-checked", "true");
});

test("an item drawn from a claim lost meanwhile: the label typed on it is discarded, said so, and the screen goes to the item claimed", async ({ browser }) => {
  // One reviewer, two tabs: the second tab works off the item the first holds ahead.
  const lead = await browser.newPage();
  const workUrl = await createQueue(lead, `Lost claim ${Date.now()}`);
  await lead.close();
  const context = await browser.newContext({ storageState: "e2e/.auth/reviewer.json", viewport: { width: 1400, height: 900 } });
  const one = await context.newPage();
  const two = await context.newPage();

  // Tab one holds I1, and I2 ahead of it.
  const i1 = await start(one, workUrl);
  // Tab two's Start gives back the newest claim, I2; what it holds ahead is I1.
  const i2 = await start(two, workUrl);
  expect(i2).not.toBe(i1);
  // Tab two labels and submits I2: I1 drawn, confirmed (the submit claims I3 ahead of it).
  await two.keyboard.press("1");
  await expect(verdict(two).locator("[data-rubric-status='saved']")).toBeVisible();
  await two.keyboard.press("Enter");
  await expect(shownItem(two)).toHaveAttribute("data-queue-item", i1);
  await expect(shownItem(two)).not.toHaveAttribute("data-queue-pending");

  // Tab one still believes I2 is held ahead for it: Enter draws it at once, and 2 is typed on it.
  await one.keyboard.press("1");
  await expect(verdict(one).locator("[data-rubric-status='saved']")).toBeVisible();
  await one.keyboard.press("Enter");
  await one.keyboard.press("2");
  // The submit hands out I3: the screen goes there, and says what happened.
  await expect(one.getByRole("status").filter({ hasText: `Item ${i2} was no longer held for you` })).toBeVisible();
  await expect(shownItem(one)).not.toHaveAttribute("data-queue-item", new RegExp(`^(${i1}|${i2})$`));
  const i3 = await itemOnScreen(one);
  await expect(verdict(one)).toHaveAttribute("data-card-ready", "");
  await one.screenshot({ path: "screenshots/queues-ahead-lost-claim.png" });
  // The 2 was put on neither I2 (it keeps tab two's pass) nor I3.
  await expect(radio(one, "fail")).toHaveAttribute("aria-checked", "false");
  await expect(radio(one, "pass")).toHaveAttribute("aria-checked", "false");
  await one.goto(`${workUrl}?item=${i2}`);
  await expect(one.getByTestId("queue-work-bar")).toContainText("Done by you");
  await expect(radio(one, "pass")).toHaveAttribute("aria-checked", "true");
  await expect(radio(one, "fail")).toHaveAttribute("aria-checked", "false");
  expect(i3).not.toBe(i2);
  await context.close();
});
