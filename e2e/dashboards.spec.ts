import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { SatisfactionDashboard } from "@/lib/dashboards/dashboard-types";

// Issue 11's proof: a lead reads the dashboards on the demo data, whose
// conversations carry user_satisfaction by three people and an LLM judge
// (lib/demo/demo-ratings-plan.ts), and whose turns carry correctness and
// helpfulness labels by two reviewers and the judge. Only reads: no other
// spec's data changes.
test.use({ storageState: "e2e/.auth/lead.json", viewport: { width: 1280, height: 1000 } });

const project = "support-bot";
const dashboards = `/projects/${project}/dashboards`;
const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const figure = (scope: Locator, name: string) => scope.getByRole("figure", { name: new RegExp(`^${name}`) });

test("session satisfaction over time, people and the LLM judge apart, its numbers a click away, in light and dark", async ({ page, request }) => {
  // What the chart draws, as JSON at its stable URL (the lead's session cookie).
  const response = await request.get(`/api/projects/${project}/dashboards/satisfaction`);
  expect(response.status()).toBe(200);
  const data = (await response.json()) as SatisfactionDashboard;
  expect(data.rubric?.name).toBe("user_satisfaction");
  expect(new Set(data.overTime.map((point) => point.annotatorKind))).toEqual(new Set(["HUMAN", "LLM"]));
  expect(data.ratedByHuman).toBeGreaterThan(30);
  expect(data.ratedByLlm).toBeGreaterThanOrEqual(data.ratedByHuman);

  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(dashboards);
  const overTime = figure(section(page, "Session satisfaction"), "user_satisfaction over time");
  // A drawn chart (recharts: SVG) whose legend names both series.
  await expect(overTime.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(overTime.locator(".recharts-legend-wrapper")).toContainText("Human mean");
  await expect(overTime.locator(".recharts-legend-wrapper")).toContainText("LLM judge mean");
  await expect(overTime.locator(".recharts-line")).toHaveCount(2);
  await page.screenshot({ path: "test-results/dashboards-light.png", fullPage: true });
  await overTime.screenshot({ path: "test-results/dashboards-satisfaction-light.png" });

  // The numbers behind it, one click away as a table: a row per day and kind, with means.
  await overTime.getByText("Table", { exact: true }).click();
  const table = overTime.getByRole("table");
  await expect(table).toBeVisible();
  const rows = table.getByRole("row");
  expect(await rows.count()).toBeGreaterThan(10);
  const cells = await table.getByRole("cell").allTextContents();
  expect(cells).toContain("LLM");
  expect(cells).toContain("HUMAN");
  // The mean column: numbers between the rubric's bounds.
  const means = await table.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(means.length).toBeGreaterThan(10);
  for (const mean of means) expect(Number(mean), mean).toBeGreaterThanOrEqual(1);
  for (const mean of means) expect(Number(mean), mean).toBeLessThanOrEqual(5);

  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(figure(section(page, "Session satisfaction"), "user_satisfaction over time").locator("svg.recharts-surface").first()).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgb(255, 255, 255)");
  await page.screenshot({ path: "test-results/dashboards-dark.png", fullPage: true });
  await figure(section(page, "Session satisfaction"), "user_satisfaction over time").screenshot({ path: "test-results/dashboards-satisfaction-dark.png" });
});

test("switching the rubric redraws the per-rubric charts; the lowest-rated session opens its conversation", async ({ page }) => {
  await page.goto(dashboards);
  // Correctness (categorical) is the first rubric; the chooser (a GET form) switches to helpfulness (scores).
  const perRubric = section(page, "Per rubric");
  await expect(figure(perRubric, "correctness: label counts").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(figure(perRubric, "correctness over time")).toContainText("partially_correct");
  await perRubric.getByRole("combobox", { name: /^Rubric\b/ }).selectOption("helpfulness");
  await expect(page).toHaveURL(/[?&]rubric=helpfulness/);
  const histogram = figure(section(page, "Per rubric"), "helpfulness: score histogram");
  await expect(histogram.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(histogram.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(figure(section(page, "Per rubric"), "helpfulness over time").locator(".recharts-legend-wrapper")).toContainText("LLM judge mean");
  await expect(figure(section(page, "Per rubric"), "correctness: label counts")).toHaveCount(0);
  await section(page, "Per rubric").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/dashboards-helpfulness.png" });

  // The lowest-rated conversations, lowest first, each a link to the session page.
  const lowest = page.getByTestId("lowest-sessions").getByRole("link").first();
  const href = (await lowest.getAttribute("href"))!;
  expect(href).toMatch(new RegExp(`^/projects/${project}/sessions/[^/]+$`));
  const sessionId = decodeURIComponent(href.split("/").pop()!);
  await lowest.click();
  await expect(page).toHaveURL(href);
  await expect(page.getByRole("heading", { name: `Session ${sessionId}` })).toBeVisible();
});

test("the wide CSV downloads from the dashboards, a column per rubric and annotator", async ({ page }) => {
  await page.goto(dashboards);
  await page.getByText("Export ▾").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /CSV, wide/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^support-bot-annotations-wide-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parse(await readFile((await download.path())!), { skip_empty_lines: true }) as string[][];
  // One column per (rubric, annotator): the three people and the judge on satisfaction, two reviewers and the judge on correctness.
  for (const annotator of ["reviewer@example.com", "reviewer2@example.com", "lead@example.com", "judge:gpt-4o-mini"]) {
    expect(header).toContain(`user_satisfaction[${annotator}].score`);
  }
  for (const annotator of ["reviewer@example.com", "reviewer2@example.com", "judge:gpt-4o-mini"]) {
    expect(header).toContain(`correctness[${annotator}].label`);
  }
  const column = (name: string) => header.indexOf(name);
  const sessions = rows.filter((row) => row[column("target_type")] === "SESSION");
  expect(sessions.length).toBeGreaterThan(50);
  expect(sessions.filter((row) => /^[1-5]$/.test(row[column("user_satisfaction[judge:gpt-4o-mini].score")])).length).toBeGreaterThan(50);
  expect(rows.filter((row) => ["correct", "partially_correct", "incorrect"].includes(row[column("correctness[reviewer@example.com].label")])).length).toBeGreaterThan(40);
  for (const row of rows) expect(row).toHaveLength(header.length);
});
