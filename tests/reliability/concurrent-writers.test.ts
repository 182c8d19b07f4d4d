import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeNote } from "@/lib/annotations/notes";
import { upsertAnnotations } from "@/lib/annotations/upsert-annotations";
import { actorForUser } from "@/lib/auth/sessions";
import { createFirstAdmin, createUser } from "@/lib/auth/users";
import { ForbiddenError } from "@/lib/errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { hex, ragTrace } from "@/tests/fixtures/spans";
import { jsonRequest } from "@/tests/fixtures/otlp-requests";
import { useTestDatabase } from "@/tests/setup/database";
import { adminQuery, createDatabase, hasPostgres, migrate, startServer, type AppServer } from "./servers";

// 16 writers on one key at once (same target, name, identifier, user), each
// with its own value. The history trigger (prisma/migrations/…_annotation_history_trigger)
// runs BEFORE UPDATE on every row actually replaced, so 16 writes to one key
// leave one row (the last writer's value) and exactly 15 history rows: one per
// overwritten version, each version exactly once, none lost to the race.
const WRITERS = 16;
const values = Array.from({ length: WRITERS }, (_, i) => `v${i}`);

// Sixteen connections, so all sixteen writers are in Postgres at once instead of
// queueing for the default pool of 10 (lib/db/adapter.ts). Set before lib/db opens its pool.
vi.hoisted(() => {
  process.env.DATABASE_POOL_SIZE = "16";
});

type Version = { value: string | null; annotationId: number };

/** The stored row's value plus every replaced version must be the 16 written values, once each. */
function expectFullHistory(row: { id: number; value: string | null }, history: Version[]) {
  expect(values).toContain(row.value);
  expect(history).toHaveLength(WRITERS - 1);
  expect(history.every((h) => h.annotationId === row.id)).toBe(true);
  expect([row.value, ...history.map((h) => h.value)].sort()).toEqual([...values].sort());
}

describe.skipIf(!hasPostgres)("concurrent writers on one key, through the domain functions", () => {
  const db = useTestDatabase();

  async function world() {
    const [root] = ragTrace({ start: new Date("2026-11-20T10:00:00Z") });
    await ingestSpans([root]);
    const admin = actorForUser(await createFirstAdmin({ name: "Admin", email: "admin@t.dev", password: "correct horse battery" }));
    const reviewer = actorForUser(await createUser(admin, { name: "R", email: "r@t.dev", password: "correct horse battery", role: "REVIEWER" }));
    return { root, reviewer };
  }

  it("16 annotation upserts: one row, every overwritten version in history", async () => {
    const { root, reviewer } = await world();
    const ids = await Promise.all(values.map((label) => upsertAnnotations(reviewer, "SPAN", [{
      target: "SPAN", externalId: root.spanId, name: "correctness", label, annotatorKind: "HUMAN", identifier: reviewer.identifier,
    }], "API")));
    const rows = await db.annotation.findMany({ select: { id: true, label: true, userId: true } });
    expect(rows).toHaveLength(1);
    expect(new Set(ids.flat())).toEqual(new Set([rows[0].id]));
    expect(rows[0].userId).toBe(reviewer.userId);
    const history = await db.annotationHistory.findMany({ select: { label: true, annotationId: true, action: true, replacedById: true } });
    expect(history.every((h) => h.action === "UPDATE" && h.replacedById === reviewer.userId)).toBe(true);
    expectFullHistory({ id: rows[0].id, value: rows[0].label }, history.map((h) => ({ value: h.label, annotationId: h.annotationId })));
  });

  it("16 writers from two reviewers on one key: the creator's 8 land with full history, the other's 8 get 403", async () => {
    const { root, reviewer } = await world();
    const admin = actorForUser((await db.user.findFirstOrThrow({ where: { role: "ADMIN" } })));
    const other = actorForUser(await createUser(admin, { name: "O", email: "o@t.dev", password: "correct horse battery", role: "REVIEWER" }));
    // Phoenix's default identifier "" for everyone: one key, two would-be owners.
    const outcomes = await Promise.all(values.map((label, i) => {
      const actor = i % 2 === 0 ? reviewer : other;
      return upsertAnnotations(actor, "SPAN", [{ target: "SPAN", externalId: root.spanId, name: "correctness", label, annotatorKind: "HUMAN" }], "API")
        .then(([id]) => ({ actor, label, id }), (error: unknown) => ({ actor, label, error }));
    }));
    const [row] = await db.annotation.findMany({ select: { id: true, label: true, userId: true } });
    const mine = outcomes.filter((o) => o.actor.userId === row.userId);
    const theirs = outcomes.filter((o) => o.actor.userId !== row.userId);
    expect(mine.map((o) => ("id" in o ? o.id : o.error))).toEqual(mine.map(() => row.id));
    expect(theirs.map((o) => ("error" in o ? o.error : o.id))).toEqual(theirs.map(() => expect.any(ForbiddenError)));
    const history = await db.annotationHistory.findMany({ select: { label: true } });
    expect([row.label, ...history.map((h) => h.label)].sort()).toEqual(mine.map((o) => o.label).sort());
  });

  it("16 notes with one identifier: one row, every overwritten text in history", async () => {
    const { root, reviewer } = await world();
    const ids = await Promise.all(values.map((text) => writeNote(reviewer, "SPAN", root.spanId, text, { identifier: "one-note", source: "API" })));
    const rows = await db.annotation.findMany({ select: { id: true, explanation: true, userId: true } });
    expect(rows).toHaveLength(1);
    expect(new Set(ids)).toEqual(new Set([rows[0].id]));
    const history = await db.annotationHistory.findMany({ select: { explanation: true, annotationId: true } });
    expectFullHistory({ id: rows[0].id, value: rows[0].explanation }, history.map((h) => ({ value: h.explanation, annotationId: h.annotationId })));
  });
});

