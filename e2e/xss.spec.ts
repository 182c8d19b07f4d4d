import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createKeyInSettings } from "./phoenix-fixtures";

// Everything a trace, an annotator or a rubric author sends is shown to
// reviewers. Each field below carries payloads that would run script if
// rendered as HTML (or followed as a javascript: link); every page that shows
// them must show them as text, run nothing, and report no CSP violation.
test.describe.configure({ mode: "serial" });

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
/** A payload tagged with the field it went into: any that runs records its tag in window.__xss. */
const payload = (field: string) => {
  const run = `(window.__xss=window.__xss||[]).push('${field}')`;
  return `xss-${field} <img src=x onerror="${run}"> <script>${run}</script> "><svg onload="${run}"> [link](javascript:${run})`;
};
// What must be visible as text wherever the field is shown as plain text.
const literal = (field: string) => `xss-${field} <img src=x onerror=`;

const project = `xss-${hex(4)}`;
const traceId = hex(16);
const [rootId, llmId, retrieverId, toolId] = [hex(8), hex(8), hex(8), hex(8)];
const sessionId = `${payload("session").slice(0, 120)} ${hex(3)}`;
let key = "";
let rubricRowId = 0;

const nanos = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
const attributes = (values: Record<string, string | number>) =>
  Object.entries(values).map(([k, value]) => ({ key: k, value: typeof value === "number" ? { intValue: value } : { stringValue: value } }));

function otlpBody() {
  const start = Date.now() - 60_000;
  const span = (spanId: string, parent: string, field: string, extra: Record<string, string | number>, more: object = {}) => ({
    traceId, spanId, parentSpanId: parent, name: payload(field), kind: 1,
    startTimeUnixNano: nanos(start), endTimeUnixNano: nanos(start + 900), status: { code: 1 },
    attributes: attributes({ "session.id": sessionId, "user.id": payload("user"), ...extra }), ...more,
  });
  return {
    resourceSpans: [{
      resource: { attributes: attributes({ "openinference.project.name": project }) },
      scopeSpans: [{ scope: { name: "xss-e2e" }, spans: [
        span(rootId, "", "root-name", {
          "openinference.span.kind": "CHAIN", "input.value": payload("root-input"), "input.mime_type": "text/plain",
          "output.value": `# ${payload("root-output-md")}`, "output.mime_type": "text/markdown",
          "metadata": JSON.stringify({ note: payload("metadata") }), [payload("attr-key").slice(0, 60)]: payload("attr-value"),
        }, {
          events: [{ name: payload("event-name"), timeUnixNano: nanos(start + 100), attributes: attributes({ "detail": payload("event-attr") }) }],
        }),
        span(llmId, rootId, "llm-name", {
          "openinference.span.kind": "LLM", "llm.model_name": payload("model"),
          "llm.input_messages.0.message.role": "system", "llm.input_messages.0.message.content": payload("system-msg"),
          "llm.input_messages.1.message.role": payload("role").slice(0, 80), "llm.input_messages.1.message.content": `**${payload("user-msg")}**`,
          "llm.output_messages.0.message.role": "assistant", "llm.output_messages.0.message.content": payload("assistant-msg"),
          "llm.output_messages.0.message.tool_calls.0.tool_call.id": payload("tool-call-id").slice(0, 60),
          "llm.output_messages.0.message.tool_calls.0.tool_call.function.name": payload("tool-name"),
          "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments": JSON.stringify({ q: payload("tool-args") }),
          "input.value": JSON.stringify({ messages: [payload("llm-input-json")] }), "input.mime_type": "application/json",
        }),
        span(retrieverId, rootId, "retriever-name", {
          "openinference.span.kind": "RETRIEVER",
          "retrieval.documents.0.document.id": payload("doc-id").slice(0, 60),
          "retrieval.documents.0.document.content": payload("doc-content"),
          "retrieval.documents.0.document.metadata": JSON.stringify({ source: payload("doc-metadata") }),
          "retrieval.documents.1.document.content": `- ${payload("doc-md")}`,
        }),
        span(toolId, rootId, "tool-name-span", { "openinference.span.kind": "TOOL", "tool.name": payload("tool"), "tool.parameters": payload("tool-params") }, {
          status: { code: 2, message: payload("status-message") },
        }),
      ] }],
    }],
  };
}

