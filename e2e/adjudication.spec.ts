import { expect, test, type APIRequestContext } from "@playwright/test";
import { createKeyInSettings, ingestWorld, type World } from "./phoenix-fixtures";

// Issue 10, adjudication: in a project of our own (OTLP), two reviewers give
// different correctness labels on a trace — one on the trace page by keyboard,
// one over the Phoenix API with their key — and the lead settles it on the
// Adjudicate page, keyboard only: both values side by side, the final label
// with a reason, the item leaves the open list and shows under Resolved. The
// final value reads back over the Phoenix API. A reviewer is refused (403).
test.use({ storageState: "e2e/.auth/lead.json", viewport: { width: 1280, height: 900 } });

const asRole = (role: string) => `e2e/.auth/${role}.json`;
let world: World;
let leadKey: string;
let keys: { rae: string; rob: string };

async function traceAnnotations(request: APIRequestContext, key: string) {
  const response = await request.get(`/v1/projects/${world.project}/trace_annotations?trace_ids=${world.traceId}&limit=100`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()).data as { name: string; identifier: string; result: { label: string | null; score: number | null; explanation: string | null } }[]);
}

test.beforeAll(async ({ browser, baseURL, request }) => {
  const [lead, reviewer, reviewer2] = await Promise.all(["lead", "reviewer", "reviewer2"].map((role) => createKeyInSettings(browser, baseURL!, role)));
  leadKey = lead;
  keys = { rae: reviewer, rob: reviewer2 };
  world = await ingestWorld(baseURL!, leadKey);
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  for (const rubric of ["correctness", "helpfulness"]) {
    expect((await request.put(`/v1/projects/${world.project}/annotation_configs/${rubric}`, { headers: auth(leadKey) })).status()).toBe(200);
  }
  // Rob's label and a note, sent the way a Phoenix client would.
  const posted = await request.post("/v1/trace_annotations?sync=true", {
    headers: auth(reviewer2),
    data: { data: [{ trace_id: world.traceId, name: "correctness", annotator_kind: "HUMAN", identifier: "rob-client",
      result: { label: "incorrect", explanation: "The reset link moved to Settings last month." } }] },
  });
  expect(posted.status()).toBe(200);
  const note = await request.post("/v1/trace_notes", { headers: auth(reviewer2), data: { data: { trace_id: world.traceId, note: "Check the new help article." } } });
  expect(note.status()).toBe(200);
});

