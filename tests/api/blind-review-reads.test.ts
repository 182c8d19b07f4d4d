import { describe, expect, it } from "vitest";
import { POST as postDocuments } from "@/app/v1/document_annotations/route";
import { GET as getDocumentAnnotations } from "@/app/v1/projects/[project]/document_annotations/route";
import { GET as getSessionAnnotations } from "@/app/v1/projects/[project]/session_annotations/route";
import { GET as getSpanAnnotations } from "@/app/v1/projects/[project]/span_annotations/route";
import { GET as getTraceAnnotations } from "@/app/v1/projects/[project]/trace_annotations/route";
import { POST as postSessions } from "@/app/v1/session_annotations/route";
import { POST as postSpans } from "@/app/v1/span_annotations/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { actorForUser } from "@/lib/auth/sessions";
import { createUser } from "@/lib/auth/users";
import { seedDemoRubrics } from "@/lib/demo/demo-rubrics";
import { annotationReader } from "@/lib/review/blind-review";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { listTraces } from "@/lib/traces/list-traces";
import { parseTraceFilters } from "@/lib/traces/trace-filters";
import { traceReviewSummaries } from "@/lib/traces/trace-review-summary";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

// Blind review in every read a reviewer makes: the traces table's review
// summary, the label and score filters, and the Phoenix annotation reads.
const db = useTestDatabase();

async function world({ blind }: { blind: boolean }) {
  const w = await apiWorld();
  await seedDemoRubrics(db, "default");
  const project = await db.project.update({ where: { name: "default" }, data: { blindReview: blind }, select: { id: true, blindReview: true } });
  const trace = await db.trace.findFirstOrThrow({ select: { id: true, traceId: true } });
  const other = actorForUser(await createUser(w.admin, { name: "Other", email: "other@t.dev", password: "correct horse battery", role: "REVIEWER" }));
  const otherKey = (await createApiKey(other, { name: "other key" })).secret;
  // The other reviewer labels the trace and scores it, and judges the LLM span through the API.
  const traceValue = (name: string, result: { label?: string; score?: number }) =>
    ({ target: "TRACE" as const, item: { name, annotator_kind: "HUMAN" as const, trace_id: trace.traceId, result } });
  await saveReviewAnnotation(other, traceValue("correctness", { label: "correct" }));
  await saveReviewAnnotation(other, traceValue("helpfulness", { score: 8 }));
  // Annotations are keyed by (target, name, identifier): each reviewer's client sends its own identifier.
  const spanLabel = (label: string, identifier: string) =>
    ({ data: [{ span_id: w.llm.spanId, name: "faithfulness", annotator_kind: "HUMAN", result: { label }, identifier }] });
  expect((await call(postSpans, { path: "/v1/span_annotations?sync=true", key: otherKey, body: spanLabel("unfaithful", "other") })).status).toBe(200);
  return { ...w, project, trace, other, traceValue, spanLabel };
}

type World = Awaited<ReturnType<typeof world>>;

async function reads(w: World, actor: World["reviewer"]["actor"], key: string) {
  const reader = annotationReader(actor, w.project);
  const summary = (await traceReviewSummaries([w.trace.id], reader)).get(w.trace.id)!;
  const found = async (params: Record<string, string>) => (await listTraces(w.project.id, parseTraceFilters(params), reader)).rows.length;
  const api = async (handler: unknown, path: string) => {
    const response = await call(handler, { path, key, params: { project: "default" } });
    expect(response.status).toBe(200);
    return ((await response.json()).data as { name: string; result: { label: string | null; score: number | null } }[])
      .map((a) => `${a.name}:${a.result.label ?? a.result.score}`).sort();
  };
  return {
    summary: { labels: summary.labels.map((l) => `${l.name}:${l.label ?? l.meanScore}×${l.count}`), hidden: summary.hidden },
    byLabel: await found({ rubric: "correctness", label: "correct" }),
    byScore: await found({ rubric: "helpfulness", scoreMin: "5" }),
    traceApi: await api(getTraceAnnotations, `/v1/projects/default/trace_annotations?trace_ids=${w.trace.traceId}&limit=100`),
    spanApi: await api(getSpanAnnotations, `/v1/projects/default/span_annotations?span_ids=${w.llm.spanId}&limit=100`),
  };
}

