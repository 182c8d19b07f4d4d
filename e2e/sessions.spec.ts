import { expect, test, type Page } from "@playwright/test";

// Issue 13, item 9: sessions as first-class. The reviewer filters the sessions
// list, reviews three conversations by keyboard (a satisfaction score each)
// and sorts the list by satisfaction. Sessions about "export" with 3+ turns:
// no other spec rates sessions.
test.use({ storageState: "e2e/.auth/reviewer.json" });

const reviewReady = (page: Page) => expect(page.locator("html[data-review-ready]")).toBeAttached();

test("filter sessions, review three by keyboard with a satisfaction score each, sort by satisfaction", async ({ page }) => {
  await page.goto("/projects/support-bot/sessions");
  await expect(page.getByTestId("list-count")).toHaveText(/^\d+ sessions$/);
  const search = page.getByLabel("Search sessions");
  await search.fill("export");
  await page.getByLabel("Turns ≥").fill("3");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=export/);
  await expect(page).toHaveURL(/turnsMin=3/);
  const rows = page.getByRole("table").getByRole("row");
  const shown = (await rows.count()) - 1;
  expect(shown).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("list-count")).toHaveText(`${shown} sessions`);
  for (let i = 1; i <= shown; i++) {
    expect(Number(await rows.nth(i).getByRole("cell").nth(2).textContent())).toBeGreaterThanOrEqual(3);
    await expect(rows.nth(i).getByTestId("satisfaction")).toHaveText("—");
  }
  const sessionIds = await page.getByRole("table").getByRole("link", { name: /^sess_/ }).allTextContents();

  await page.getByRole("link", { name: "Review these sessions →" }).click();
  await expect(page).toHaveURL(/\/review\?list=[0-9a-f-]{36}&i=0$/);
  const progress = page.getByTestId("review-progress");
  const panel = page.getByRole("complementary", { name: "Review" });
  const scores = ["5", "2", "4"];
  for (let i = 0; i < 3; i++) {
    await expect(progress).toHaveText(`${i + 1} of ${shown}`);
    await expect(page.getByRole("heading", { name: `Session ${sessionIds[i]}` })).toBeVisible();
    await expect(page.getByRole("listitem", { name: /^Turn \d+$/ }).first()).toBeVisible();
    await reviewReady(page);
    // A digit starts the score in the (only) session card; Enter saves it and moves on.
    const score = panel.getByLabel("user_satisfaction score");
    await page.keyboard.press(scores[i]);
    await expect(score).toHaveValue(scores[i]);
    if (i === 0) await page.screenshot({ path: "screenshots/session-review.png" });
    await page.keyboard.press("Enter");
  }
  await expect(progress).toHaveText(`4 of ${shown}`);
  await expect(page.getByText("done by me 3")).toBeVisible();
  // Back one: the score given stays on the session it was given to.
  await reviewReady(page);
  await page.keyboard.press("k");
  await expect(progress).toHaveText(`3 of ${shown}`);
  await expect(page.getByRole("heading", { name: `Session ${sessionIds[2]}` })).toBeVisible();
  await expect(panel.getByRole("region", { name: "Annotations on this session" })).toContainText("user_satisfaction: score 4");

  await page.getByRole("link", { name: "Back to list" }).click();
  await expect(page).toHaveURL(/\/sessions\?q=export&turnsMin=3/);
  await page.getByLabel("Sort by").selectOption("satisfaction");
  await expect(page).toHaveURL(/sort=satisfaction/);
  await expect(rows.nth(1).getByTestId("satisfaction")).toHaveText("5 · 1 rating");
  await expect(rows.nth(2).getByTestId("satisfaction")).toHaveText("4 · 1 rating");
  await expect(rows.nth(3).getByTestId("satisfaction")).toHaveText("2 · 1 rating");
  await expect(rows.nth(4).getByTestId("satisfaction")).toHaveText("—");
  await page.screenshot({ path: "screenshots/sessions-list.png", fullPage: true });

  await page.getByLabel("Rated").selectOption("rated");
  await expect(page.getByTestId("list-count")).toHaveText("3 sessions");
  await page.getByLabel("Mean score ≥").fill("4");
  await page.getByLabel("Mean score ≥").press("Enter");
  await expect(page.getByTestId("list-count")).toHaveText("2 sessions");
  await expect(page).toHaveURL(/scoreMin=4/);
});

test("the traces and spans lists show how many rows match", async ({ page }) => {
  await page.goto("/projects/support-bot/traces?q=export");
  const traces = await page.getByRole("table").getByRole("link", { name: "support_turn" }).count();
  await expect(page.getByTestId("list-count")).toHaveText(`${traces} traces`);
  await page.screenshot({ path: "screenshots/traces-count.png" });
  await page.goto("/projects/support-bot/spans");
  // The whole demo's spans, far more than the page of 50 shown (the 1,000 cap is checked in Vitest).
  await expect(page.getByTestId("list-count")).toHaveText(/^\d{3}(,\d{3})?\+? spans$/);
  const spans = Number((await page.getByTestId("list-count").textContent())!.replace(/\D/g, ""));
  expect(spans).toBeGreaterThan(await page.getByRole("table").getByRole("row").count());
  await page.screenshot({ path: "screenshots/spans-count.png" });
});
