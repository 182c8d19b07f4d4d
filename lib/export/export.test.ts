import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/projects/[projectName]/export/route";
import { adjudicate } from "@/lib/adjudication/adjudicate";
import { writeNote } from "@/lib/annotations/notes";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import { createApiKey } from "@/lib/auth/api-keys";
import { actorForUser, openSession } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { createQueue } from "@/lib/queues/queues";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { call } from "@/tests/api/api-fixtures";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { exportAnnotations } from "./export-annotations";
import { exportLinks } from "./export-links";
import { exportQuerySchema } from "./export-query";
import { longColumns } from "./export-sql";

// The browser path of the route reads the session cookie through next/headers,
// which has no request scope under Vitest: the cookie jar is this variable.
const cookieJar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "marginalia_session" && cookieJar.token ? { name, value: cookieJar.token } : undefined) }),
  headers: async () => new Headers(),
}));

const db = useTestDatabase();
const password = "correct horse battery";

// Text that breaks naive CSV: separators, quotes, line breaks, non-ASCII, emoji.
const trickyLabel = `correct, "mostly"\nsee ünïcödé — 日本語 🎉`;
const trickyExplanation = `Has, commas; "double ""quotes"""\r\nand a second line\nand a third — naïve café 🚀👩‍💻`;
const trickyNote = `Note, with "quotes",\nnewlines and emoji 🙂 — Ελληνικά`;

async function world({ blind = false } = {}) {
  const day = (d: number) => new Date(Date.UTC(2026, 10, 20 + d, 10));
  const traces = [
    ragTrace({ project: "support-bot", start: day(0), input: "Refund question", sessionId: "s-0" }),
    ragTrace({ project: "support-bot", start: day(1), input: "Invoice question", sessionId: "s-0", status: "ERROR" }),
    ragTrace({ project: "support-bot", start: day(2), input: "Password question", sessionId: "s-1" }),
  ];
  const other = ragTrace({ project: "other", start: day(0) });
  await ingestSpans([...traces.flat(), ...other]);
  await seedDemoRubrics(db, "support-bot");
  const project = await db.project.update({ where: { name: "support-bot" }, data: { blindReview: blind }, select: { id: true, name: true, blindReview: true } });
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password }));
  const user = async (role: "REVIEWER" | "LEAD", email: string) => actorForUser(await createUser(admin, { name: email.split("@")[0], email, password, role }));
  const [ann, bob, carl, lead] = [await user("REVIEWER", "ann@t.dev"), await user("REVIEWER", "bob@t.dev"), await user("REVIEWER", "carl@t.dev"), await user("LEAD", "lead@t.dev")];
  const [t0, t1, t2] = traces.map((spans) => spans[0].traceId);
  const give = (actor: typeof ann, target: "TRACE" | "SESSION", id: string, name: string, result: { label?: string; score?: number; explanation?: string }) =>
    target === "TRACE"
      ? saveReviewAnnotation(actor, { target, item: { name, annotator_kind: "HUMAN", trace_id: id, result } })
      : saveReviewAnnotation(actor, { target, item: { name, annotator_kind: "HUMAN", session_id: id, result } });

  await give(ann, "TRACE", t0, "correctness", { label: "correct", explanation: trickyExplanation });
  await give(bob, "TRACE", t0, "correctness", { label: "incorrect", explanation: "Wrong window." });
  await give(ann, "TRACE", t1, "correctness", { label: "correct" });
  await give(bob, "TRACE", t1, "correctness", { label: "correct" });
  await give(ann, "SESSION", "s-0", "user_satisfaction", { score: 4 });
  // An LLM judge over the API, and a span score and a document label by Bob.
  await upsertAnnotations(lead, "TRACE", [
    { target: "TRACE", externalId: t0, name: "correctness", label: "correct", score: 0.9, annotatorKind: "LLM", identifier: "judge-v1", explanation: "LLM says ok" },
    { target: "TRACE", externalId: t2, name: "correctness", label: "incorrect", annotatorKind: "LLM", identifier: "judge-v1" },
    { target: "TRACE", externalId: t0, name: "tone", label: trickyLabel, annotatorKind: "LLM", identifier: "judge-v1" },
  ], "API");
  await upsertAnnotations(bob, "SPAN", [{ target: "SPAN", externalId: traces[0][2].spanId, name: "helpfulness", score: 3, annotatorKind: "HUMAN" }], "API");
  await upsertAnnotations(bob, "DOCUMENT", [{ target: "DOCUMENT", externalId: traces[0][1].spanId, documentPosition: 1, name: "relevance", label: "irrelevant", annotatorKind: "HUMAN" }], "API");
  await writeNote(bob, "TRACE", t0, trickyNote, { source: "APP" });
  await adjudicate(lead, project, { target: { kind: "TRACE", id: t0 }, rubric: "correctness", label: "incorrect", reason: "Policy changed." });
  // Another project's annotation never shows.
  await upsertAnnotations(lead, "TRACE", [{ target: "TRACE", externalId: other[0].traceId, name: "correctness", label: "correct", annotatorKind: "HUMAN" }], "API");

  const key = async (actor: typeof ann) => (await createApiKey(actor, { name: "export" })).secret;
  return { project, admin, ann, bob, carl, lead, t0, t1, t2, traces, key, leadKey: await key(lead) };
}