const nothing = { summary: { labels: [], hidden: 2 }, byLabel: 0, byScore: 0, traceApi: [], spanApi: [] };
const everything = {
  summary: { labels: ["correctness:correct×1", "helpfulness:8×1"], hidden: 0 }, byLabel: 1, byScore: 1,
  traceApi: ["correctness:correct", "helpfulness:8"], spanApi: ["faithfulness:unfaithful"],
};

describe("blind review across reads", () => {
  it("hides another reviewer's values from a reviewer in the table, the filters and the API; a lead sees them", async () => {
    const w = await world({ blind: true });
    expect(await reads(w, w.reviewer.actor, w.reviewer.key)).toEqual(nothing);
    expect(await reads(w, w.lead.actor, w.lead.key)).toEqual(everything);
  });

  it("shows a value once the reviewer has given their own on the same target and rubric, and only that one", async () => {
    const w = await world({ blind: true });
    await saveReviewAnnotation(w.reviewer.actor, w.traceValue("correctness", { label: "incorrect" }));
    expect((await call(postSpans, { path: "/v1/span_annotations?sync=true", key: w.reviewer.key, body: w.spanLabel("faithful", "me") })).status).toBe(200);
    expect(await reads(w, w.reviewer.actor, w.reviewer.key)).toEqual({
      summary: { labels: ["correctness:correct×1", "correctness:incorrect×1"], hidden: 1 },
      byLabel: 1,
      byScore: 0, // helpfulness: still only the other reviewer's score
      traceApi: ["correctness:correct", "correctness:incorrect"],
      spanApi: ["faithfulness:faithful", "faithfulness:unfaithful"],
    });
  });

  it("shows everything to everyone when blind review is off", async () => {
    const w = await world({ blind: false });
    expect(await reads(w, w.reviewer.actor, w.reviewer.key)).toEqual(everything);
  });
});

describe("blind review in session and document reads", () => {
  it("counts a document by its position and a session as its own target", async () => {
    const w = await world({ blind: true });
    const other = (await createApiKey(w.other, { name: "other docs" })).secret;
    const post = async (handler: unknown, path: string, key: string, data: object[]) =>
      expect((await call(handler, { path, key, body: { data } })).status).toBe(200);
    // Document annotations take no identifier over the API; in the app each reviewer's are their own.
    const relevance = (position: number, label: string) =>
      ({ span_id: w.retriever.spanId, document_position: position, name: "relevance", annotator_kind: "HUMAN" as const, result: { label } });
    const satisfaction = (score: number, identifier: string) =>
      ({ session_id: w.sessionId, name: "user_satisfaction", annotator_kind: "HUMAN", result: { score }, identifier });
    await post(postDocuments, "/v1/document_annotations?sync=true", other, [relevance(0, "relevant")]);
    await post(postSessions, "/v1/session_annotations?sync=true", other, [satisfaction(4, "other")]);

    const read = async (handler: unknown, path: string) => {
      const response = await call(handler, { path, key: w.reviewer.key, params: { project: "default" } });
      expect(response.status).toBe(200);
      return ((await response.json()).data as { result: { label: string | null; score: number | null }; document_position?: number }[])
        .map((a) => `${a.document_position ?? ""}${a.result.label ?? a.result.score}`).sort();
    };
    const documents = () => read(getDocumentAnnotations, `/v1/projects/default/document_annotations?span_ids=${w.retriever.spanId}&limit=100`);
    const sessions = () => read(getSessionAnnotations, `/v1/projects/default/session_annotations?session_ids=${w.sessionId}&limit=100`);
    expect([await documents(), await sessions()]).toEqual([[], []]);

    // Judging document 1 does not reveal the other reviewer's judgement of document 0.
    await saveReviewAnnotation(w.reviewer.actor, { target: "DOCUMENT", item: relevance(1, "irrelevant") });
    expect(await documents()).toEqual(["1irrelevant"]);
    await saveReviewAnnotation(w.reviewer.actor, { target: "DOCUMENT", item: relevance(0, "irrelevant") });
    expect(await documents()).toEqual(["0irrelevant", "0relevant", "1irrelevant"]);

    await post(postSessions, "/v1/session_annotations?sync=true", w.reviewer.key, [satisfaction(2, "mine")]);
    expect(await sessions()).toEqual(["2", "4"]);
  });
});
