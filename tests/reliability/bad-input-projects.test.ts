import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteProject, PUT as putProject } from "@/app/v1/projects/[project]/route";
import { POST as postProject } from "@/app/v1/projects/route";
import { DELETE as deleteKey } from "@/app/v1/system/api_keys/[key]/route";
import { GET as listKeys, POST as postKey } from "@/app/v1/system/api_keys/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { actorForUser } from "@/lib/auth/sessions";
import { apiWorld } from "@/tests/api/api-fixtures";
import { resetDatabase, useTestDatabase } from "@/tests/setup/database";
import { call, itRefuses, NUL, NUL_MESSAGE, type Case, type World } from "./bad-input-fixtures";

// Projects and system keys: names, bodies, roles and the project that must stay.
// The shared snapshot counts projects; these cases also compare the projects'
// names and descriptions and the keys (a refused PUT or DELETE of a key must not write).
const db = useTestDatabase({ reset: "manual" });

const managed = async () => ({
  projects: await db.project.findMany({ select: { id: true, name: true, description: true }, orderBy: { id: "asc" } }),
  keys: await db.apiKey.findMany({ select: { id: true, name: true, revokedAt: true }, orderBy: { id: "asc" } }),
});
const guarded = (c: Case): Case => ({
  ...c,
  send: async (w) => {
    const before = await managed();
    const response = await c.send(w);
    expect(await managed()).toEqual(before);
    return response;
  },
});

const create = (w: World, body: unknown, key = w.lead.key) => call(postProject, { path: "/v1/projects", key, body: body as object });
const put = (w: World, project: string, body: unknown, key = w.lead.key) =>
  call(putProject, { method: "PUT", path: `/v1/projects/${encodeURIComponent(project)}`, key, body: body as object, params: { project } });
const remove = (w: World, project: string, key = w.lead.key) =>
  call(deleteProject, { method: "DELETE", path: `/v1/projects/${encodeURIComponent(project)}`, key, params: { project } });

const projectCases: Case[] = [
  { name: "create: no name", status: 422, message: "Invalid request: name is required", send: (w) => create(w, { description: "x" }) },
  { name: "create: empty name", status: 422, message: "Invalid request: name must not be empty", send: (w) => create(w, { name: "" }) },
  { name: "create: numeric name", status: 422, message: "Invalid request: name must be a string", send: (w) => create(w, { name: 7 }) },
  { name: "create: name over 200 characters", status: 422, message: "Invalid request: name must be at most 200 characters",
    send: (w) => create(w, { name: "n".repeat(201) }) },
  { name: "create: a slash in the name", status: 422, message: "Invalid request: name must not contain /, ? or # (the name is used in URLs)",
    send: (w) => create(w, { name: "team/evals" }) },
  { name: "create: a name padded with spaces", status: 422, message: "Invalid request: name must not start or end with spaces",
    send: (w) => create(w, { name: " evals" }) },
  { name: "create: a name that reads as a project id", status: 422, message: "Invalid request: name must not look like a project id",
    send: (w) => create(w, { name: Buffer.from("Project:1").toString("base64") }) },
  { name: "create: NUL in the name", status: 422, message: `Invalid request: name ${NUL_MESSAGE}`, send: (w) => create(w, { name: `a${NUL}b` }) },
  { name: "create: a taken name", status: 422, message: "Project default already exists.", send: (w) => create(w, { name: "default" }) },
  { name: "create: a numeric description", status: 422, message: "Invalid request: description must be a string",
    send: (w) => create(w, { name: "evals", description: 5 }) },
  { name: "create: a list body", status: 422, message: "Invalid request: body must be an object", send: (w) => create(w, []) },
  { name: "create: not JSON", status: 400, message: "Request body is not valid JSON.", send: (w) => create(w, "{") },
  { name: "create: a reviewer", status: 403, message: "Your role (reviewer) may not create, change or delete projects.",
    send: (w) => create(w, { name: "evals" }, w.reviewer.key) },
  { name: "create: a viewer with a bad body", status: 403, message: "Your role (viewer) may not create, change or delete projects.",
    send: (w) => create(w, { name: "" }, w.viewer.key) },
  { name: "update: a new name", status: 422, message: "Invalid request: name cannot be changed (project names are permanent).",
    send: (w) => put(w, "default", { name: "renamed", description: "x" }) },
  { name: "update: description over 10000 characters", status: 422, message: "Invalid request: description must be at most 10000 characters",
    send: (w) => put(w, "default", { description: "d".repeat(10_001) }) },
  { name: "update: an unknown project", status: 404, message: "Project nope does not exist.", send: (w) => put(w, "nope", { description: "x" }) },
  { name: "update: a reviewer", status: 403, message: "Your role (reviewer) may not create, change or delete projects.",
    send: (w) => put(w, "default", { description: "mine" }, w.reviewer.key) },
  { name: "delete: the default project", status: 422, message: "The default project cannot be deleted: traces sent without a project name go to it.",
    send: (w) => remove(w, "default") },
  { name: "delete: an unknown project", status: 404, message: "Project nope does not exist.", send: (w) => remove(w, "nope") },
  { name: "delete: a reviewer", status: 403, message: "Your role (reviewer) may not create, change or delete projects.",
    send: (w) => remove(w, "default", w.reviewer.key) },
  { name: "delete: a viewer on an unknown project", status: 403, message: "Your role (viewer) may not create, change or delete projects.",
    send: (w) => remove(w, "nope", w.viewer.key) },
];

