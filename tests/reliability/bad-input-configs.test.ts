import { describe } from "vitest";
import * as configs from "@/app/v1/annotation_configs/route";
import * as config from "@/app/v1/annotation_configs/[config]/route";
import * as projectConfigs from "@/app/v1/projects/[project]/annotation_configs/route";
import * as projectConfig from "@/app/v1/projects/[project]/annotation_configs/[config]/route";
import { useTestDatabase } from "@/tests/setup/database";
import { call, categorical, itRefuses, LONE_HIGH, NUL, NUL_MESSAGE, SURROGATE_MESSAGE, type Case, type World } from "./bad-input-fixtures";

// Annotation configs (Phoenix's names for rubrics): create, read, update,
// delete, and assignment to projects. Messages name fields as the wire spells
// them (snake_case), and the role is checked before anything is looked up.
const db = useTestDatabase({ reset: "manual" });

const create = (w: World, body: unknown, key = w.lead.key) =>
  call(configs.POST, { path: "/v1/annotation_configs", key, body: body as object });
const continuous = { name: "quality", type: "CONTINUOUS", optimization_direction: "NONE", lower_bound: 0, upper_bound: 1 };
const at = (ref: string) => ({ path: `/v1/annotation_configs/${encodeURIComponent(ref)}`, params: { config: ref } });
const put = (w: World, ref: string, body: unknown, key = w.lead.key) => call(config.PUT, { method: "PUT", ...at(ref), key, body: body as object });
const del = (w: World, ref: string, key = w.lead.key) => call(config.DELETE, { method: "DELETE", ...at(ref), key });
const inProject = (project: string, ref: string) => ({
  path: `/v1/projects/${encodeURIComponent(project)}/annotation_configs/${encodeURIComponent(ref)}`, params: { project, config: ref },
});
const setConfigs = (w: World, body: unknown, project = "default", key = w.lead.key) =>
  call(projectConfigs.PUT, { method: "PUT", path: `/v1/projects/${project}/annotation_configs`, params: { project }, key, body: body as object });

