import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseNoteFilters } from "@/lib/themes/note-filters";
import { createTheme } from "@/lib/themes/themes";
import { insertNotes } from "@/tests/fixtures/bulk-notes";
import { notesWorld } from "@/tests/fixtures/notes-world";
import { useTestDatabase } from "@/tests/setup/database";
import { stopClusterWorker } from "./cluster-in-worker";
import { clusterNotes } from "./cluster-notes";
import { dismissGroup } from "./dismiss-group";
import { failureNoteFixture } from "./fixtures/failure-notes";
import { generatedNotes } from "./fixtures/generated-notes";
import { suggestGroups } from "./suggest-groups";

const db = useTestDatabase();
afterAll(() => stopClusterWorker());

const noFilter = parseNoteFilters({});

// The fixture's notes, written by a reviewer on the first trace; ids by known mode.
async function fixtureWorld() {
  const world = await notesWorld(1);
  const { notes, modeOf } = failureNoteFixture();
  const ids = await insertNotes(world.project.id, world.traces[0].id, world.reviewer.userId, notes.map((note) => note.text));
  const idsOf = (mode: string) => notes.flatMap((note, i) => (modeOf.get(note.id) === mode ? [ids[i]] : []));
  return { ...world, ids, idsOf };
}

describe("suggestGroups", () => {
  it("clusters the untagged notes when no filter is set: the failure modes, without the notes a theme already has", async () => {
    const { project, lead, idsOf } = await fixtureWorld();
    const refunds = idsOf("refund-policy");
    await createTheme(lead, project.id, { name: "Invented refund policy", noteIds: refunds });

    const result = await suggestGroups(lead, project.id, noFilter);
    expect(result).toMatchObject({ noteCount: 70 - refunds.length, untaggedOnly: true, capped: false, dismissedCount: 0, threshold: 0.2 });
    const grouped = result.groups.flatMap((group) => group.noteIds);
    expect(grouped.filter((id) => refunds.includes(id))).toEqual([]);
    const tools = result.groups.find((group) => group.proposedName.startsWith("Wrong tool"))!;
    expect(tools.noteIds.filter((id) => idsOf("wrong-tool").includes(id)).length).toBeGreaterThanOrEqual(9);
    expect(result.groups.some((group) => /refund/i.test(group.proposedName))).toBe(false);
  }, 60_000); // the first test starts the worker thread and loads the language model

  it("clusters the filtered notes, tagged or not, when a filter is set", async () => {
    const { project, lead, idsOf } = await fixtureWorld();
    await createTheme(lead, project.id, { name: "Invented refund policy", noteIds: idsOf("refund-policy") });
    const result = await suggestGroups(lead, project.id, parseNoteFilters({ q: "refund" }));
    expect(result.untaggedOnly).toBe(false);
    const matching = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM annotations WHERE name = 'note' AND search_vector @@ websearch_to_tsquery('english', 'refund')`;
    expect(result.noteCount).toBe(matching[0].n);
    expect(result.groups[0].proposedName).toMatch(/refund/i);
    expect(result.groups[0].noteIds.every((id) => idsOf("refund-policy").includes(id) || idsOf("wrong-tool").includes(id))).toBe(true);
  });

  it("says when it clustered only the newest notes (the cap)", async () => {
    const { project, lead, ids } = await fixtureWorld();
    const result = await suggestGroups(lead, project.id, noFilter, { maxNotes: 50 });
    expect(result).toMatchObject({ noteCount: 50, capped: true });
    // Newest first: the 20 oldest (here: smallest ids, written in one statement) are left out.
    const grouped = new Set(result.groups.flatMap((group) => group.noteIds));
    const newest = [...ids].sort((a, b) => b - a).slice(0, 50);
    expect([...grouped].every((id) => newest.includes(id))).toBe(true);
  });

  it("is for leads: a reviewer or a viewer gets a 403; a bad threshold names the field", async () => {
    const { project, reviewer, viewer, lead } = await fixtureWorld();
    await expect(suggestGroups(reviewer, project.id, noFilter)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(suggestGroups(viewer, project.id, noFilter)).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await suggestGroups(lead, project.id, noFilter, { threshold: 2 }).catch((error) => error);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fieldErrors.threshold[0]).toMatch(/at most 0.95/);
    await expect(suggestGroups(lead, 999_999, noFilter)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the threshold reaches the clustering", async () => {
    const { project, lead } = await fixtureWorld();
    const loose = await suggestGroups(lead, project.id, noFilter, { threshold: 0.1 });
    const strict = await suggestGroups(lead, project.id, noFilter, { threshold: 0.5 });
    const grouped = (groups: { noteIds: number[] }[]) => groups.reduce((sum, group) => sum + group.noteIds.length, 0);
    expect(grouped(strict.groups)).toBeLessThan(grouped(loose.groups));
  });
});

describe("dismissGroup", () => {
  it("hides a dismissed group from later suggestions; a group sharing less than half of its notes still shows", async () => {
    const { project, lead, admin } = await fixtureWorld();
    const before = await suggestGroups(lead, project.id, noFilter);
    const [first, second] = before.groups;
    await dismissGroup(lead, project.id, first.noteIds);
    // Two notes of the second group: under half of it.
    await dismissGroup(admin, project.id, second.noteIds.slice(0, 2));
    const stored = await db.dismissedNoteGroup.findMany({ orderBy: { id: "asc" } });
    expect(stored.map((row) => [row.noteIds, row.dismissedById])).toEqual([[first.noteIds, lead.userId], [second.noteIds.slice(0, 2), admin.userId]]);

    const after = await suggestGroups(lead, project.id, noFilter);
    expect(after.dismissedCount).toBe(1);
    expect(after.groups.map((group) => group.key)).toEqual(before.groups.slice(1).map((group) => group.key));
  });

  it("refuses a reviewer, notes of another project and an empty group, storing nothing", async () => {
    const { project, other, reviewer, lead, ids } = await fixtureWorld();
    await expect(dismissGroup(reviewer, project.id, ids.slice(0, 3))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(dismissGroup(lead, other.id, ids.slice(0, 3))).rejects.toBeInstanceOf(NotFoundError);
    await expect(dismissGroup(lead, project.id, [])).rejects.toBeInstanceOf(ValidationError);
    await expect(dismissGroup(lead, project.id, [ids[0], 999_999])).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.dismissedNoteGroup.count()).toBe(0);
  });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("clustering runs off the request thread", () => {
  it("keeps the event loop free while 2,000 notes are clustered (in-thread, the same work blocks it throughout)", async () => {
    const world = await notesWorld(1);
    const notes = generatedNotes(2_000);
    await insertNotes(world.project.id, world.traces[0].id, world.reviewer.userId, notes.map((note) => note.text));
    await suggestGroups(world.lead, world.project.id, noFilter); // warm: worker started, model loaded

    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    await settle(); // the histogram measures from its second tick on
    let turns = 0;
    let done = false;
    const started = performance.now();
    const suggesting = suggestGroups(world.lead, world.project.id, noFilter).finally(() => (done = true));
    // Other work goes on meanwhile: event-loop turns and database queries.
    let queries = 0;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
      if (turns % 50 === 0) {
        await db.$queryRaw`SELECT 1`;
        queries++;
      }
    }
    const result = await suggesting;
    const elapsed = performance.now() - started;
    delay.disable();
    expect(result.noteCount).toBe(2_000);
    expect(result.groups.length).toBeGreaterThan(5);
    expect(queries).toBeGreaterThan(0);
    // The longest the loop was held is a small part of the whole (loading rows, copying them to the worker).
    const longestMs = delay.max / 1e6;
    expect(longestMs).toBeLessThan(elapsed / 4);

    // The same clustering on this thread holds the loop for about all of its time: the check above can fail.
    const inThread = monitorEventLoopDelay({ resolution: 5 });
    inThread.enable();
    await settle();
    const syncStart = performance.now();
    clusterNotes(notes);
    await settle();
    const syncElapsed = performance.now() - syncStart;
    inThread.disable();
    expect(inThread.max / 1e6).toBeGreaterThan(syncElapsed / 2);
  }, 60_000);
});
