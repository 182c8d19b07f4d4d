import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/setup/database";
import { note, notesWorld } from "@/tests/fixtures/notes-world";
import { mergeThemes, splitTheme } from "./merge-split";
import { promoteThemes } from "./promote-themes";
import { createTheme, deleteTheme, getTheme, listThemes, tagNotes, untagNotes, updateTheme } from "./themes";

const db = useTestDatabase();

// Everything a theme write can touch, as it is.
async function snapshot() {
  return {
    themes: await db.theme.findMany({ orderBy: { id: "asc" } }),
    noteThemes: await db.noteTheme.findMany({ orderBy: [{ annotationId: "asc" }, { themeId: "asc" }] }),
    events: await db.themeEvent.findMany({ orderBy: { id: "asc" } }),
    rubrics: await db.rubric.findMany({ orderBy: { id: "asc" } }),
    projectRubrics: await db.projectRubric.findMany({ orderBy: [{ projectId: "asc" }, { rubricId: "asc" }] }),
    rubricThemes: await db.rubricTheme.findMany({ orderBy: [{ rubricId: "asc" }, { themeId: "asc" }] }),
  };
}

describe("theme permissions", () => {
  it("a reviewer or viewer may read themes but not create, tag, untag, rename, merge, split, delete or promote them: 403 and nothing changes", async () => {
    const w = await notesWorld();
    const a = await note(w.reviewer, "TRACE", w.traces[0].traceId, "one");
    const b = await note(w.reviewer, "TRACE", w.traces[1].traceId, "two");
    const first = await createTheme(w.lead, w.project.id, { name: "First", noteIds: [a] });
    const second = await createTheme(w.lead, w.project.id, { name: "Second" });
    const before = await snapshot();
    expect(before.events).toHaveLength(3);

    const attempts = (actor: Actor | null) => [
      () => createTheme(actor, w.project.id, { name: "Mine", noteIds: [b] }),
      () => tagNotes(actor, first.id, [b]),
      () => untagNotes(actor, first.id, [a]),
      () => updateTheme(actor, first.id, { name: "Renamed" }),
      () => mergeThemes(actor, first.id, second.id),
      () => splitTheme(actor, first.id, [a], { name: "Split" }),
      () => deleteTheme(actor, second.id),
      () => promoteThemes(actor, w.project.id, { themeIds: [first.id], mode: "categorical" }),
      () => promoteThemes(actor, w.project.id, { themeIds: [first.id], mode: "boolean" }),
    ];
    for (const actor of [w.reviewer, w.viewer]) {
      for (const attempt of attempts(actor)) await expect(attempt()).rejects.toThrow(ForbiddenError);
    }
    for (const attempt of attempts(null)) await expect(attempt()).rejects.toThrow(UnauthorizedError);
    expect(await snapshot()).toEqual(before);

    expect((await listThemes(w.reviewer, w.project.id)).map((t) => t.name)).toEqual(["First", "Second"]);
    expect((await getTheme(w.viewer, first.id)).noteCount).toBe(1);
    // The same calls as a lead do go through.
    for (const attempt of attempts(w.lead).slice(0, 4)) await attempt();
    expect((await snapshot()).events.length).toBeGreaterThan(before.events.length);
  });
});
