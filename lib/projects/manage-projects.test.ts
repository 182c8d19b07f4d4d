import { describe, expect, it } from "vitest";
import { POST as postDocuments } from "@/app/v1/document_annotations/route";
import { POST as postSessions } from "@/app/v1/session_annotations/route";
import { POST as postSpans } from "@/app/v1/span_annotations/route";
import { POST as postTraces } from "@/app/v1/trace_annotations/route";
import { DELETE as deleteRoute, GET as getRoute, PUT as putRoute } from "@/app/v1/projects/[project]/route";
import { GET as listRoute, POST as createRoute } from "@/app/v1/projects/route";
import { writeNote } from "@/lib/annotations/notes";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { listProjects } from "@/lib/projects/projects";
import { apiWorld, call } from "@/tests/api/api-fixtures";
import { ragTrace } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { createProject, deleteProject, updateProject } from "./manage-projects";

const db = useTestDatabase();

// A second project "doomed" beside apiWorld's "default": one trace in session
// s-doomed, an annotation on each of the four targets, a note, a queue and a theme.
async function doomedWorld() {
  const w = await apiWorld();
  const spans = ragTrace({ project: "doomed", start: new Date("2026-11-21T10:00:00Z"), sessionId: "s-doomed" });
  await ingestSpans(spans);
  const [root, retriever] = spans;
  const key = w.reviewer.key;
  const result = { label: "ok" };
  const writes = [
    call(postSpans, { path: "/v1/span_annotations?sync=true", key, body: { data: [{ span_id: root.spanId, name: "q", annotator_kind: "HUMAN", result }] } }),
    call(postTraces, { path: "/v1/trace_annotations?sync=true", key, body: { data: [{ trace_id: root.traceId, name: "q", annotator_kind: "HUMAN", result }] } }),
    call(postSessions, { path: "/v1/session_annotations?sync=true", key, body: { data: [{ session_id: "s-doomed", name: "q", annotator_kind: "HUMAN", result }] } }),
    call(postDocuments, { path: "/v1/document_annotations?sync=true", key, body: { data: [{ span_id: retriever.spanId, document_position: 1, name: "relevance", annotator_kind: "LLM", result: { score: 1 } }] } }),
    // The same on "default", which must stay untouched.
    call(postSpans, { path: "/v1/span_annotations?sync=true", key, body: { data: [{ span_id: w.root.spanId, name: "q", annotator_kind: "HUMAN", result }] } }),
  ];
  for (const response of await Promise.all(writes)) expect(response.status).toBe(200);
  await writeNote(w.reviewer.actor, "TRACE", root.traceId, "a note on the doomed trace", { source: "APP" });
  const doomed = await db.project.findUniqueOrThrow({ where: { name: "doomed" }, select: { id: true } });
  await db.theme.create({ data: { projectId: doomed.id, name: "vague answers" } });
  await db.reviewQueue.create({ data: { projectId: doomed.id, name: "triage", targetKind: "TRACE" } });
  return { ...w, doomed };
}

describe("createProject", () => {
  it("creates a project that the projects list shows, with no traces", async () => {
    const w = await apiWorld();
    const made = await createProject(w.lead.actor, { name: "evals-2026", description: "Nightly evaluation runs" });
    expect(made).toEqual({ id: expect.any(Number), name: "evals-2026", description: "Nightly evaluation runs" });
    expect(await listProjects()).toContainEqual(expect.objectContaining({ name: "evals-2026", traceCount: 0, spanCount: 0 }));
  });

  it("refuses a taken name (422 naming name) and a reviewer (403)", async () => {
    const w = await apiWorld();
    await expect(createProject(w.lead.actor, { name: "default" })).rejects.toMatchObject({ status: 422, fieldErrors: { name: [expect.any(String)] } });
    await expect(createProject(w.reviewer.actor, { name: "mine" })).rejects.toMatchObject({ status: 403 });
    expect(await db.project.count()).toBe(1);
  });

  it("refuses names that could not be addressed in a URL or read as an id", async () => {
    const w = await apiWorld();
    for (const name of ["", " padded ", "a/b", "what?", "#1", "42", Buffer.from("Project:1").toString("base64"), "x".repeat(201), "tab\there"]) {
      await expect(createProject(w.lead.actor, { name }), name).rejects.toMatchObject({ name: "ZodError" });
    }
    expect(await db.project.count()).toBe(1);
  });
});

describe("updateProject", () => {
  it("changes the description only; the same name may come back, another is refused", async () => {
    const w = await apiWorld();
    const project = await createProject(w.lead.actor, { name: "p", description: "old" });
    expect(await updateProject(w.lead.actor, project, { description: "new", name: "p" })).toMatchObject({ description: "new" });
    expect(await updateProject(w.lead.actor, project, {})).toMatchObject({ description: "new" });
    expect(await updateProject(w.lead.actor, project, { description: null })).toMatchObject({ description: null });
    await expect(updateProject(w.lead.actor, project, { name: "renamed" })).rejects.toMatchObject({ status: 422, fieldErrors: { name: ["cannot be changed"] } });
    await expect(updateProject(w.reviewer.actor, project, { description: "mine" })).rejects.toMatchObject({ status: 403 });
    expect(await db.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ name: "p", description: null });
  });
});

