import { beforeEach, describe, expect, it } from "vitest";
import { GET as getSpans } from "@/app/v1/projects/[project]/spans/route";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { bearerFor, callRoute } from "@/tests/fixtures/api-auth";
import { hex } from "@/tests/fixtures/spans";
import { useTestDatabase } from "@/tests/setup/database";
import { querySpans } from "./query-spans";
import { parseAttributeFilter } from "./span-attribute-filter";

// `attribute=metadata.tier:gold` matches inside JSON-valued attributes: the
// JSON string OpenInference sends as `metadata`, and objects stored under a key.
const db = useTestDatabase();
const t0 = new Date("2026-11-20T10:00:00Z");
let projectId: number;

async function ingest(spans: { name: string; attributes: Record<string, string | number | boolean>; minute: number }[], project = "json-attrs") {
  await ingestSpans(
    spans.map(({ name, attributes, minute }) => ({
      projectName: project, traceId: hex(16), spanId: hex(8), name,
      startTime: new Date(t0.getTime() + minute * 60_000), endTime: new Date(t0.getTime() + minute * 60_000 + 1000),
      attributes,
    })),
  );
}

const filters = (...texts: string[]) => texts.map(parseAttributeFilter);
const names = async (texts: string[], limit = 100) => (await querySpans(projectId, { limit, attributes: filters(...texts) })).rows.map((r) => r.name);

beforeEach(async () => {
  await ingest([
    { name: "gold-string", minute: 1, attributes: { metadata: JSON.stringify({ tier: "gold", user: { id: 42, beta: true }, score: 1.5 }) } },
    { name: "silver-string", minute: 2, attributes: { metadata: '{"tier": "silver", "note": "mentions \\"tier\\": \\"gold\\" in text"}' } },
    { name: "flat-key", minute: 3, attributes: { "metadata.tier": "gold" } },
    { name: "not-json", minute: 4, attributes: { metadata: '{tier: "gold" (not JSON)' } },
    { name: "json-list", minute: 5, attributes: { metadata: '[{"tier": "gold"}]' } },
    { name: "dotted-outer", minute: 6, attributes: { "app.metadata": '\n {"tier":"gold","n":12345}' } },
    { name: "escaped-key", minute: 7, attributes: { metadata: '{"caf\\u00e9": "ol\\u00e9"}' } },
    { name: "list-inside", minute: 8, attributes: { metadata: '{"list": ["a", "b"], "tier": 7}' } },
  ]);
  await ingest([{ name: "other-project", minute: 1, attributes: { metadata: '{"tier": "gold"}' } }], "elsewhere");
  projectId = (await db.project.findUniqueOrThrow({ where: { name: "json-attrs" } })).id;
  // Ingest flattens objects; a row written otherwise may still hold one.
  await db.$executeRaw`INSERT INTO spans (project_id, trace_row_id, span_id, name, span_kind, status_code, status_message, start_time, end_time, attributes, events)
    SELECT project_id, trace_row_id, ${hex(8)}, 'object-value', span_kind, status_code, status_message, start_time + interval '10 minutes', end_time + interval '10 minutes',
      '{"metadata": {"tier": "gold", "user": {"id": 42}}}'::jsonb, '[]'::jsonb
    FROM spans WHERE name = 'gold-string'`;
});

describe("attribute filters on JSON values", () => {
  it("match a key inside a JSON string, an object value or a flat key, and nothing that only looks alike", async () => {
    expect(await names(["metadata.tier:gold"])).toEqual(["object-value", "flat-key", "gold-string"]);
    expect(await names(["metadata.tier:silver"])).toEqual(["silver-string"]);
    expect(await names(["metadata.user.id:42"])).toEqual(["object-value", "gold-string"]);
    expect(await names(['metadata.user.id:"42"']), "a quoted number is a string").toEqual([]);
    expect(await names(["metadata.user.beta:true", "metadata.score:1.5"])).toEqual(["gold-string"]);
    expect(await names(["app.metadata.tier:gold", "app.metadata.n:12345.0"]), "a dotted outer key, leading whitespace, 1 = 1.0").toEqual(["dotted-outer"]);
    expect(await names(["metadata.café:olé"]), "escaped keys and values").toEqual(["escaped-key"]);
    expect(await names(["metadata.tier:gold", "metadata.user.id:43"])).toEqual([]);
    expect(await names(["metadata.list.1:b"]), "array indexes").toEqual(["list-inside"]);
    expect(await names(["metadata.list.-1:b"]), "negative indexes from the end").toEqual(["list-inside"]);
    expect(await names(["metadata.list.x:a"])).toEqual([]);
  });

  it("pages through matches between many near misses without losing or repeating one", async () => {
    // Many JSON strings that mention the key but hold another value, between the matches.
    await ingest(Array.from({ length: 40 }, (_, i) => ({ name: `decoy-${i}`, minute: 20 + i, attributes: { metadata: '{"tier": "bronze"}' } })));
    await ingest([{ name: "newest-gold", minute: 100, attributes: { metadata: '{"tier": "gold"}' } }]);
    const seen: string[] = [];
    let cursorId: number | undefined;
    let pages = 0;
    do {
      const page = await querySpans(projectId, { limit: 2, cursorId, attributes: filters("metadata.tier:gold") });
      seen.push(...page.rows.map((r) => r.name));
      cursorId = page.nextId ?? undefined;
      pages++;
    } while (cursorId !== undefined && pages < 50);
    expect(seen).toEqual(["newest-gold", "object-value", "flat-key", "gold-string"]);
    expect(pages).toBe(2);
  });

  it("works over the Phoenix span search", async () => {
    const auth = await bearerFor("VIEWER");
    const response = await callRoute(getSpans, "/v1/projects/json-attrs/spans?attribute=metadata.tier:gold&attribute=metadata.user.id:42", { project: "json-attrs" }, auth);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { name: string }[]; next_cursor: string | null };
    expect(body.data.map((s) => s.name)).toEqual(["object-value", "gold-string"]);
    expect(body.next_cursor).toBeNull();
  });
});