// The export's transaction, open between FETCHes (Postgres: another connection sees it idle in
// transaction). PGlite has one session: there, the next query simply waits for it to end.
const onPostgres = Boolean(process.env.DATABASE_URL);
const openTransactions = async () =>
  onPostgres
    ? (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)[0].n
    : (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_cursors WHERE name = 'marginalia_export'`)[0].n;

const get = (key: string | null, query = "") =>
  call(exportRoute, { path: `/api/projects/support-bot/export${query ? `?${query}` : ""}`, key, params: { projectName: "support-bot" } });

async function csvRows(response: Response): Promise<Record<string, string>[]> {
  expect(response.status, await response.clone().text()).toBe(200);
  return parse(await response.text(), { columns: true, bom: false, relax_column_count: false });
}

async function jsonlRows(response: Response): Promise<Record<string, unknown>[]> {
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text.endsWith("\n") || text === "").toBe(true);
  return text.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line));
}

const who = (rows: Record<string, unknown>[]) =>
  rows.map((r) => `${r.target_type}:${r.name}:${r.user_email || r.identifier}`).sort();

describe("export, long form", () => {
  it("round-trips every annotation and note through a CSV parser, every field intact", async () => {
    const w = await world();
    const response = await get(w.leadKey, "format=csv&form=long");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="support-bot-annotations-long-\d{4}-\d\d-\d\d\.csv"/);
    const rows = await csvRows(response);
    expect(Object.keys(rows[0])).toEqual([...longColumns]);
    expect(who(rows)).toEqual([
      "DOCUMENT:relevance:bob@t.dev",
      "SESSION:user_satisfaction:ann@t.dev",
      "SPAN:helpfulness:bob@t.dev",
      "TRACE:correctness:ann@t.dev", "TRACE:correctness:ann@t.dev",
      "TRACE:correctness:bob@t.dev", "TRACE:correctness:bob@t.dev",
      // The judge's two values (over the lead's key) and the adjudicated one.
      "TRACE:correctness:lead@t.dev", "TRACE:correctness:lead@t.dev", "TRACE:correctness:lead@t.dev",
      "TRACE:note:bob@t.dev",
      "TRACE:tone:lead@t.dev",
    ]);

    expect(rows.find((r) => r.name === "tone")).toMatchObject({ label: trickyLabel, identifier: "judge-v1", annotator_kind: "LLM" });
    const tricky = rows.find((r) => r.explanation === trickyExplanation)!;
    expect(tricky).toMatchObject({
      target_type: "TRACE", span_id: "", trace_id: w.t0, session_id: "s-0", document_position: "", span_name: "support_turn", span_kind: "CHAIN",
      name: "correctness", label: "correct", score: "1", explanation: trickyExplanation, annotator_kind: "HUMAN",
      identifier: `px-app:${w.ann.userId}`, user_email: "ann@t.dev", source: "APP",
    });
    expect(new Date(tricky.created_at).toISOString()).toBe(tricky.created_at);
    expect(rows.find((r) => r.name === "note")).toMatchObject({ explanation: trickyNote, trace_id: w.t0, user_email: "bob@t.dev", label: "" });
    expect(rows.find((r) => r.identifier === "judge-v1" && r.trace_id === w.t0)).toMatchObject({ annotator_kind: "LLM", score: "0.9", label: "correct", source: "API" });
    expect(rows.find((r) => r.identifier === "adjudicated")).toMatchObject({ label: "incorrect", user_email: "lead@t.dev" });
    expect(rows.find((r) => r.target_type === "SESSION")).toMatchObject({ session_id: "s-0", trace_id: "", span_id: "", score: "4" });
    expect(rows.find((r) => r.target_type === "SPAN")).toMatchObject({ span_id: w.traces[0][2].spanId, trace_id: w.t0, span_name: "generate_answer", span_kind: "LLM", session_id: "s-0" });
    expect(rows.find((r) => r.target_type === "DOCUMENT")).toMatchObject({ span_id: w.traces[0][1].spanId, document_position: "1", span_kind: "RETRIEVER", label: "irrelevant" });
  });

  it("writes JSONL as one JSON object per line with the same rows, numbers as numbers and nulls as null", async () => {
    const w = await world();
    const response = await get(w.leadKey, "format=jsonl");
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(".jsonl");
    const rows = await jsonlRows(response);
    const csv = await csvRows(await get(w.leadKey, "format=csv"));
    expect(rows).toHaveLength(csv.length);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual([...longColumns]);
      for (const column of longColumns) expect(row[column] === null ? "" : String(row[column])).toBe(csv[i][column]);
    });
    expect(rows.find((r) => r.explanation === trickyExplanation)).toMatchObject({ label: "correct", score: 1, span_id: null, document_position: null });
    expect(rows.find((r) => r.label === trickyLabel)).toMatchObject({ name: "tone" });
    expect(rows.find((r) => r.target_type === "SESSION")).toMatchObject({ score: 4 });
  });

  it("streams the same rows whatever the fetch size (many cursor batches)", async () => {
    const w = await world();
    const read = async (fetchSize: number) =>
      new Response((await exportAnnotations(w.lead, w.project, exportQuerySchema.parse({}), { fetchSize })).body).text();
    const whole = await read(2000);
    expect(await read(2)).toBe(whole);
    expect(await read(1)).toBe(whole);
  });

  it("closes the cursor's transaction when the reader cancels", async () => {
    const w = await world();
    const file = await exportAnnotations(w.lead, w.project, exportQuerySchema.parse({}), { fetchSize: 1 });
    const reader = file.body.getReader();
    expect((await reader.read()).done).toBe(false);
    if (onPostgres) expect(await openTransactions()).toBe(1);
    await reader.cancel();
    // The transaction is gone: a write that needs every connection free of it goes through,
    // and the next export reads everything again.
    await expect.poll(openTransactions).toBe(0);
    const again = await new Response((await exportAnnotations(w.lead, w.project, exportQuerySchema.parse({}))).body).text();
    expect(again.split("\n").length).toBeGreaterThan(5);
  });
  it("ends the transaction, and the download with an error, when the reader stalls", async () => {
    const w = await world();
    const file = await exportAnnotations(w.lead, w.project, exportQuerySchema.parse({}), { fetchSize: 1, idleTimeoutMs: 100 });
    const reader = file.body.getReader();
    expect((await reader.read()).done).toBe(false);
    if (onPostgres) expect(await openTransactions()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(async () => {
      for (;;) if ((await reader.read()).done) break;
    }).rejects.toThrow(/idle too long/);
    await expect.poll(openTransactions).toBe(0);
  });
});

describe("export filters", () => {
  it("selects rubrics (notes by `note`), write dates, trace filters and a queue", async () => {
    const w = await world();
    const csv = async (query: string) => csvRows(await get(w.leadKey, query));
    expect((await csv("rubric=note")).map((r) => r.explanation)).toEqual([trickyNote]);
    expect(who(await csv("rubric=helpfulness&rubric=relevance"))).toEqual(["DOCUMENT:relevance:bob@t.dev", "SPAN:helpfulness:bob@t.dev"]);
    expect(await csv("annotatedFrom=2999-01-01")).toEqual([]);
    expect((await csv("annotatedTo=2999-01-01")).length).toBe(12);
    // The traces list's filters: the second day's trace only (its session's annotations come along).
    const day1 = await csv("from=2026-11-21T00:00:00Z&to=2026-11-21T23:59:59Z");
    expect(new Set(day1.map((r) => r.trace_id || r.session_id))).toEqual(new Set([w.t1, "s-0"]));
    expect(new Set((await csv("status=ERROR")).map((r) => r.trace_id || r.session_id))).toEqual(new Set([w.t1, "s-0"]));
    expect(new Set((await csv("q=password")).map((r) => r.trace_id))).toEqual(new Set([w.t2]));
    // One rubric with a label filters the traces as on the list, and exports that rubric.
    const wrong = await csv("rubric=correctness&label=incorrect");
    expect(new Set(wrong.map((r) => r.trace_id))).toEqual(new Set([w.t0, w.t2]));
    expect(new Set(wrong.map((r) => r.name))).toEqual(new Set(["correctness"]));
    // A queue of the second trace: only that trace's annotations.
    const { id } = await createQueue(w.lead, w.project, {
      name: "Pass", instructions: "", targetKind: "TRACE", rubricIds: [(await db.rubric.findUniqueOrThrow({ where: { name: "correctness" } })).id],
      reviewerIds: null, reviewsNeeded: 1,
    }, { kind: "ids", ids: [(await db.trace.findUniqueOrThrow({ where: { traceId: w.t1 } })).id] });
    expect(who(await csv(`queue=${id}`))).toEqual(["TRACE:correctness:ann@t.dev", "TRACE:correctness:bob@t.dev"]);
  });

  it("answers bad params with 4xx naming the field, no auth with 401, and takes a session cookie", async () => {
    const w = await world();
    const bad = async (query: string, field: string) => {
      const response = await get(w.leadKey, query);
      expect(response.status, query).toBe(422);
      expect(Object.keys((await response.json()).errors)).toContain(field);
    };
    await bad("format=xml", "format");
    await bad("form=tall", "form");
    await bad("from=yesterday", "from");
    await bad("queue=abc", "queue");
    await bad("queue=999", "queue");
    await bad("label=correct", "rubric");
    await bad("rubric=a&rubric=b&label=x", "rubric");
    await bad("status=BROKEN", "status");

    cookieJar.token = undefined;
    expect((await get(null, "format=csv")).status).toBe(401);
    expect((await get("mk_not-a-key")).status).toBe(401);
    cookieJar.token = (await openSession(w.ann.userId!)).token;
    try {
      expect((await csvRows(await get(null))).length).toBe(12);
    } finally {
      cookieJar.token = undefined;
    }
    const missing = await call(exportRoute, { path: "/api/projects/nope/export", key: w.leadKey, params: { projectName: "nope" } });
    expect(missing.status).toBe(404);
  });

  it("applies blind review: a reviewer exports only what they may see", async () => {
    const w = await world({ blind: true });
    const asAnn = await csvRows(await get(await w.key(w.ann)));
    // Ann labelled t0, t1 correctness and the session: she sees the others' values there, the notes, not Bob's span and document values.
    expect(who(asAnn)).toEqual([
      "SESSION:user_satisfaction:ann@t.dev",
      "TRACE:correctness:ann@t.dev", "TRACE:correctness:ann@t.dev",
      "TRACE:correctness:bob@t.dev", "TRACE:correctness:bob@t.dev",
      "TRACE:correctness:lead@t.dev", "TRACE:correctness:lead@t.dev",
      "TRACE:note:bob@t.dev",
    ]);
    expect(asAnn.some((r) => r.trace_id === w.t2)).toBe(false);
    // Carl labelled nothing: notes only, in both forms.
    expect(who(await csvRows(await get(await w.key(w.carl))))).toEqual(["TRACE:note:bob@t.dev"]);
    const wide = await csvRows(await get(await w.key(w.carl), "form=wide"));
    expect(wide).toHaveLength(1);
    expect(Object.keys(wide[0]).filter((c) => c.includes("["))).toEqual([]);
    expect(wide[0].notes).toBe(trickyNote);
  });
});

describe("export, wide form", () => {
  it("has a row per target, a column per (rubric, annotator) and the final value, round-tripping through CSV", async () => {
    const w = await world();
    const response = await get(w.leadKey, "form=wide");
    expect(response.headers.get("content-disposition")).toMatch(/support-bot-annotations-wide-/);
    const rows = await csvRows(response);
    const header = Object.keys(rows[0]);
    expect(header).toEqual([
      "target_type", "span_id", "trace_id", "session_id", "document_position", "span_name", "span_kind",
      // The app stores a categorical rubric's score with its label (correct = 1).
      "correctness[ann@t.dev].label", "correctness[ann@t.dev].score", "correctness[bob@t.dev].label", "correctness[bob@t.dev].score",
      "correctness[lead@t.dev judge-v1].label", "correctness[lead@t.dev judge-v1].score",
      "helpfulness[bob@t.dev].score", "relevance[bob@t.dev].label", "tone[lead@t.dev judge-v1].label", "user_satisfaction[ann@t.dev].score",
      "notes",
      "correctness.final_label", "correctness.final_score", "correctness.final_source",
      "helpfulness.final_label", "helpfulness.final_score", "helpfulness.final_source",
      "relevance.final_label", "relevance.final_score", "relevance.final_source",
      "tone.final_label", "tone.final_score", "tone.final_source",
      "user_satisfaction.final_label", "user_satisfaction.final_score", "user_satisfaction.final_source",
    ]);
    expect(rows.map((r) => `${r.target_type}:${r.trace_id || r.session_id}`)).toHaveLength(6);
    const row0 = rows.find((r) => r.target_type === "TRACE" && r.trace_id === w.t0)!;
    expect(row0).toMatchObject({
      "correctness[ann@t.dev].label": "correct", "tone[lead@t.dev judge-v1].label": trickyLabel, "correctness[bob@t.dev].label": "incorrect",
      "correctness[lead@t.dev judge-v1].label": "correct", "correctness[lead@t.dev judge-v1].score": "0.9",
      notes: trickyNote, "correctness.final_label": "incorrect", "correctness.final_source": "adjudicated",
      session_id: "s-0", span_name: "support_turn",
    });
    expect(rows.find((r) => r.trace_id === w.t1)).toMatchObject({ "correctness.final_label": "correct", "correctness.final_source": "reviewers", notes: "" });
    expect(rows.find((r) => r.trace_id === w.t2)).toMatchObject({ "correctness[lead@t.dev judge-v1].label": "incorrect", "correctness.final_label": "", "correctness.final_source": "" });
    expect(rows.find((r) => r.target_type === "SESSION")).toMatchObject({ "user_satisfaction[ann@t.dev].score": "4", "user_satisfaction.final_score": "4" });
    expect(rows.find((r) => r.target_type === "DOCUMENT")).toMatchObject({ document_position: "1", "relevance[bob@t.dev].label": "irrelevant", "relevance.final_label": "irrelevant" });

    // JSONL: the same cells.
    const json = await jsonlRows(await get(w.leadKey, "form=wide&format=jsonl"));
    expect(json).toHaveLength(rows.length);
    json.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(header);
      for (const column of header) expect(row[column] === null ? "" : String(row[column])).toBe(rows[i][column]);
    });
    // Disputed without an adjudication: no final value; rubric filter narrows the columns.
    const narrow = await csvRows(await get(w.leadKey, "form=wide&rubric=correctness"));
    expect(Object.keys(narrow[0]).slice(7)).toEqual([
      "correctness[ann@t.dev].label", "correctness[ann@t.dev].score", "correctness[bob@t.dev].label", "correctness[bob@t.dev].score",
      "correctness[lead@t.dev judge-v1].label", "correctness[lead@t.dev judge-v1].score", "correctness.final_label", "correctness.final_score", "correctness.final_source",
    ]);
    expect(narrow).toHaveLength(3);
  });
});

describe("export links", () => {
  it("carry the page's filters, drop its paging, and cover CSV/JSONL × long/wide", () => {
    const links = exportLinks("support bot", "?status=ERROR&cursor=abc&limit=50&q=&rubric=correctness");
    expect(links.map((l) => l.href)).toEqual([
      "/api/projects/support%20bot/export?status=ERROR&rubric=correctness&format=csv&form=long",
      "/api/projects/support%20bot/export?status=ERROR&rubric=correctness&format=jsonl&form=long",
      "/api/projects/support%20bot/export?status=ERROR&rubric=correctness&format=csv&form=wide",
      "/api/projects/support%20bot/export?status=ERROR&rubric=correctness&format=jsonl&form=wide",
    ]);
  });
});
