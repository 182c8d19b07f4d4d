import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import type { SatisfactionDashboard } from "@/lib/dashboards/dashboard-types";

// Issue 11's proof: a lead reads the dashboards on the demo data, whose
// conversations carry user_satisfaction by three people and an LLM judge
// (lib/demo/demo-ratings-plan.ts), and whose turns carry correctness and
// helpfulness labels by two reviewers and the judge. Only reads: no other
// spec's data changes.
test.use({ storageState: "e2e/.auth/lead.json", viewport: { width: 1280, height: 1000 } });

const project = "support-bot";
const dashboards = `/projects/${project}/dashboards`;
const satisfactionRegion = (page: Page) => page.getByRole("region", { name: /session satisfaction/i });
const rubricRegion = (page: Page) => page.getByRole("region", { name: /per rubric/i });

test("session satisfaction over time, human and LLM apart, its numbers a click away, in light and dark", async ({ page, request }) => {
  // What the chart draws, as JSON at its stable URL (the lead's session cookie).
  const response = await request.get(`/api/projects/${project}/dashboards/satisfaction`);
  expect(response.status()).toBe(200);
  const data = (await response.json()) as SatisfactionDashboard;
  expect(data.rubric?.name).toBe("user_satisfaction");
  const kinds = new Set(data.overTime.map((point) => point.annotatorKind));
  expect(kinds).toEqual(new Set(["HUMAN", "LLM"]));
  expect(data.ratedByHuman).toBeGreaterThan(30);
  expect(data.ratedByLlm).toBeGreaterThan(data.ratedByHuman);

  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(dashboards);
  const section = satisfactionRegion(page);
  await expect(section).toBeVisible();
  // A drawn chart with both series (recharts renders SVG; its legend names the series).
  const chart = section.locator("svg.recharts-surface").first();
  await expect(chart).toBeVisible();
  await expect(section.getByText(/human/i).first()).toBeVisible();
  await expect(section.getByText(/LLM/).first()).toBeVisible();
  await page.screenshot({ path: "test-results/dashboards-light.png", fullPage: true });

  // The numbers behind it, one click away as a table.
  await section.getByRole("button", { name: /table/i }).first().click();
  const table = section.getByRole("table").first();
  await expect(table).toBeVisible();
  const cells = await table.getByRole("cell").allTextContents();
  expect(cells.filter((text) => /^\d+(\.\d+)?$/.test(text.trim())).length).toBeGreaterThan(5);

  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(satisfactionRegion(page).locator("svg.recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "test-results/dashboards-dark.png", fullPage: true });
});

test("switching the rubric redraws the per-rubric charts; the lowest-rated session opens its conversation", async ({ page }) => {
  await page.goto(dashboards);
  const section = rubricRegion(page);
  await section.getByLabel(/rubric/i).first().selectOption("correctness");
  await expect(page).toHaveURL(/rubric=correctness/);
  await expect(rubricRegion(page)).toContainText("partially_correct");
  await expect(rubricRegion(page).locator("svg.recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "test-results/dashboards-correctness.png", fullPage: true });

  // The lowest-rated conversations link to the session page.
  const lowest = satisfactionRegion(page).getByRole("link", { name: /sess_/ }).first();
  const sessionId = (await lowest.textContent())!.trim();
  await lowest.click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project}/sessions/${sessionId}$`));
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