describe("deleteProject", () => {
  it("deletes the project's traces, spans, sessions, annotations, notes, queues and themes; history keeps the annotations", async () => {
    const w = await doomedWorld();
    const countsOf = async (projectId: number) => ({
      traces: await db.trace.count({ where: { projectId } }), spans: await db.span.count({ where: { projectId } }),
      sessions: await db.session.count({ where: { projectId } }), annotations: await db.annotation.count({ where: { projectId } }),
      themes: await db.theme.count({ where: { projectId } }), queues: await db.reviewQueue.count({ where: { projectId } }),
    });
    const defaultId = (await db.project.findUniqueOrThrow({ where: { name: "default" } })).id;
    const defaultBefore = await countsOf(defaultId);
    expect(await countsOf(w.doomed.id)).toEqual({ traces: 1, spans: 3, sessions: 1, annotations: 5, themes: 1, queues: 1 });

    await deleteProject(w.lead.actor, w.doomed.id);

    expect(await db.project.findUnique({ where: { id: w.doomed.id } })).toBeNull();
    expect(await countsOf(w.doomed.id)).toEqual({ traces: 0, spans: 0, sessions: 0, annotations: 0, themes: 0, queues: 0 });
    expect(await countsOf(defaultId)).toEqual(defaultBefore);
    const history = await db.annotationHistory.findMany({
      where: { projectId: w.doomed.id }, select: { action: true, targetType: true, name: true, replacedById: true },
      orderBy: [{ targetType: "asc" }, { name: "asc" }],
    });
    expect(history).toEqual(
      [["SPAN", "q"], ["TRACE", "note"], ["TRACE", "q"], ["DOCUMENT", "relevance"], ["SESSION", "q"]].map(([targetType, name]) =>
        ({ action: "DELETE", targetType, name, replacedById: w.lead.actor.userId })),
    );
    // Each annotation once in history, even when it is reached by several cascades (project, span, trace, session).
    expect(await db.annotationHistory.count()).toBe(5);
    expect((await listProjects()).map((p) => p.name)).toEqual(["default"]);
  });

  it("refuses the last remaining project and the default one, and says why", async () => {
    const w = await apiWorld();
    const only = await createProject(w.lead.actor, { name: "only" });
    await expect(deleteProject(w.lead.actor, (await db.project.findUniqueOrThrow({ where: { name: "default" } })).id))
      .rejects.toMatchObject({ status: 422, message: "The default project cannot be deleted: traces sent without a project name go to it." });
    await db.$executeRaw`DELETE FROM projects WHERE name = 'default'`;
    await expect(deleteProject(w.lead.actor, only.id))
      .rejects.toMatchObject({ status: 422, message: "Project only is the only project and cannot be deleted: create another project first." });
    expect(await db.project.count()).toBe(1);
  });

  it("lets one of two racing deletes of the last two projects through, never both", async () => {
    const w = await apiWorld();
    await db.$executeRaw`DELETE FROM projects WHERE name = 'default'`;
    const [a, b] = [await createProject(w.lead.actor, { name: "a" }), await createProject(w.lead.actor, { name: "b" })];
    const outcomes = await Promise.allSettled([deleteProject(w.lead.actor, a.id), deleteProject(w.admin, b.id)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.project.count()).toBe(1);
  });

  it("refuses a reviewer and changes nothing", async () => {
    const w = await doomedWorld();
    await expect(deleteProject(w.reviewer.actor, w.doomed.id)).rejects.toMatchObject({ status: 403 });
    expect(await db.span.count({ where: { projectId: w.doomed.id } })).toBe(3);
    expect(await db.annotationHistory.count()).toBe(0);
  });
});

describe("the /v1/projects routes", () => {
  it("create (200, a Project GlobalID), read by id, describe by name, list, delete (204), then 404", async () => {
    const w = await apiWorld();
    const key = w.lead.key;
    const created = await call(createRoute, { path: "/v1/projects", key, body: { name: "evals", description: "runs" } });
    expect(created.status).toBe(200);
    const { data } = await created.json();
    expect(data).toEqual({ id: expect.any(String), name: "evals", description: "runs" });
    expect(Buffer.from(data.id, "base64").toString()).toMatch(/^Project:\d+$/);

    const byId = await call(getRoute, { path: `/v1/projects/${data.id}`, key, params: { project: data.id } });
    expect((await byId.json()).data).toEqual(data);
    const put = await call(putRoute, { method: "PUT", path: "/v1/projects/evals", key, body: { description: "nightly" }, params: { project: "evals" } });
    expect(put.status).toBe(200);
    expect((await put.json()).data).toEqual({ ...data, description: "nightly" });
    const listed = await (await call(listRoute, { path: "/v1/projects", key })).json();
    expect(listed.data.map((p: { name: string }) => p.name)).toEqual(["evals", "default"]);

    const deleted = await call(deleteRoute, { method: "DELETE", path: `/v1/projects/${data.id}`, key, params: { project: data.id } });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    const gone = await call(getRoute, { path: "/v1/projects/evals", key, params: { project: "evals" } });
    expect(gone.status).toBe(404);
  });
});
