import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createKeyInSettings, ingestWorld } from "./phoenix-fixtures";

// Issue 13 item 2: with blind review on, every read a reviewer makes hides
// another reviewer's values until the reviewer has given their own: the
// traces table's Review column, the label filter, and the Phoenix API with
// the reviewer's key. A project of our own (OTLP), so turning blind review on
// touches no other spec.
const asRole = (role: string) => `e2e/.auth/${role}.json`;
const reviewReady = (page: Page) => expect(page.locator("html[data-review-ready]")).toBeAttached();

async function traceAnnotations(request: APIRequestContext, key: string, project: string, traceId: string) {
  const response = await request.get(`/v1/projects/${project}/trace_annotations?trace_ids=${traceId}&limit=100`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { name: string; result: { label: string | null } }[] };
  return data.map((a) => `${a.name}:${a.result.label}`).sort();
}

test("blind review hides others' labels in the table, the filters and the API until the reviewer submits", async ({ browser, page, request, baseURL }) => {
  const [leadKey, otherKey, reviewerKey] = await Promise.all([
    createKeyInSettings(browser, baseURL!, "lead"),
    createKeyInSettings(browser, baseURL!, "reviewer2"),
    createKeyInSettings(browser, baseURL!, "reviewer"),
  ]);
  const world = await ingestWorld(baseURL!, leadKey);
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  // The correctness rubric on our project, so its card and the filter offer it.
  const assigned = await request.put(`/v1/projects/${world.project}/annotation_configs/correctness`, { headers: auth(leadKey) });
  expect(assigned.status()).toBe(200);
  // Another reviewer's label, sent the way a Phoenix client would.
  const posted = await request.post("/v1/trace_annotations?sync=true", {
    headers: auth(otherKey),
    data: { data: [{ trace_id: world.traceId, name: "correctness", annotator_kind: "HUMAN", result: { label: "correct" }, identifier: "reviewer2-client" }] },
  });
  expect(posted.status()).toBe(200);

  // An admin turns blind review on for the project.
  await page.goto(`/projects/${world.project}/settings`);
  await page.getByRole("button", { name: "Turn blind review on" }).click();
  await expect(page.getByText("Blind review is on.")).toBeVisible();

  const reviewer = await browser.newPage({ storageState: asRole("reviewer") });
  const traces = `/projects/${world.project}/traces`;
  const row = reviewer.getByRole("row").filter({ hasText: "support_turn" });

  // Before the reviewer submits: the Review column counts a hidden value and shows no label.
  await reviewer.goto(traces);
  await expect(row).toContainText("1 hidden");
  await expect(row).not.toContainText("correct");
  await reviewer.screenshot({ path: "screenshots/blind-review-table-hidden.png" });
  // The label filter does not find the trace by the other reviewer's label.
  await reviewer.getByLabel("Rubric").selectOption("correctness");
  await reviewer.getByLabel("Label").selectOption("correct");
  await expect(reviewer).toHaveURL(/rubric=correctness/);
  await expect(reviewer).toHaveURL(/label=correct/);
  await expect(reviewer.getByText("No traces match")).toBeVisible();
  // Nor does the API with the reviewer's own key.
  expect(await traceAnnotations(request, reviewerKey, world.project, world.traceId)).toEqual([]);

  // A lead sees everything, in the table and through the API.
  const lead = await browser.newPage({ storageState: asRole("lead") });
  await lead.goto(`${traces}?rubric=correctness&label=correct`);
  await expect(lead.getByRole("row").filter({ hasText: "support_turn" })).toContainText("correct");
  expect(await traceAnnotations(request, leadKey, world.project, world.traceId)).toEqual(["correctness:correct"]);

  // The reviewer gives their own label on the trace page, by keyboard.
  await reviewer.goto(`${traces}/${world.traceId}`);
  await reviewReady(reviewer);
  const panel = reviewer.getByRole("complementary", { name: "Review" });
  await expect(panel.getByText("hidden until you submit yours")).toBeVisible();
  await reviewer.keyboard.press("3"); // incorrect
  await expect(panel.getByText("saved")).toBeVisible();

  // Now the other reviewer's value shows everywhere.
  await reviewer.goto(`${traces}?rubric=correctness&label=correct`);
  await expect(row).toContainText("correct");
  await expect(row).toContainText("incorrect");
  await expect(row).not.toContainText("hidden");
  await reviewer.screenshot({ path: "screenshots/blind-review-table-after.png" });
  expect(await traceAnnotations(request, reviewerKey, world.project, world.traceId)).toEqual(["correctness:correct", "correctness:incorrect"]);
  await reviewer.close();
  await lead.close();
});
