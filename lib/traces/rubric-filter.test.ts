import { describe, expect, it } from "vitest";
import { upsertAnnotations, type AnnotationWrite } from "@/lib/annotations/upsert-annotations";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin } from "@/lib/auth/users";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { useTestDatabase } from "@/tests/setup/database";
import { ragTrace } from "@/tests/fixtures/spans";
import { listTraces } from "./list-traces";
import { parseTraceFilters } from "./trace-filters";

// Issue 13, item 10: the traces filter offers every rubric of the project, so
// a session or span rubric's label or score must find traces too.
const db = useTestDatabase();
const t0 = new Date("2026-11-20T10:00:00Z");

async function setUp() {
  const happy = [0, 1].map((i) => ragTrace({ start: new Date(t0.getTime() + i * 60_000), sessionId: "happy-session", input: `happy ${i}` }));
  const sad = ragTrace({ start: new Date(t0.getTime() + 5 * 60_000), sessionId: "sad-session", input: "sad" });
  const alone = ragTrace({ start: new Date(t0.getTime() + 6 * 60_000), input: "alone" });
  await ingestSpans([...happy.flat(), ...sad, ...alone]);
  const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password: "correct horse battery" }));
  const write = (target: AnnotationWrite["target"], externalId: string, name: string, label: string, score: number) =>
    upsertAnnotations(admin, target, [{ target, externalId, name, label, score, annotatorKind: "HUMAN", identifier: "" }], "APP");
  await write("SESSION", "happy-session", "satisfaction", "happy", 5);
  await write("SESSION", "sad-session", "satisfaction", "unhappy", 1);
  await write("SPAN", sad[2].spanId, "faithfulness", "unfaithful", 0);
  await write("TRACE", alone[0].traceId, "correctness", "correct", 1);
  return { projectId: (await db.project.findFirstOrThrow()).id };
}

const inputs = async (projectId: number, params: Record<string, string>) =>
  (await listTraces(projectId, parseTraceFilters(params), { userId: null, seesAll: true })).rows.map((row) => row.inputPreview).sort();

describe("filtering traces by a rubric", () => {
  it("finds the traces of sessions with a session rubric's label or score", async () => {
    const { projectId } = await setUp();
    expect(await inputs(projectId, { rubric: "satisfaction", label: "happy" })).toEqual(["happy 0", "happy 1"]);
    expect(await inputs(projectId, { rubric: "satisfaction", scoreMax: "2" })).toEqual(["sad"]);
    expect(await inputs(projectId, { rubric: "satisfaction", scoreMin: "0" })).toEqual(["happy 0", "happy 1", "sad"]);
  });

  it("finds traces by a label on one of their spans, and still by a trace's own label", async () => {
    const { projectId } = await setUp();
    expect(await inputs(projectId, { rubric: "faithfulness", label: "unfaithful" })).toEqual(["sad"]);
    expect(await inputs(projectId, { rubric: "correctness", label: "correct" })).toEqual(["alone"]);
    expect(await inputs(projectId, { rubric: "correctness", label: "happy" })).toEqual([]);
  });
});