async function api(path: string, method: string, body: unknown) {
  const response = await fetch(`${test.info().project.use.baseURL}${path}`, {
    method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const annotation = (field: string) => ({
  name: payload(`${field}-name`).slice(0, 200), annotator_kind: "HUMAN", identifier: payload(`${field}-identifier`).slice(0, 200),
  result: { label: payload(`${field}-label`), score: 0.5, explanation: payload(`${field}-explanation`) },
  metadata: { why: payload(`${field}-metadata`) },
});

test.beforeAll(async ({ browser, baseURL }) => {
  key = await createKeyInSettings(browser, baseURL!, "admin");
  await api("/v1/traces", "POST", otlpBody());
  await api("/v1/span_annotations?sync=true", "POST", { data: [{ span_id: rootId, ...annotation("span-ann") }] });
  await api("/v1/trace_annotations?sync=true", "POST", { data: [{ trace_id: traceId, ...annotation("trace-ann") }] });
  await api("/v1/session_annotations?sync=true", "POST", { data: [{ session_id: sessionId, ...annotation("session-ann") }] });
  const { identifier: _, ...documentAnnotation } = annotation("doc-ann"); // documents take none
  await api("/v1/document_annotations?sync=true", "POST", { data: [{ span_id: retrieverId, document_position: 0, ...documentAnnotation }] });
  await api("/v1/span_notes", "POST", { data: { span_id: rootId, note: payload("span-note") } });
  await api("/v1/trace_notes", "POST", { data: { trace_id: traceId, note: `> ${payload("trace-note")}` } });
  await api("/v1/session_notes", "POST", { data: { session_id: sessionId, note: payload("session-note") } });
  const rubric = await api("/v1/annotation_configs", "POST", {
    type: "CATEGORICAL", name: payload("rubric-name").slice(0, 150), description: payload("rubric-description"),
    optimization_direction: "MAXIMIZE", values: [{ label: payload("rubric-value").slice(0, 200), score: 1 }, { label: "fine", score: 0 }],
  });
  rubricRowId = Number(/:(\d+)$/.exec(Buffer.from(rubric.data.id, "base64").toString("utf8"))![1]);
  await api(`/v1/projects/${project}/annotation_configs`, "PUT", { annotation_config_ids: [rubric.data.id] });
});

// Collects what would betray a payload: dialogs, CSP violations, page errors.
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/content security policy|refused to (execute|load|apply)/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

async function expectInert(page: Page, problems: string[], visible: string[]) {
  await page.waitForLoadState("networkidle");
  for (const field of visible) await expect(page.getByText(literal(field)).filter({ visible: true }).first()).toBeVisible();
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: string[] }).__xss ?? [],
    handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 80)),
    scriptLinks: [...document.querySelectorAll("a[href], area[href], iframe[src], form[action]")]
      .map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? "")
      // React's own placeholder on forms with a function action, which only throws.
      .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url) && !url.startsWith("javascript:throw new Error('A React form")),
    svgs: [...document.querySelectorAll("svg[onload], img[src='x']")].length,
  }));
  expect(found, `on ${page.url()}`).toEqual({ ran: [], handlers: [], scriptLinks: [], svgs: 0 });
  expect(problems, `on ${page.url()}`).toEqual([]);
}

const base = () => `/projects/${project}`;
const encodedSession = () => encodeURIComponent(sessionId);

