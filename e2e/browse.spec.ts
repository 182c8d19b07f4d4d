import { expect, test } from "@playwright/test";

// Issue 2: a reviewer opens Marginalia and browses real traces (the demo seed).
test.use({ storageState: "e2e/.auth/viewer.json" });

test("from the projects list to a trace, its LLM chat, its documents and its session", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await page.screenshot({ path: "screenshots/projects.png" });
  await page.getByRole("link", { name: "support-bot" }).click();

  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(51); // header + a page of 50
  await page.getByLabel("Search input and output").fill("refund");
  await page.getByLabel("Search input and output").press("Enter");
  await expect(page).toHaveURL(/q=refund/);
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText(/refund/i);
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 1; i < Math.min(count, 8); i++) await expect(rows.nth(i)).toContainText(/refund/i);
  await page.screenshot({ path: "screenshots/traces-filtered.png" });

  await rows.nth(1).getByRole("link", { name: "support_turn" }).click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
  const tree = page.getByRole("navigation", { name: "Span tree" });
  await tree.getByRole("link", { name: /generate_answer/ }).first().click();
  await expect(page).toHaveURL(/span=/);
  const detail = page.getByRole("article");
  await expect(detail.getByText("system", { exact: true }).first()).toBeVisible();
  await expect(detail.getByText("user", { exact: true }).first()).toBeVisible();
  await expect(detail.getByText("assistant", { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: "screenshots/trace-llm.png" });

  await tree.getByRole("link", { name: /retrieve_docs/ }).click();
  await expect(detail.getByRole("listitem", { name: "Document 0" })).toBeVisible();
  expect(await detail.getByRole("listitem", { name: /^Document \d$/ }).count()).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: "screenshots/trace-retriever.png" });

  await page.getByRole("link", { name: /^Session / }).click();
  await expect(page.getByRole("heading", { name: /^Session/ })).toBeVisible();
  const turns = page.getByRole("listitem", { name: /^Turn \d+$/ });
  expect(await turns.count()).toBeGreaterThanOrEqual(2);
  await expect(turns.first().getByText("User:")).toBeAttached();
  await page.screenshot({ path: "screenshots/session.png" });
});

test("the spans table filters by kind and links into the trace", async ({ page }) => {
  await page.goto("/projects/support-bot/spans");
  await page.getByLabel("Span kind").selectOption("RETRIEVER");
  await expect(page).toHaveURL(/kind=RETRIEVER/);
  const links = page.getByRole("table").getByRole("link", { name: "retrieve_docs" });
  await expect(links.first()).toBeVisible();
  await links.first().click();
  await expect(page.getByRole("article").getByRole("listitem", { name: "Document 0" })).toBeVisible();
});

test("keyset pagination moves to the next page without repeating rows", async ({ page }) => {
  await page.goto("/projects/support-bot/traces");
  const firstPage = await page.getByRole("table").getByRole("link", { name: "support_turn" }).evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const secondPage = await page.getByRole("table").getByRole("link", { name: "support_turn" }).evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(secondPage.length).toBe(50);
  expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);
});

test("an unknown trace shows the 404 page", async ({ page }) => {
  await page.goto(`/projects/support-bot/traces/${"0".repeat(32)}`);
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  await page.screenshot({ path: "screenshots/not-found.png" });
});

test("a filter chosen while the page is still loading applies once it is ready; Back does not undo Back", async ({ page }) => {
  // The page's scripts are held back: it is drawn, but nothing listens to its controls yet.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js(\?|$)/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/projects/support-bot/spans", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Span kind").selectOption("RETRIEVER");
  expect(page.url()).not.toContain("kind=");

  release();
  await expect(page).toHaveURL(/kind=RETRIEVER/);
  await expect(page.getByLabel("Span kind")).toHaveValue("RETRIEVER");
  await expect(page.getByRole("table").getByRole("link", { name: "retrieve_docs" }).first()).toBeVisible();

  // Back shows the unfiltered list with its controls as the URL says, and stays there.
  await page.goBack();
  await expect(page).not.toHaveURL(/kind=/);
  await page.waitForLoadState("networkidle"); // scripts run, page hydrated: a restored choice would have been applied by now
  await expect(page.getByLabel("Span kind")).toHaveValue("");
  await expect(page).not.toHaveURL(/kind=/);
});
