import { expect, test, type Page } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";
import { ingestQueuePagesWorld, type QueuePagesWorld } from "./queue-pages-world";

// Issue 10's queue pages, as a lead in a project of its own (e2e/queue-pages-world.ts):
// a queue made from a filtered traces list, its items assigned and removed, the
// queue archived; a reviewer sees it on their home until then; a reviewer cannot
// make queues.
test.use({ storageState: "e2e/.auth/lead.json", viewport: { width: 1280, height: 900 } });

let world: QueuePagesWorld;

test.beforeAll(async ({ browser, baseURL }) => {
  const key = await createKeyInSettings(browser, baseURL!, "lead");
  world = await ingestQueuePagesWorld(baseURL!, key);
});

const itemRows = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("checkbox", { name: /^Select (?!all)/ }) });

test("a lead queues a filtered traces list, assigns and removes items, archives it; a reviewer sees it at home meanwhile", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = `Failed turns ${Date.now()}`;

  // 1. The filtered list offers its 6 traces to a queue.
  await page.goto(`/projects/${world.project}/traces?status=ERROR`);
  await expect(page.getByTestId("list-count")).toHaveText("6 traces");
  await page.getByRole("link", { name: "Add these 6 traces to a queue" }).click();
  await expect(page.getByRole("heading", { name: "New queue" })).toBeVisible();
  await expect(page.getByTestId("queue-source")).toHaveText("6 traces from this filter");

  // 2. The form: name, instructions, the rubric, N = 2.
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Instructions (markdown)").fill("Check the **refund** answers.\n\n- label every trace");
  await page.getByRole("checkbox", { name: /correctness/ }).check();
  await page.getByLabel("Reviews needed per item").fill("2");
  await page.screenshot({ path: "screenshots/queue-pages-new.png", fullPage: true });
  await page.getByRole("button", { name: "Create queue" }).click();

  // 3. The queue page: instructions rendered, 6 items, nothing complete yet.
  await expect(page).toHaveURL(/\/queues\/\d+$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.locator("strong", { hasText: "refund" })).toBeVisible();
  await expect(page.getByTestId("items-complete")).toHaveText("0 / 6");
  await expect(itemRows(page)).toHaveCount(6);
  const queueUrl = page.url();

  // 4. Assign the first item to Rae Reviewer.
  await itemRows(page).nth(0).getByRole("checkbox").check();
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected");
  await page.getByRole("toolbar", { name: "Selected items" }).getByLabel("Reviewer").selectOption({ label: "Rae Reviewer" });
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assigned 1 item." })).toBeVisible();
  await expect(itemRows(page).filter({ hasText: "Rae Reviewer" })).toHaveCount(1);

  // 5. Remove the last one, while the queue is also open in another tab: that one catches up by itself (polling).
  const watcher = await page.context().newPage();
  await watcher.goto(queueUrl);
  await expect(watcher.getByTestId("items-complete")).toHaveText("0 / 6");
  await itemRows(page).nth(5).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Remove from queue" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Removed 1 item." })).toBeVisible();
  await expect(itemRows(page)).toHaveCount(5);
  await expect(page.getByTestId("items-complete")).toHaveText("0 / 5");
  await expect(watcher.getByTestId("items-complete")).toHaveText("0 / 5");
  await expect(itemRows(watcher)).toHaveCount(5);
  await watcher.close();
  await page.screenshot({ path: "screenshots/queue-pages-queue.png", fullPage: true });

  // 6. Settings: a third review per item.
  await page.getByRole("link", { name: "Edit settings" }).click();
  const settings = page.getByRole("form", { name: "Queue settings" });
  await expect(settings.getByLabel("Name")).toHaveValue(name);
  await expect(settings.getByRole("checkbox", { name: /correctness/ })).toBeChecked();
  await settings.getByLabel("Reviews needed per item").fill("3");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(page).toHaveURL(queueUrl);
  await expect(page.getByText("3 reviews per item")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Reviews done" })).toHaveAttribute("aria-valuemax", "15");

  // 7. The project's queue list shows it with its progress.
  await page.goto(`/projects/${world.project}/queues`);
  const listed = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(listed.getByRole("progressbar")).toHaveAttribute("aria-valuemax", "5");
  await page.screenshot({ path: "screenshots/queue-pages-list.png", fullPage: true });

  // 8. A reviewer's home lists it with what is left for them.
  const reviewer = await browser.newContext({ storageState: "e2e/.auth/reviewer.json", viewport: { width: 1280, height: 900 } });
  const home = await reviewer.newPage();
  await home.goto("/");
  const yourQueues = home.getByRole("region", { name: "Your queues" });
  const card = yourQueues.getByRole("listitem").filter({ has: home.getByRole("link", { name, exact: true }) });
  await expect(card.getByTestId("queue-left")).toHaveText("5 left for you");
  await home.screenshot({ path: "screenshots/queue-pages-home.png" });
  // …and the queue page offers them to start, without the lead's controls.
  // (Home has a "Start reviewing <queue>" link per queue: wait for the queue page itself.)
  await card.getByRole("link", { name, exact: true }).click();
  await expect(home).toHaveURL(/\/queues\/\d+$/);
  await expect(home.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(home.getByRole("link", { name: "Start reviewing", exact: true })).toBeVisible();
  await expect(home.getByRole("button", { name: "Archive queue" })).toHaveCount(0);
  await expect(home.getByRole("toolbar", { name: "Selected items" })).toHaveCount(0);

  // 9. Archived, it leaves the active list and the reviewer's home.
  await page.goto(queueUrl);
  await page.getByRole("button", { name: "Archive queue" }).click();
  await expect(page.getByRole("button", { name: "Restore queue" })).toBeVisible();
  await page.goto(`/projects/${world.project}/queues`);
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Show archived" }).click();
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await home.goto("/");
  await expect(home.getByRole("link", { name, exact: true })).toHaveCount(0);
  await reviewer.close();
});