describe.skipIf(!hasPostgres)("concurrent writers on one key, over HTTP against the built app", () => {
  const stops: (() => Promise<void>)[] = [];
  let server: AppServer;
  let databaseUrl: string;
  const spanId = hex(8);

  beforeAll(async () => {
    const database = await createDatabase("concurrent_writers");
    stops.push(database.drop);
    databaseUrl = database.url;
    await migrate({ DATABASE_URL: databaseUrl });
    // AUTH_DISABLED=1: every request acts as the built-in local admin (one real
    // user row), so all 16 writers are the same user without minting a key.
    server = await startServer({ DATABASE_URL: databaseUrl, AUTH_DISABLED: "1", SEED_DEMO: "0" });
    stops.push(server.stop);
    const t0 = new Date("2026-11-20T10:00:00Z");
    const trace = jsonRequest([{ traceId: hex(16), spanId, name: "root", start: t0, end: new Date(t0.getTime() + 100) }]);
    const ingest = await fetch(`${server.url}/v1/traces`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(trace) });
    expect(ingest.status).toBe(200);
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  const stored = async (name: string, column: "label" | "explanation") => {
    const rows = await adminQuery(`SELECT id, ${column} AS value FROM annotations WHERE name = '${name}'`, databaseUrl);
    const history = await adminQuery(
      `SELECT h.${column} AS value, h.annotation_id AS "annotationId" FROM annotation_history h JOIN annotations a ON a.id = h.annotation_id WHERE a.name = '${name}'`,
      databaseUrl,
    );
    return { rows: rows as { id: number; value: string }[], history: history as Version[] };
  };

  it("16 concurrent POST /v1/span_annotations on one key: one row, full history", async () => {
    const responses = await Promise.all(values.map((label) => post("/v1/span_annotations?sync=true", {
      data: [{ span_id: spanId, name: "correctness", annotator_kind: "HUMAN", identifier: "same", result: { label } }],
    })));
    expect(responses.map((r) => r.status)).toEqual(values.map(() => 200));
    const ids = await Promise.all(responses.map(async (r) => (await r.json()).data[0].id));
    const { rows, history } = await stored("correctness", "label");
    expect(rows).toHaveLength(1);
    expect(new Set(ids)).toEqual(new Set([String(rows[0].id)]));
    expectFullHistory(rows[0], history);
  });

  it("16 concurrent POST /v1/span_notes with one identifier: one row, full history", async () => {
    const responses = await Promise.all(values.map((note) => post("/v1/span_notes", { data: { span_id: spanId, note, identifier: "same-note" } })));
    expect(responses.map((r) => r.status)).toEqual(values.map(() => 200));
    const ids = await Promise.all(responses.map(async (r) => (await r.json()).data.id));
    const { rows, history } = await stored("note", "explanation");
    expect(rows).toHaveLength(1);
    expect(new Set(ids)).toEqual(new Set([String(rows[0].id)]));
    expectFullHistory(rows[0], history);
  });
});