const createCases: Case[] = [
  { name: "NUL in name", status: 422, message: `Invalid request: name ${NUL_MESSAGE}`,
    send: (w) => create(w, { ...continuous, name: `q${NUL}` }) },
  { name: "lone surrogate in name", status: 422, message: `Invalid request: name ${SURROGATE_MESSAGE}`,
    send: (w) => create(w, { ...continuous, name: `q${LONE_HIGH}` }) },
  { name: "NUL in description", status: 422, message: `Invalid request: description ${NUL_MESSAGE}`,
    send: (w) => create(w, { ...continuous, description: `d${NUL}` }) },
  { name: "NUL in a value's label", status: 422, message: `Invalid request: values.1.label ${NUL_MESSAGE}`,
    send: (w) => create(w, { ...categorical, name: "c2", values: [{ label: "a" }, { label: `b${NUL}` }] }) },
  { name: "NUL in type", status: 422, message: `Invalid request: type ${NUL_MESSAGE}`,
    send: (w) => create(w, { ...continuous, type: `CONTINUOUS${NUL}` }) },
  { name: "a 201-character name", status: 422, message: "Invalid request: name must be at most 200 characters",
    send: (w) => create(w, { ...continuous, name: "n".repeat(201) }) },
  { name: "a numeric name", status: 422, message: "Invalid request: name must be a string",
    send: (w) => create(w, { ...continuous, name: 5 }) },
  { name: "no name", status: 422, message: "Invalid request: name is required",
    send: (w) => create(w, { ...continuous, name: undefined }) },
  { name: "a blank name", status: 422, message: "Invalid request: name must not be empty",
    send: (w) => create(w, { ...continuous, name: "  " }) },
  { name: "a 2001-character description", status: 422, message: "Invalid request: description must be at most 2000 characters",
    send: (w) => create(w, { ...continuous, description: "d".repeat(2001) }) },
  { name: "lower_bound as a string", status: 422, message: "Invalid request: lower_bound must be a number",
    send: (w) => create(w, { ...continuous, lower_bound: "0" }) },
  { name: "upper_bound not above lower_bound", status: 422, message: "Invalid request: upper_bound must be greater than the lower bound",
    send: (w) => create(w, { ...continuous, lower_bound: 2, upper_bound: 1 }) },
  { name: "an unknown optimization_direction", status: 422,
    message: "Invalid request: optimization_direction must be one of MAXIMIZE, MINIMIZE, NONE",
    send: (w) => create(w, { ...continuous, optimization_direction: "UP" }) },
  { name: "values not a list", status: 422, message: "Invalid request: values must be a list of {label, score}",
    send: (w) => create(w, { ...categorical, name: "c2", values: "yes,no" }) },
  { name: "no values", status: 422, message: "Invalid request: values needs at least one value",
    send: (w) => create(w, { ...categorical, name: "c2", values: [] }) },
  { name: "duplicate labels", status: 422, message: "Invalid request: values labels must be unique",
    send: (w) => create(w, { ...categorical, name: "c2", values: [{ label: "a" }, { label: "a" }] }) },
  { name: "an empty label", status: 422, message: "Invalid request: values.0.label must not be empty",
    send: (w) => create(w, { ...categorical, name: "c2", values: [{ label: "" }] }) },
  { name: "a numeric label", status: 422, message: "Invalid request: values.0.label must be a string",
    send: (w) => create(w, { ...categorical, name: "c2", values: [{ label: 1 }] }) },
  { name: "a score as a string", status: 422, message: "Invalid request: values.0.score must be a number",
    send: (w) => create(w, { ...categorical, name: "c2", values: [{ label: "a", score: "1" }] }) },
  { name: "101 values", status: 422, message: "Invalid request: values must list at most 100 values",
    send: (w) => create(w, { ...categorical, name: "c2", values: Array.from({ length: 101 }, (_, i) => ({ label: `v${i}` })) }) },
  { name: "an unknown type", status: 422, message: "Invalid request: type must be one of CATEGORICAL, CONTINUOUS, FREEFORM",
    send: (w) => create(w, { ...categorical, type: "RANKED" }) },
  { name: "a duplicate name", status: 409, message: "An annotation config named correctness already exists.",
    send: (w) => create(w, categorical) },
  { name: "the name note", status: 409, message: 'The name "note" is reserved for notes.',
    send: (w) => create(w, { ...continuous, name: "note" }) },
  { name: "a body nested 70 levels", status: 422, message: "Invalid request: description.a.a.a.a.a… is nested deeper than 64 levels",
    send: (w) => create(w, `{"name":"q","type":"FREEFORM","description":${'{"a":'.repeat(70)}1${"}".repeat(70)}}`) },
  { name: "a reviewer's key", status: 403, message: "Your role (reviewer) may not manage rubrics.",
    send: (w) => create(w, continuous, w.reviewer.key) },
  { name: "a viewer's key with an invalid body", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => create(w, { type: 1 }, w.viewer.key) },
];

