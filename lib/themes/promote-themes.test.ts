import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { saveReviewAnnotation } from "@/lib/review/save-review-annotation";
import { useTestDatabase } from "@/tests/setup/database";
import { note, notesWorld } from "@/tests/fixtures/notes-world";
import { promoteThemes } from "./promote-themes";
import { snakeCase } from "./snake-case";
import { themesOfRubric } from "./theme-summaries";
import { createTheme, listThemes } from "./themes";

const db = useTestDatabase();

async function twoThemes() {
  const w = await notesWorld();
  const n = await note(w.reviewer, "TRACE", w.traces[0].traceId, "slow refund");
  const delays = await createTheme(w.lead, w.project.id, { name: "Refund delays", description: "Refunds take **too long**.\nMore than a week.", noteIds: [n] });
  const tool = await createTheme(w.lead, w.project.id, { name: "Wrong tool" });
  return { w, delays, tool };
}

const rubricOf = (id: number) =>
  db.rubric.findUniqueOrThrow({
    where: { id },
    select: { name: true, type: true, description: true, values: true, targets: true, projects: { select: { projectId: true } }, themes: { select: { themeId: true, label: true }, orderBy: { themeId: "asc" } } },
  });

describe("promoteThemes", () => {
  it("categorical: one rubric, a label per theme plus 'none of these', the descriptions as guideline, attached to the project and linked back", async () => {
    const { w, delays, tool } = await twoThemes();
    const { rubricIds } = await promoteThemes(w.lead, w.project.id, { themeIds: [delays.id, tool.id], mode: "categorical" });
    expect(rubricIds).toHaveLength(1);
    expect(await rubricOf(rubricIds[0])).toEqual({
      name: "refund_delays_wrong_tool",
      type: "CATEGORICAL",
      description: "- **Refund delays**: Refunds take **too long**. More than a week.\n- **Wrong tool**\n- **none of these**: none of the themes above applies.",
      values: [{ label: "Refund delays", score: null }, { label: "Wrong tool", score: null }, { label: "none of these", score: null }],
      targets: ["TRACE"],
      projects: [{ projectId: w.project.id }],
      themes: [{ themeId: delays.id, label: "Refund delays" }, { themeId: tool.id, label: "Wrong tool" }],
    });
    const events = await db.themeEvent.findMany({ where: { kind: "PROMOTE" }, orderBy: { themeId: "asc" }, select: { themeId: true, details: true, actorId: true } });
    expect(events).toEqual([
      { themeId: delays.id, actorId: w.lead.userId, details: { mode: "categorical", rubricIds, rubricName: "refund_delays_wrong_tool", label: "Refund delays" } },
      { themeId: tool.id, actorId: w.lead.userId, details: { mode: "categorical", rubricIds, rubricName: "refund_delays_wrong_tool", label: "Wrong tool" } },
    ]);
    expect((await listThemes(w.viewer, w.project.id)).map((t) => t.rubrics)).toEqual([
      [{ id: rubricIds[0], name: "refund_delays_wrong_tool" }],
      [{ id: rubricIds[0], name: "refund_delays_wrong_tool" }],
    ]);
    expect(await themesOfRubric(rubricIds[0])).toEqual([
      { id: delays.id, name: "Refund delays", label: "Refund delays", projectId: w.project.id, projectName: "support-bot" },
      { id: tool.id, name: "Wrong tool", label: "Wrong tool", projectId: w.project.id, projectName: "support-bot" },
    ]);
    // Reviewers label with it straight away.
    const id = await saveReviewAnnotation(w.reviewer, {
      target: "TRACE",
      item: { name: "refund_delays_wrong_tool", annotator_kind: "HUMAN", trace_id: w.traces[1].traceId, result: { label: "Wrong tool" } },
    });
    expect(await db.annotation.findUniqueOrThrow({ where: { id }, select: { label: true } })).toEqual({ label: "Wrong tool" });
  });

  it("categorical: takes a name and targets", async () => {
    const { w, delays } = await twoThemes();
    const { rubricIds } = await promoteThemes(w.admin, w.project.id, { themeIds: [delays.id], mode: "categorical", name: " failure_theme ", targets: ["SPAN", "TRACE"] });
    expect(await rubricOf(rubricIds[0])).toMatchObject({ name: "failure_theme", targets: ["SPAN", "TRACE"] });
  });

  it("boolean: one present/absent rubric per theme, named after it, its description the guideline", async () => {
    const { w, delays, tool } = await twoThemes();
    const { rubricIds } = await promoteThemes(w.lead, w.project.id, { themeIds: [delays.id, tool.id], mode: "boolean" });
    expect(rubricIds).toHaveLength(2);
    const present = [{ label: "present", score: 1 }, { label: "absent", score: 0 }];
    expect(await rubricOf(rubricIds[0])).toEqual({
      name: "refund_delays", type: "CATEGORICAL", description: "Refunds take **too long**.\nMore than a week.", values: present,
      targets: ["TRACE"], projects: [{ projectId: w.project.id }], themes: [{ themeId: delays.id, label: "present" }],
    });
    expect(await rubricOf(rubricIds[1])).toEqual({
      name: "wrong_tool", type: "CATEGORICAL", description: null, values: present,
      targets: ["TRACE"], projects: [{ projectId: w.project.id }], themes: [{ themeId: tool.id, label: "present" }],
    });
    expect((await db.themeEvent.findMany({ where: { kind: "PROMOTE" }, orderBy: { themeId: "asc" }, select: { details: true } })).map((e) => e.details))
      .toEqual([
        { mode: "boolean", rubricIds: [rubricIds[0]], rubricName: "refund_delays", label: "present" },
        { mode: "boolean", rubricIds: [rubricIds[1]], rubricName: "wrong_tool", label: "present" },
      ]);
  });

  it("refuses a rubric name in use (naming the field), a foreign theme, and creates nothing when one of several rubrics clashes", async () => {
    const { w, delays, tool } = await twoThemes();
    const foreign = await createTheme(w.lead, w.other.id, { name: "Elsewhere" });
    await db.rubric.create({ data: { name: "wrong_tool", type: "CATEGORICAL", values: [{ label: "x" }] } });
    const before = async () => [await db.rubric.count(), await db.projectRubric.count(), await db.rubricTheme.count(), await db.themeEvent.count()];
    const counts = await before();
    await expect(promoteThemes(w.lead, w.project.id, { themeIds: [delays.id], mode: "categorical", name: "wrong_tool" }))
      .rejects.toMatchObject({ name: "ConflictError", fieldErrors: { name: ["wrong_tool is already a rubric"] } });
    // refund_delays would be fine, wrong_tool is taken: neither is created.
    await expect(promoteThemes(w.lead, w.project.id, { themeIds: [delays.id, tool.id], mode: "boolean" })).rejects.toThrow(ConflictError);
    await expect(promoteThemes(w.lead, w.project.id, { themeIds: [delays.id, foreign.id], mode: "categorical" }))
      .rejects.toThrow(new NotFoundError(`No theme ${foreign.id} in this project.`));
    await expect(promoteThemes(w.lead, w.project.id, { themeIds: [], mode: "categorical" })).rejects.toThrow(/themeIds/);
    await expect(promoteThemes(w.lead, w.project.id, { themeIds: [delays.id], mode: "categorical", name: "note" })).rejects.toThrow(/reserved/);
    expect(await before()).toEqual(counts);
  });

  it("makes snake_case names", () => {
    expect(snakeCase("Refund delays", "x")).toBe("refund_delays");
    expect(snakeCase("  Wrong tool -- (search)!", "x")).toBe("wrong_tool_search");
    expect(snakeCase("Ünïcode Tönë", "x")).toBe("ünïcode_tönë");
    expect(snakeCase("!!!", "theme_7")).toBe("theme_7");
  });
});
