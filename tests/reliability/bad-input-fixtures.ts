import { beforeAll, expect, it } from "vitest";
import { POST as postConfigs } from "@/app/v1/annotation_configs/route";
import { PUT as assignConfig } from "@/app/v1/projects/[project]/annotation_configs/[config]/route";
import { POST as postSpans } from "@/app/v1/span_annotations/route";
import type { Db } from "@/lib/db";
import { apiWorld, call } from "@/tests/api/api-fixtures";
import { resetDatabase } from "@/tests/setup/database";

// The bad-input table (tests/reliability/bad-input*.test.ts): every case sends
// one refused request to a route handler, called directly, and checks the
// status, the message (which names the field) and that no table changed.
export type World = Awaited<ReturnType<typeof apiWorld>> & { configId: string };
export type Case = { name: string; status: number; message: string | RegExp; send: (w: World) => Promise<Response> };

export const NUL = "\u0000";
export const LONE_HIGH = "\ud800";
export const LONE_LOW = "\udc00";
export const NUL_MESSAGE = "must not contain NUL characters (\\u0000)";
export const SURROGATE_MESSAGE = "must not contain unpaired UTF-16 surrogates (invalid Unicode)";

export const categorical = {
  name: "correctness", type: "CATEGORICAL", description: "Is it right?", optimization_direction: "MAXIMIZE",
  values: [{ label: "correct", score: 1 }, { label: "incorrect", score: 0 }],
};

/** apiWorld, plus one stored annotation and one config assigned to "default", so "unchanged" is more than "still empty". */
export async function badInputWorld(): Promise<World> {
  const world = await apiWorld();
  const stored = await call(postSpans, {
    path: "/v1/span_annotations?sync=true", key: world.reviewer.key,
    body: { data: [{ span_id: world.root.spanId, name: "correctness", annotator_kind: "HUMAN", result: { label: "kept" } }] },
  });
  expect(stored.status).toBe(200);
  const config = await call(postConfigs, { path: "/v1/annotation_configs", key: world.lead.key, body: categorical });
  expect(config.status).toBe(200);
  const configId: string = (await config.json()).data.id;
  const assigned = await call(assignConfig, {
    method: "PUT", path: `/v1/projects/default/annotation_configs/${configId}`, key: world.lead.key,
    params: { project: "default", config: configId },
  });
  expect(assigned.status).toBe(200);
  return { ...world, configId };
}

/** What a refused request must leave alone: whole rows of what routes write, counts of the rest. */
export async function tableSnapshot(db: Db) {
  return {
    // As JSON: the notes' search_vector (tsvector) has no Prisma type, and belongs in the comparison too.
    annotations: await db.$queryRaw<unknown[]>`SELECT to_jsonb(a) AS row FROM annotations a ORDER BY id`,
    rubrics: await db.$queryRaw<unknown[]>`SELECT * FROM rubrics ORDER BY id`,
    projectRubrics: await db.$queryRaw<unknown[]>`SELECT * FROM project_rubrics ORDER BY project_id, rubric_id`,
    counts: await db.$queryRaw<unknown[]>`
      SELECT (SELECT count(*) FROM spans)::int AS spans, (SELECT count(*) FROM traces)::int AS traces,
        (SELECT count(*) FROM sessions)::int AS sessions, (SELECT count(*) FROM projects)::int AS projects,
        (SELECT count(*) FROM annotation_history)::int AS history,
        (SELECT coalesce(sum(total_tokens), 0)::bigint FROM traces)::text AS trace_tokens`,
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One `it` per case: status, whole message, Phoenix's version header, and every
 * table as it was. The cases of a group share one world, built once: each is
 * refused and must change nothing, and each compares the tables with what they
 * held just before it, so a case that wrongly writes still fails on its own.
 * (Use with `useTestDatabase({ reset: "manual" })`.)
 */
export function itRefuses(db: Db, cases: Case[]): void {
  let world: World;
  beforeAll(async () => {
    await resetDatabase(db);
    world = await badInputWorld();
  });
  it.each(cases)("$name → $status", async ({ status, message, send }) => {
    const before = await tableSnapshot(db);

    const response = await send(world);
    const text = await response.text();
    const detail = response.headers.get("content-type")?.includes("json") ? JSON.parse(text).detail : text;
    expect({ status: response.status, detail }).toMatchObject({
      status, detail: expect.stringMatching(typeof message === "string" ? `^${escape(message)}$` : message),
    });
    expect(response.headers.get("x-phoenix-server-version")).toBe("20.3.0");
    expect(await tableSnapshot(db)).toEqual(before);
  });
}

export { call };