const keyPath = "/v1/system/api_keys";
let adminSecret: string;
const keyCases: Case[] = [
  { name: "system keys: a lead lists", status: 403, message: "Your role (lead) may not manage system API keys.",
    send: (w) => call(listKeys, { path: keyPath, key: w.lead.key }) },
  { name: "system keys: a lead creates", status: 403, message: "Your role (lead) may not manage system API keys.",
    send: (w) => call(postKey, { path: keyPath, key: w.lead.key, body: { data: { name: "k" } } }) },
  { name: "system keys: an admin's key mints a key", status: 403, message: "API keys cannot mint keys: an admin creates system keys in Settings → API keys.",
    send: () => call(postKey, { path: keyPath, key: adminSecret, body: { data: { name: "k" } } }) },
  { name: "system keys: a malformed id", status: 422, message: 'Invalid request: api_key_id "nope" is not a SystemApiKey GlobalID.',
    send: () => call(deleteKey, { method: "DELETE", path: `${keyPath}/nope`, key: adminSecret, params: { key: "nope" } }) },
  { name: "system keys: an unknown id", status: 404, message: "System API key 00000000-0000-4000-8000-000000000000 does not exist.",
    send: () => {
      const id = Buffer.from("SystemApiKey:00000000-0000-4000-8000-000000000000").toString("base64");
      return call(deleteKey, { method: "DELETE", path: `${keyPath}/${id}`, key: adminSecret, params: { key: id } });
    } },
];

describe("project and system key routes refuse bad input and change nothing", () => {
  itRefuses(db, [...projectCases, ...keyCases].map(guarded));
  // After itRefuses' world: an admin's own key (the world has none).
  beforeAll(async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@t.dev" }, select: { id: true, name: true, email: true, role: true } });
    adminSecret = (await createApiKey(actorForUser(admin), { name: "admin key" })).secret;
  });
});

describe("deleting the last project", () => {
  it("is refused with a 422 that says why, and deletes nothing", async () => {
    await resetDatabase(db);
    const w = await apiWorld();
    await db.$executeRaw`UPDATE projects SET name = 'solo' WHERE name = 'default'`;
    const before = await db.span.count();
    const response = await call(deleteProject, { method: "DELETE", path: "/v1/projects/solo", key: w.lead.key, params: { project: "solo" } });
    expect(response.status).toBe(422);
    expect((await response.json()).detail).toBe("Project solo is the only project and cannot be deleted: create another project first.");
    expect({ spans: await db.span.count(), projects: await db.project.count() }).toEqual({ spans: before, projects: 1 });
  });
});