const byIdCases: Case[] = [
  { name: "GET: NUL in {config}", status: 422, message: `Invalid request: config ${NUL_MESSAGE}`,
    send: (w) => call(config.GET, { ...at(`x${NUL}`), key: w.reviewer.key }) },
  { name: "GET: an unknown config", status: 404, message: "Annotation config missing does not exist.",
    send: (w) => call(config.GET, { ...at("missing"), key: w.reviewer.key }) },
  { name: "PUT: a viewer's key on an unknown config", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => put(w, "missing", continuous, w.viewer.key) },
  { name: "PUT: a viewer's key on an existing config", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => put(w, w.configId, continuous, w.viewer.key) },
  { name: "PUT: a reviewer's key on an unknown config", status: 403, message: "Your role (reviewer) may not manage rubrics.",
    send: (w) => put(w, "missing", continuous, w.reviewer.key) },
  { name: "PUT: an unknown config", status: 404, message: "Annotation config missing does not exist.",
    send: (w) => put(w, "missing", continuous) },
  { name: "PUT: NUL in {config}", status: 422, message: `Invalid request: config ${NUL_MESSAGE}`,
    send: (w) => put(w, `c${NUL}`, continuous) },
  { name: "PUT: NUL in name", status: 422, message: `Invalid request: name ${NUL_MESSAGE}`,
    send: (w) => put(w, w.configId, { ...continuous, name: `q${NUL}` }) },
  { name: "PUT: lower_bound as a string", status: 422, message: "Invalid request: lower_bound must be a number",
    send: (w) => put(w, w.configId, { ...continuous, lower_bound: "low" }) },
  { name: "PUT: a 201-character name", status: 422, message: "Invalid request: name must be at most 200 characters",
    send: (w) => put(w, w.configId, { ...categorical, name: "n".repeat(201) }) },
  { name: "PUT: renamed to note", status: 409, message: 'The name "note" is reserved for notes.',
    send: (w) => put(w, w.configId, { ...categorical, name: "note" }) },
  { name: "DELETE: a viewer's key on an unknown config", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => del(w, "missing", w.viewer.key) },
  { name: "DELETE: a viewer's key on an existing config", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => del(w, "correctness", w.viewer.key) },
  { name: "DELETE: a reviewer's key", status: 403, message: "Your role (reviewer) may not manage rubrics.",
    send: (w) => del(w, w.configId, w.reviewer.key) },
  { name: "DELETE: an unknown config", status: 404, message: "Annotation config missing does not exist.",
    send: (w) => del(w, "missing") },
  { name: "DELETE: NUL in {config}", status: 422, message: `Invalid request: config ${NUL_MESSAGE}`,
    send: (w) => del(w, `correctness${NUL}`) },
];

const listCases: Case[] = [
  { name: "list: limit 0", status: 422, message: "Invalid request: limit must be greater than 0",
    send: (w) => call(configs.GET, { path: "/v1/annotation_configs?limit=0", key: w.reviewer.key }) },
  { name: "list: limit 1001", status: 422, message: "Invalid request: limit must be at most 1000",
    send: (w) => call(configs.GET, { path: "/v1/annotation_configs?limit=1001", key: w.reviewer.key }) },
  { name: "list: limit not a number", status: 422, message: "Invalid request: limit must be a number",
    send: (w) => call(configs.GET, { path: "/v1/annotation_configs?limit=ten", key: w.reviewer.key }) },
  { name: "list: a bogus cursor", status: 422, message: "Invalid request: cursor is not a valid cursor",
    send: (w) => call(configs.GET, { path: "/v1/annotation_configs?cursor=bm9wZQ", key: w.reviewer.key }) },
  { name: "list: NUL in cursor", status: 422, message: `Invalid request: cursor ${NUL_MESSAGE}`,
    send: (w) => call(configs.GET, { path: "/v1/annotation_configs?cursor=%00", key: w.reviewer.key }) },
  { name: "project list: an unknown project", status: 404, message: "Project nope does not exist.",
    send: (w) => call(projectConfigs.GET, { path: "/v1/projects/nope/annotation_configs", params: { project: "nope" }, key: w.reviewer.key }) },
  { name: "project list: NUL in {project}", status: 422, message: `Invalid request: project ${NUL_MESSAGE}`,
    send: (w) => call(projectConfigs.GET, { path: "/v1/projects/x/annotation_configs", params: { project: `x${NUL}` }, key: w.reviewer.key }) },
  { name: "project list: limit -5", status: 422, message: "Invalid request: limit must be greater than 0",
    send: (w) => call(projectConfigs.GET, { path: "/v1/projects/default/annotation_configs?limit=-5", params: { project: "default" }, key: w.reviewer.key }) },
];

