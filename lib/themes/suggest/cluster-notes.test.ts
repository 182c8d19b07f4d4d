import { describe, expect, it } from "vitest";
import { clusterNotes } from "./cluster-notes";
import { DEFAULT_THRESHOLD } from "./cluster-options";
import { failureNoteFixture } from "./fixtures/failure-notes";

// Adjusted Rand index (Hubert & Arabie) of two labellings of the same items: 1 is
// the same partition, ~0 is chance agreement.
function adjustedRandIndex(a: string[], b: string[]): number {
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const tally = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts.values()].reduce((sum, c) => sum + pairs(c), 0);
  };
  const index = tally(a.map((x, i) => `${x}\u0000${b[i]}`));
  const [sumA, sumB] = [tally(a), tally(b)];
  const expected = (sumA * sumB) / pairs(a.length);
  return (index - expected) / ((sumA + sumB) / 2 - expected);
}

const { notes, modeOf } = failureNoteFixture();

// Notes in no group are each their own cluster; noise notes are each their own mode.
function agreement(groups: { noteIds: number[] }[]): number {
  const groupOf = new Map<number, string>();
  groups.forEach((group, g) => group.noteIds.forEach((id) => groupOf.set(id, `group ${g}`)));
  const truth = notes.map((note) => (modeOf.get(note.id) === "noise" ? `noise ${note.id}` : modeOf.get(note.id)!));
  const found = notes.map((note) => groupOf.get(note.id) ?? `alone ${note.id}`);
  return adjustedRandIndex(truth, found);
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("clusterNotes", () => {
  it("the ARI helper is right on known partitions", () => {
    expect(adjustedRandIndex(["a", "a", "b", "b"], ["x", "x", "y", "y"])).toBe(1);
    expect(adjustedRandIndex(["a", "a", "b", "b"], ["x", "y", "x", "y"])).toBeCloseTo(-0.5);
  });

  it("finds the fixture's five failure modes (adjusted Rand index ≥ 0.6)", () => {
    expect(notes.length).toBeGreaterThanOrEqual(65);
    const groups = clusterNotes(notes);
    expect(agreement(groups)).toBeGreaterThanOrEqual(0.6);
    // Each mode's notes mostly sit in one group named after it.
    const named = (word: string) => groups.find((group) => group.proposedName.toLowerCase().includes(word));
    for (const [word, mode] of [["refund", "refund-policy"], ["tool", "wrong-tool"], ["document", "ignored-document"], ["rude", "rude-tone"]] as const) {
      const group = named(word);
      expect(group, `a group named after "${word}"`).toBeDefined();
      const ofMode = group!.noteIds.filter((id) => modeOf.get(id) === mode).length;
      expect(ofMode / group!.noteIds.length).toBeGreaterThanOrEqual(0.8);
      expect(ofMode).toBeGreaterThanOrEqual(9);
    }
  });

  it("describes each group: top terms in readable words, a name from them, three examples from the group", () => {
    const groups = clusterNotes(notes);
    const tools = groups.find((group) => group.topTerms.includes("wrong tool"))!;
    expect(tools.proposedName).toMatch(/^Wrong tool, /);
    const refunds = groups.find((group) => group.topTerms.includes("refund policy"))!;
    // De-stemmed: the written word, not Porter's "polici".
    expect(refunds.topTerms.join(" ")).not.toMatch(/polici\b/);
    for (const group of groups) {
      expect(group.noteIds.length).toBeGreaterThanOrEqual(3);
      expect(group.key).toBe(`${Math.min(...group.noteIds)}-${group.noteIds.length}`);
      expect(group.examples).toHaveLength(3);
      for (const example of group.examples) {
        expect(group.noteIds).toContain(example.id);
        expect(example.text).toBe(notes.find((note) => note.id === example.id)!.text);
      }
      expect(group.topTerms.length).toBeGreaterThan(0);
    }
    const sizes = groups.map((group) => group.noteIds.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it("shows each example text once, and does not group replies by their agreeing words alone", () => {
    const copies = ["Wrong tool: create_ticket before lookup_order.", "Wrong tool: create_ticket before lookup_order.", "Wrong tool: create_ticket before lookup_order.", "Wrong tool again: create_ticket instead of lookup_order."];
    const replies = ["Agree, invented policy.", "Agree on tone.", "+1, same here. Agree.", "Agree, it asked twice.", "Agreed, wrong tool."];
    const groups = clusterNotes([...copies, ...replies].map((text, i) => ({ id: i + 1, text })));
    const tools = groups.find((group) => group.noteIds.includes(1))!;
    const shown = tools.examples.map((example) => example.text);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toEqual(expect.arrayContaining([copies[0], copies[3]]));
    expect(groups.flatMap((group) => group.topTerms)).not.toContain("agree");
    // The replies share nothing but "agree": no group of theirs.
    expect(groups.filter((group) => group.noteIds.some((id) => id > copies.length && id !== 9)).every((group) => group.noteIds.includes(1))).toBe(true);
  });

  it("is deterministic: the same notes in any order give the same groups in the same order", () => {
    const first = clusterNotes(notes);
    expect(clusterNotes(notes)).toEqual(first);
    expect(clusterNotes(shuffled(notes, 7))).toEqual(first);
    expect(clusterNotes(shuffled(notes, 42))).toEqual(first);
  });

  it("the threshold changes the grouping: higher asks for closer notes", () => {
    const loose = clusterNotes(notes, { threshold: 0.1 });
    const strict = clusterNotes(notes, { threshold: 0.5 });
    const grouped = (groups: { noteIds: number[] }[]) => groups.reduce((sum, group) => sum + group.noteIds.length, 0);
    expect(grouped(strict)).toBeLessThan(grouped(loose));
    expect(clusterNotes(notes, { threshold: DEFAULT_THRESHOLD })).not.toEqual(strict);
    expect(clusterNotes(notes, { threshold: 0.95 })).toEqual([]);
  });

  it("rejects a threshold out of range and needs at least three notes", () => {
    expect(() => clusterNotes(notes, { threshold: 0.01 })).toThrow(/threshold/);
    expect(() => clusterNotes(notes, { threshold: 1 })).toThrow(/threshold/);
    expect(clusterNotes(notes.slice(0, 2))).toEqual([]);
    expect(clusterNotes([])).toEqual([]);
  });
});
