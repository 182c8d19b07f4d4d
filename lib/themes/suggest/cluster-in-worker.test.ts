import { afterAll, describe, expect, it } from "vitest";
import { clusterNotesInWorker, prepareClusterWorker, stopClusterWorker } from "./cluster-in-worker";
import { clusterNotes } from "./cluster-notes";
import { failureNoteFixture } from "./fixtures/failure-notes";

afterAll(() => stopClusterWorker());

const { notes } = failureNoteFixture();

describe("clusterNotesInWorker", () => {
  it("gives what clusterNotes gives on this thread, after a prepared start", async () => {
    prepareClusterWorker();
    expect(await clusterNotesInWorker(notes, 0.2)).toEqual(clusterNotes(notes, { threshold: 0.2 }));
  }, 120_000); // starting the worker loads tsx and the language model

  it("passes the worker's errors on and keeps serving; requests sent together all get their own answer", async () => {
    await expect(clusterNotesInWorker(notes, 3)).rejects.toThrow(/threshold must be between/);
    const [loose, strict] = await Promise.all([clusterNotesInWorker(notes, 0.1), clusterNotesInWorker(notes, 0.5)]);
    expect(loose).toEqual(clusterNotes(notes, { threshold: 0.1 }));
    expect(strict).toEqual(clusterNotes(notes, { threshold: 0.5 }));
  }, 60_000);

  it("starts a new worker after one was stopped", async () => {
    await stopClusterWorker();
    expect(await clusterNotesInWorker(notes.slice(0, 30), 0.2)).toEqual(clusterNotes(notes.slice(0, 30), { threshold: 0.2 }));
  }, 120_000);
});