const assignmentCases: Case[] = [
  { name: "assign: a viewer's key on an unknown project", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => call(projectConfig.PUT, { method: "PUT", ...inProject("nope", "missing"), key: w.viewer.key }) },
  { name: "assign: a reviewer's key", status: 403, message: "Your role (reviewer) may not manage rubrics.",
    send: (w) => call(projectConfig.PUT, { method: "PUT", ...inProject("default", w.configId), key: w.reviewer.key }) },
  { name: "assign: an unknown project", status: 404, message: "Project nope does not exist.",
    send: (w) => call(projectConfig.PUT, { method: "PUT", ...inProject("nope", w.configId), key: w.lead.key }) },
  { name: "assign: an unknown config", status: 404, message: "Annotation config missing does not exist.",
    send: (w) => call(projectConfig.PUT, { method: "PUT", ...inProject("default", "missing"), key: w.lead.key }) },
  { name: "assign: NUL in {project}", status: 422, message: `Invalid request: project ${NUL_MESSAGE}`,
    send: (w) => call(projectConfig.PUT, { method: "PUT", ...inProject(`default${NUL}`, w.configId), key: w.lead.key }) },
  { name: "assign: NUL in {config}", status: 422, message: `Invalid request: config ${NUL_MESSAGE}`,
    send: (w) => call(projectConfig.PUT, { method: "PUT", ...inProject("default", `c${NUL}`), key: w.lead.key }) },
  { name: "unassign: a viewer's key on an unknown config", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => call(projectConfig.DELETE, { method: "DELETE", ...inProject("default", "missing"), key: w.viewer.key }) },
  { name: "unassign: a viewer's key on an assigned config", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => call(projectConfig.DELETE, { method: "DELETE", ...inProject("default", w.configId), key: w.viewer.key }) },
  { name: "unassign: an unknown project", status: 404, message: "Project nope does not exist.",
    send: (w) => call(projectConfig.DELETE, { method: "DELETE", ...inProject("nope", w.configId), key: w.lead.key }) },
  { name: "set: a viewer's key on an unknown project", status: 403, message: "Your role (viewer) may not manage rubrics.",
    send: (w) => setConfigs(w, { annotation_config_ids: [] }, "nope", w.viewer.key) },
  { name: "set: no annotation_config_ids", status: 422, message: "Invalid request: annotation_config_ids is required",
    send: (w) => setConfigs(w, {}) },
  { name: "set: annotation_config_ids not a list", status: 422, message: "Invalid request: annotation_config_ids must be a list",
    send: (w) => setConfigs(w, { annotation_config_ids: "all" }) },
  { name: "set: a bogus id", status: 422, message: "Invalid request: annotation_config_ids.1 is not an annotation config id: bogus",
    send: (w) => setConfigs(w, { annotation_config_ids: [w.configId, "bogus"] }) },
  { name: "set: an unknown id", status: 404, message: "Annotation configs with ids 999 do not exist.",
    send: (w) => setConfigs(w, { annotation_config_ids: [w.configId, "999"] }) },
  { name: "set: NUL in an id", status: 422, message: `Invalid request: annotation_config_ids.0 ${NUL_MESSAGE}`,
    send: (w) => setConfigs(w, { annotation_config_ids: [`1${NUL}`] }) },
  { name: "set: 1001 ids", status: 422, message: "Invalid request: annotation_config_ids must list at most 1000 items",
    send: (w) => setConfigs(w, { annotation_config_ids: Array.from({ length: 1001 }, () => w.configId) }) },
  { name: "set: an unknown project", status: 404, message: "Project nope does not exist.",
    send: (w) => setConfigs(w, { annotation_config_ids: [w.configId] }, "nope") },
];

describe("annotation config writes refuse bad input in wire terms and change nothing", () => {
  itRefuses(db, createCases);
});

describe("a config by id or name: the role before the lookup", () => {
  itRefuses(db, byIdCases);
});

describe("config lists refuse bad parameters", () => {
  itRefuses(db, listCases);
});

describe("project assignment: the role before the lookup", () => {
  itRefuses(db, assignmentCases);
});