test("the traces and spans lists show every payload as text", async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${base()}/traces`);
  await expectInert(page, problems, ["root-name", "root-input"]);
  await page.goto(`${base()}/spans`);
  await expectInert(page, problems, ["root-name", "llm-name", "retriever-name"]);
  await page.goto(base());
  await expectInert(page, problems, []);
});

test("the trace page, with each span and each of its tabs selected, runs none of them", async ({ page }) => {
  test.slow(); // eleven page loads in one test: a loaded 2-core machine needs more than the default 90 s
  const problems = watch(page);
  // span → tab ("" is Input / Output) → fields that must show as text there.
  const shown: Record<string, Record<string, string[]>> = {
    [rootId]: {
      "": ["root-name", "root-input", "span-note", "span-ann-explanation", "trace-ann-explanation", "trace-note"],
      attributes: ["attr-value", "user"],
      events: ["event-name"],
    },
    [llmId]: { "": ["llm-name", "system-msg", "assistant-msg", "tool-name"], attributes: ["model"], events: [] },
    [retrieverId]: { "": ["retriever-name", "doc-content", "doc-id"], attributes: [], events: [] },
    [toolId]: { "": ["tool-name-span"], attributes: ["tool-params"], events: [] },
  };
  for (const [spanId, tabs] of Object.entries(shown)) {
    for (const [tab, visible] of Object.entries(tabs)) {
      await page.goto(`${base()}/traces/${traceId}?span=${spanId}${tab ? `&tab=${tab}` : ""}`);
      await expectInert(page, problems, visible);
    }
  }
  // Markdown fields are rendered as markdown: their HTML stays inert text, their javascript: link is dropped.
  await page.goto(`${base()}/traces/${traceId}?span=${rootId}`);
  await expect(page.getByRole("heading", { name: /xss-root-output-md/ })).toBeVisible();
});

test("the sessions list and the session page run none of them", async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${base()}/sessions`);
  await expectInert(page, problems, ["root-input"]);
  await page.goto(`${base()}/sessions/${encodedSession()}`);
  await expectInert(page, problems, ["session-note", "session-ann-explanation"]);
});

test("rubric pages and review mode run none of them", async ({ page }) => {
  const problems = watch(page);
  await page.goto("/rubrics");
  await expectInert(page, problems, ["rubric-name"]);
  await page.goto(`/rubrics/${rubricRowId}`);
  await expectInert(page, problems, []);
  await expect(page.getByRole("textbox").first()).toBeVisible();
  await page.goto(`${base()}/review`);
  await expectInert(page, problems, ["rubric-value", "root-input"]);
});

test("every page carries a nonce'd CSP that forbids framing", async ({ page }) => {
  const response = await page.goto(`${base()}/traces/${traceId}`);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
  const second = await page.request.get(`${base()}/traces/${traceId}`);
  expect(second.headers()["content-security-policy"]).not.toContain(nonce); // fresh per request
  const apiResponse = await page.request.get("/v1/projects");
  expect(apiResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(apiResponse.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

// The policy must not break the app itself: every page hydrates (the review
// shortcuts come alive) and none reports a violation, signed in or not.
test("the app's own pages run under the policy without a violation", async ({ page, browser }) => {
  const problems = watch(page);
  const pages = ["/", "/projects/support-bot", "/projects/support-bot/traces", "/projects/support-bot/spans", "/projects/support-bot/sessions",
    "/projects/support-bot/settings", "/rubrics", "/rubrics/new", "/settings", "/settings/api-keys", "/settings/users"];
  for (const path of pages) {
    await page.goto(path);
    await expectInert(page, problems, []);
  }
  await page.goto("/projects/support-bot/traces");
  await page.getByRole("table").getByRole("link", { name: "support_turn" }).first().click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
  await expectInert(page, problems, []);
  await page.getByRole("link", { name: /^Session / }).click();
  await expect(page.getByRole("heading", { name: /^Session/ }).first()).toBeVisible();
  await expectInert(page, problems, []);
  await page.goto("/projects/support-bot/review");
  await expect(page.locator("html[data-review-ready]")).toBeAttached(); // hydrated: Next's scripts ran with the nonce
  await expectInert(page, problems, []);

  const signedOut = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  const signedOutProblems = watch(signedOut);
  await signedOut.goto("/login");
  await signedOut.getByLabel("Email").fill("viewer@example.com");
  await signedOut.getByLabel("Password").fill("marginalia-demo");
  await signedOut.getByRole("button", { name: "Sign in" }).click(); // a server action under form-action 'self'
  await expect(signedOut.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expectInert(signedOut, signedOutProblems, []);
  await signedOut.close();
});
