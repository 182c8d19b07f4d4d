import { describe, expect, it } from "vitest";
import * as configs from "@/app/v1/annotation_configs/route";
import * as config from "@/app/v1/annotation_configs/[config]/route";
import * as projectConfigs from "@/app/v1/projects/[project]/annotation_configs/route";
import * as projectConfig from "@/app/v1/projects/[project]/annotation_configs/[config]/route";
import { useTestDatabase } from "@/tests/setup/database";
import { apiWorld, call } from "./api-fixtures";

useTestDatabase();
const json = async (response: Response) => ({ status: response.status, body: response.status === 204 ? null : await response.json().catch(() => null) });

const categorical = {
  name: "correctness", type: "CATEGORICAL", description: "Is it right?", optimization_direction: "MAXIMIZE",
  values: [{ label: "correct", score: 1 }, { label: "incorrect", score: 0 }],
};

describe("annotation config routes", () => {
  it("create, get by id or name, list, update and delete in Phoenix's shapes", async () => {
    const w = await apiWorld();
    const key = w.lead.key;
    const created = await json(await call(configs.POST, { path: "/v1/annotation_configs", key, body: categorical }));
    expect(created).toEqual({ status: 200, body: { data: { ...categorical, id: expect.any(String) } } });
    const id: string = created.body.data.id;
    expect(Buffer.from(id, "base64").toString()).toMatch(/^CategoricalAnnotationConfig:\d+$/);

    for (const ref of [id, "correctness"]) {
      const got = await json(await call(config.GET, { path: `/v1/annotation_configs/${ref}`, key: w.reviewer.key, params: { config: ref } }));
      expect(got.body.data).toEqual(created.body.data);
    }
    const continuous = { name: "quality", type: "CONTINUOUS", description: null, optimization_direction: "NONE", lower_bound: 0, upper_bound: 1 };
    await call(configs.POST, { path: "/v1/annotation_configs", key, body: continuous });
    const first = await json(await call(configs.GET, { path: "/v1/annotation_configs?limit=1", key }));
    expect(first.body.data.map((c: { name: string }) => c.name)).toEqual(["quality"]);
    const second = await json(await call(configs.GET, { path: `/v1/annotation_configs?limit=1&cursor=${first.body.next_cursor}`, key }));
    expect(second.body).toEqual({ data: [created.body.data], next_cursor: null });

    const freeform = { name: "comments", type: "FREEFORM", description: "why", optimization_direction: null };
    const updated = await json(await call(config.PUT, { method: "PUT", path: `/v1/annotation_configs/${id}`, key, body: freeform, params: { config: id } }));
    expect(updated.body.data).toEqual({
      id: expect.any(String), name: "comments", type: "FREEFORM", description: "why", optimization_direction: "NONE",
      threshold: null, lower_bound: null, upper_bound: null,
    });
    const deleted = await json(await call(config.DELETE, { method: "DELETE", path: `/v1/annotation_configs/${id}`, key, params: { config: id } }));
    expect(deleted.body.data.name).toBe("comments");
    expect((await call(config.GET, { path: "/v1/annotation_configs/comments", key, params: { config: "comments" } })).status).toBe(404);
  });

  it.each([
    ["a duplicate name", 409, () => categorical],
    ["the name note", 409, () => ({ ...categorical, name: "note" })],
    ["an unknown type", 422, () => ({ ...categorical, type: "RANKED" })],
    ["bounds out of order", 422, () => ({ name: "q", type: "CONTINUOUS", optimization_direction: "NONE", lower_bound: 2, upper_bound: 1 })],
  ])("refuses %s with %i", async (_name, status, body) => {
    const w = await apiWorld();
    await call(configs.POST, { path: "/v1/annotation_configs", key: w.lead.key, body: categorical });
    const response = await call(configs.POST, { path: "/v1/annotation_configs", key: w.lead.key, body: body() });
    expect(response.status).toBe(status);
  });

  it("lets reviewers read but not write", async () => {
    const w = await apiWorld();
    expect((await call(configs.POST, { path: "/v1/annotation_configs", key: w.reviewer.key, body: categorical })).status).toBe(403);
    expect((await call(configs.GET, { path: "/v1/annotation_configs", key: w.viewer.key })).status).toBe(200);
  });

  it("assigns, lists, replaces and unassigns a project's configs", async () => {
    const w = await apiWorld();
    const key = w.lead.key;
    const a = (await json(await call(configs.POST, { path: "/v1/annotation_configs", key, body: categorical }))).body.data;
    const b = (await json(await call(configs.POST, { path: "/v1/annotation_configs", key, body: { name: "quality", type: "CONTINUOUS", optimization_direction: "NONE" } }))).body.data;
    const at = (configRef: string) => ({ path: `/v1/projects/default/annotation_configs/${configRef}`, params: { project: "default", config: configRef }, key });
    expect(await json(await call(projectConfig.PUT, { method: "PUT", ...at("correctness") }))).toEqual({ status: 200, body: { data: a } });
    expect((await call(projectConfig.PUT, { method: "PUT", ...at(a.id) })).status).toBe(200);
    const list = () => call(projectConfigs.GET, { path: "/v1/projects/default/annotation_configs", params: { project: "default" }, key }).then(json);
    expect((await list()).body).toEqual({ data: [a], next_cursor: null });
    const set = await json(await call(projectConfigs.PUT, { method: "PUT", path: "/v1/projects/default/annotation_configs", params: { project: "default" }, key, body: { annotation_config_ids: [a.id, b.id] } }));
    expect(set.body.data.map((c: { name: string }) => c.name)).toEqual(["quality", "correctness"]);
    expect(await json(await call(projectConfig.DELETE, { method: "DELETE", ...at(b.id) }))).toEqual({ status: 204, body: null });
    expect((await list()).body.data).toEqual([a]);
    expect((await call(projectConfig.PUT, { method: "PUT", ...at("missing") })).status).toBe(404);
    const noProject = await call(projectConfigs.GET, { path: "/v1/projects/nope/annotation_configs", params: { project: "nope" }, key });
    expect(noProject.status).toBe(404);
  });
});
