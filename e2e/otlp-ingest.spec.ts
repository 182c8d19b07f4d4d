import { randomBytes } from "node:crypto";
import { ROOT_CONTEXT, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { expect, test } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";

// A small program instrumented with the real OpenTelemetry JS SDK and its
// OTLP/HTTP protobuf exporter (gzip), sending OpenInference spans to the
// running app's /v1/traces; then a reviewer finds them in the app's pages.
test.use({ storageState: "e2e/.auth/reviewer.json" });

const run = randomBytes(4).toString("hex");
const project = `otlp-e2e-${run}`;
const sessionId = `otlp-session-${run}`;
const question = `How do I export my invoices? (${run})`;
const answer = "Open Billing, then Invoices, and choose Export.";

function answerQuestion(tracer: Tracer): void {
  const root = tracer.startSpan("answer_question", {
    attributes: { "openinference.span.kind": "CHAIN", "input.value": question, "session.id": sessionId, "user.id": "e2e-user" },
  });
  const inRoot = trace.setSpan(ROOT_CONTEXT, root);
  const retriever = tracer.startSpan("search_help_center", { attributes: { "openinference.span.kind": "RETRIEVER", "session.id": sessionId } }, inRoot);
  ["Exporting invoices", "Billing settings", "Download a receipt"].forEach((title, n) => {
    retriever.setAttribute(`retrieval.documents.${n}.document.id`, `kb-${n}`);
    retriever.setAttribute(`retrieval.documents.${n}.document.content`, `${title}: how-to article ${n}.`);
    retriever.setAttribute(`retrieval.documents.${n}.document.score`, 0.9 - n / 10);
  });
  retriever.end();
  const llm = tracer.startSpan("generate_answer", {
    attributes: {
      "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o-mini", "session.id": sessionId,
      "llm.input_messages.0.message.role": "system", "llm.input_messages.0.message.content": "You answer billing questions.",
      "llm.input_messages.1.message.role": "user", "llm.input_messages.1.message.content": question,
      "llm.output_messages.0.message.role": "assistant", "llm.output_messages.0.message.content": answer,
      "llm.token_count.prompt": 42, "llm.token_count.completion": 12, "llm.token_count.total": 54,
    },
  }, inRoot);
  llm.end();
  root.setAttribute("output.value", answer);
  root.setStatus({ code: SpanStatusCode.OK });
  root.end();
}

test.beforeAll(async ({ browser, baseURL }) => {
  const key = await createKeyInSettings(browser, baseURL!, "reviewer");
  const exporter = new OTLPTraceExporter({
    url: `${baseURL}/v1/traces`, headers: { authorization: `Bearer ${key}` }, compression: CompressionAlgorithm.GZIP,
  });
  // The SDK only logs a failed export: keep each result to fail here, not in the pages.
  const results: { code: number; error?: Error }[] = [];
  const send = exporter.export.bind(exporter);
  exporter.export = (spans, done) => send(spans, (result) => (results.push(result), done(result)));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "otlp-e2e", "openinference.project.name": project }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  answerQuestion(provider.getTracer("otlp-e2e"));
  await provider.forceFlush(); // resolves once the export request has been answered
  await provider.shutdown();
  expect(results.map((r) => r.error?.message ?? r.code)).toEqual([0]); // one batch, ExportResultCode.SUCCESS
});

test("spans sent by the OpenTelemetry SDK show up in the trace, span and session pages", async ({ page }) => {
  await page.goto(`/projects/${project}/traces`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // header + our one trace
  await expect(rows.nth(1)).toContainText(question);
  await rows.nth(1).getByRole("link", { name: "answer_question" }).click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);

  const tree = page.getByRole("navigation", { name: "Span tree" });
  const detail = page.getByRole("article");
  await tree.getByRole("link", { name: /generate_answer/ }).click();
  await expect(detail.getByText("system", { exact: true }).first()).toBeVisible();
  await expect(detail.getByText("You answer billing questions.").first()).toBeVisible();
  await expect(detail.getByText(answer).first()).toBeVisible();
  await expect(detail.getByText("gpt-4o-mini").first()).toBeVisible();
  await page.screenshot({ path: "screenshots/otlp-llm.png" });

  await tree.getByRole("link", { name: /search_help_center/ }).click();
  for (const n of [0, 1, 2]) await expect(detail.getByRole("listitem", { name: `Document ${n}` })).toBeVisible();
  await expect(detail.getByText("Exporting invoices: how-to article 0.").first()).toBeVisible();

  await page.getByRole("link", { name: /^Session / }).click();
  await expect(page.getByRole("heading", { name: /^Session/ })).toContainText(sessionId);
  await expect(page.getByRole("listitem", { name: /^Turn \d+$/ })).toHaveCount(1);
  await expect(page.getByText(question).first()).toBeVisible();
  await page.screenshot({ path: "screenshots/otlp-session.png", fullPage: true });
});

test("the spans page lists the exported spans by kind", async ({ page }) => {
  await page.goto(`/projects/${project}/spans`);
  const table = page.getByRole("table");
  for (const name of ["answer_question", "search_help_center", "generate_answer"]) {
    await expect(table.getByRole("link", { name }).first()).toBeVisible();
  }
  await page.getByLabel("Span kind").selectOption("RETRIEVER");
  await expect(page).toHaveURL(/kind=RETRIEVER/);
  await expect(table.getByRole("link", { name: "search_help_center" })).toBeVisible();
  await expect(table.getByRole("link", { name: "generate_answer" })).toHaveCount(0);
});