test("a lead settles two reviewers' different labels with a reason, keyboard only", async ({ page, browser, request }) => {
  // Rae labels the trace on its page, by keyboard.
  const reviewer = await browser.newPage({ storageState: asRole("reviewer") });
  await reviewer.goto(`/projects/${world.project}/traces/${world.traceId}`);
  await expect(reviewer.locator("html[data-review-ready]")).toBeAttached();
  await reviewer.keyboard.press("1"); // correct
  await expect(reviewer.getByRole("complementary", { name: "Review" }).getByText("saved")).toBeVisible();
  // A reviewer may not adjudicate: the page answers 403.
  const refused = await reviewer.goto(`/projects/${world.project}/adjudicate?rubric=correctness`);
  expect(refused?.status()).toBe(403);
  await expect(reviewer.getByRole("heading", { name: "Forbidden" })).toBeVisible();
  await reviewer.close();

  // The lead's chooser: the rubric has one open disagreement.
  await page.goto(`/projects/${world.project}/adjudicate`);
  const byRubric = page.getByRole("region", { name: "By rubric" });
  await expect(byRubric.getByRole("listitem").filter({ hasText: "correctness" })).toContainText("1 open disagreement");
  await page.screenshot({ path: "screenshots/adjudication-chooser.png" });
  await byRubric.getByRole("link", { name: "correctness" }).click();
  await expect(page).toHaveURL(/rubric=correctness/);

  // Both values side by side, the note, the trace one click away.
  const list = page.getByRole("list", { name: "Disagreements" });
  const card = list.getByRole("article");
  await expect(card).toHaveCount(1);
  const values = card.getByRole("table");
  await expect(values.getByRole("row").filter({ hasText: "Rae Reviewer" })).toContainText("correct");
  await expect(values.getByRole("row").filter({ hasText: "Rob Reviewer" })).toContainText("incorrect");
  await expect(values.getByRole("row").filter({ hasText: "Rob Reviewer" })).toContainText("The reset link moved to Settings last month.");
  await expect(card.getByRole("region", { name: /Notes on/ })).toContainText("Check the new help article.");
  await expect(card.getByRole("link", { name: /Open trace/ })).toHaveAttribute("href", `/projects/${world.project}/traces/${world.traceId}`);
  await page.screenshot({ path: "screenshots/adjudication-open.png", fullPage: true });

  // Keyboard: j focuses the item, 2 picks partially_correct, Tab to the reason, Ctrl+Enter records.
  await page.keyboard.press("j");
  await expect(card).toBeFocused();
  await page.keyboard.press("2");
  await expect(card.getByRole("radio", { name: "partially_correct" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(card.getByLabel("Reason")).toBeFocused();
  await page.keyboard.type("The link moved, but the steps are still right.");
  await page.keyboard.press("Control+Enter");

  await expect(page.getByRole("status")).toContainText("Final correctness: partially_correct.");
  await expect(list.getByRole("article")).toHaveCount(0);
  await expect(page.getByTestId("disagreement-count")).toHaveText("No open disagreements.");
  await page.screenshot({ path: "screenshots/adjudication-recorded.png", fullPage: true });

  // Under Resolved, with the final value and the values it settled.
  await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Resolved" }).click();
  await expect(page).toHaveURL(/status=resolved/);
  const resolved = list.getByRole("article");
  await expect(resolved).toHaveCount(1);
  await expect(resolved.getByTestId("final-value")).toContainText("partially_correct");
  await expect(resolved.getByTestId("final-value")).toContainText("Lee Lead");
  await expect(resolved.getByTestId("final-value")).toContainText("The link moved, but the steps are still right.");
  await page.screenshot({ path: "screenshots/adjudication-resolved.png", fullPage: true });

  // Over the Phoenix API: the adjudicated annotation beside the reviewers'.
  const annotations = await traceAnnotations(request, leadKey);
  expect(annotations.filter((a) => a.identifier === "adjudicated")).toEqual([
    expect.objectContaining({ name: "correctness", result: expect.objectContaining({ label: "partially_correct", explanation: "The link moved, but the steps are still right." }) }),
  ]);
});

test("continuous scores: the threshold decides what is a disagreement, and the lead records a score", async ({ page, request }) => {
  // Rae and Rob score helpfulness 3 and 9 over the API (spread 6).
  for (const [key, identifier, score] of [[keys.rae, "rae-client", 3], [keys.rob, "rob-client", 9]] as const) {
    const posted = await request.post("/v1/trace_annotations?sync=true", {
      headers: { authorization: `Bearer ${key}` },
      data: { data: [{ trace_id: world.traceId, name: "helpfulness", annotator_kind: "HUMAN", identifier, result: { score } }] },
    });
    expect(posted.status()).toBe(200);
  }
  // The Adjudicate tab, then the rubric.
  await page.goto(`/projects/${world.project}/traces`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Adjudicate" }).click();
  await page.getByRole("region", { name: "By rubric" }).getByRole("link", { name: "helpfulness" }).click();
  const list = page.getByRole("list", { name: "Disagreements" });
  await expect(list.getByRole("article")).toHaveCount(1);
  await expect(list.getByRole("article")).toContainText("Spread 6");

  // A spread of 6 is not above 7: nothing to settle; above 5 it is back.
  const spread = page.getByLabel("Score spread above");
  await spread.fill("7");
  await spread.press("Enter");
  await expect(page).toHaveURL(/threshold=7/);
  await expect(page.getByTestId("disagreement-count")).toHaveText("No open disagreements.");
  await spread.fill("5");
  await spread.press("Enter");
  await expect(page).toHaveURL(/threshold=5/);
  const card = list.getByRole("article");
  await expect(card).toHaveCount(1);

  // A score out of the rubric's bounds is refused, naming the field; 6 is recorded.
  await card.getByLabel(/Final score/).fill("12");
  await card.getByLabel("Reason").fill("Halfway there.");
  await card.getByRole("button", { name: "Record final value" }).click();
  await expect(card.getByText(/Score must be between 0 and 10/)).toBeVisible();
  await page.screenshot({ path: "screenshots/adjudication-score-refused.png", fullPage: true });
  await card.getByLabel(/Final score/).fill("6");
  await card.getByRole("button", { name: "Record final value" }).click();
  await expect(page.getByRole("status")).toContainText("Final helpfulness: 6.");
  await expect(list.getByRole("article")).toHaveCount(0);
  const final = (await traceAnnotations(request, leadKey)).filter((a) => a.identifier === "adjudicated" && a.name === "helpfulness");
  expect(final).toEqual([expect.objectContaining({ result: expect.objectContaining({ score: 6, explanation: "Halfway there." }) })]);
});
