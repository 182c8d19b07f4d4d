import { describe, expect, it } from "vitest";
import { annotationReader } from "@/lib/review/blind-review";
import { openTraceReviewList } from "@/lib/review/open-review-list";
import { countTraces, listTraces } from "@/lib/traces/list-traces";
import { parseTraceFilters } from "@/lib/traces/trace-filters";
import { useTestDatabase } from "@/tests/setup/database";
import { note, notesWorld } from "@/tests/fixtures/notes-world";
import { createTheme } from "./themes";

useTestDatabase();

describe("traces filter theme=", () => {
  it("keeps the traces with a note tagged with the theme on the trace, one of its spans, or its session", async () => {
    const w = await notesWorld(5);
    const [t0, t1, t2, t3, t4] = w.traces;
    const reader = annotationReader(w.reviewer, w.project);
    const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);
    const traceIds = async (raw: Record<string, string>) =>
      (await listTraces(w.project.id, parseTraceFilters(raw), reader)).rows.map((r) => r.id).sort((x, y) => x - y);

    const onSpan = await note(w.reviewer, "SPAN", t2.spans[1].spanId, "span note on t2");
    const onTrace = await note(w.reviewer, "TRACE", t3.traceId, "trace note on t3");
    const onSession = await note(w.reviewer, "SESSION", "s-1", "session note: t0 and t1");
    const untaggedNote = await note(w.reviewer, "TRACE", t4.traceId, "not tagged");
    const spanTheme = await createTheme(w.lead, w.project.id, { name: "Spans", noteIds: [onSpan, onTrace] });
    const sessionTheme = await createTheme(w.lead, w.project.id, { name: "Sessions", noteIds: [onSession] });
    const empty = await createTheme(w.lead, w.project.id, { name: "Empty" });
    expect(untaggedNote).toBeGreaterThan(0);

    expect(await traceIds({})).toEqual(sorted([t0.id, t1.id, t2.id, t3.id, t4.id]));
    expect(await traceIds({ theme: String(spanTheme.id) })).toEqual(sorted([t2.id, t3.id]));
    expect(await traceIds({ theme: String(sessionTheme.id) })).toEqual(sorted([t0.id, t1.id]));
    expect(await traceIds({ theme: String(empty.id) })).toEqual([]);
    expect(await traceIds({ theme: String(spanTheme.id), kind: "LLM" })).toEqual([]);
    expect(await countTraces(w.project.id, parseTraceFilters({ theme: String(spanTheme.id) }), reader)).toEqual({ count: 2, capped: false });
    // A bad value is dropped like any stale param.
    expect(parseTraceFilters({ theme: "x" }).theme).toBeUndefined();

    // "Review these traces" freezes the same list and keeps the filter in its query.
    const list = (await openTraceReviewList(w.reviewer, w.project, { theme: String(spanTheme.id) }))!;
    expect([...list.itemIds].sort((x, y) => x - y)).toEqual(sorted([t2.id, t3.id]));
    expect(list.query).toBe(`theme=${spanTheme.id}`);
  });
});