test("a lead queues rows ticked on the traces list", async ({ page }) => {
  await page.goto(`/projects/${world.project}/traces`);
  await expect(page.getByTestId("list-count")).toHaveText("8 traces");
  await page.getByRole("checkbox", { name: /^Select trace/ }).nth(0).check();
  await page.getByRole("checkbox", { name: /^Select trace/ }).nth(1).check();
  await page.screenshot({ path: "screenshots/queue-pages-traces-selected.png" });
  await page.getByRole("button", { name: "Add 2 selected to a queue" }).click();
  await expect(page.getByTestId("queue-source")).toHaveText("2 selected traces");
  await page.getByLabel("Name").fill(`Picked ${Date.now()}`);
  await page.getByRole("checkbox", { name: /correctness/ }).check();
  await page.getByRole("button", { name: "Create queue" }).click();
  await expect(page).toHaveURL(/\/queues\/\d+$/);
  await expect(itemRows(page)).toHaveCount(2);
});

test("the spans and sessions lists offer their rows to a queue too", async ({ page }) => {
  await page.goto(`/projects/${world.project}/spans`);
  await expect(page.getByRole("link", { name: "Add these 8 spans to a queue" })).toBeVisible();
  await page.getByRole("checkbox", { name: /^Select span/ }).nth(0).check();
  await page.getByRole("button", { name: "Add 1 selected to a queue" }).click();
  await expect(page.getByTestId("queue-source")).toHaveText("1 selected span");
});

test.describe("as a reviewer", () => {
  test.use({ storageState: "e2e/.auth/reviewer.json" });

  test("cannot open the new-queue page, nor sees the list's queue links", async ({ page }) => {
    const response = await page.goto(`/projects/${world.project}/queues/new?from=traces&status=ERROR`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Forbidden" })).toBeVisible();
    await page.goto(`/projects/${world.project}/traces?status=ERROR`);
    await expect(page.getByTestId("list-count")).toHaveText("6 traces");
    await expect(page.getByRole("link", { name: /to a queue/ })).toHaveCount(0);
    await page.goto(`/projects/${world.project}/queues`);
    await expect(page.getByRole("link", { name: "New queue" })).toHaveCount(0);
  });
});
