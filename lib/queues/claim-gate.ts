// The work screen draws the item held ahead (claimAhead) the moment the
// reviewer submits, before the server has confirmed that submitting handed
// them that very item. A label given on it meanwhile is held here and sent
// only once the claim is confirmed for that item; if the claim handed out
// another item (the one held ahead was lost, say its claim ran out and another
// reviewer took it), the held label is discarded, never applied to the item
// actually claimed, and the screen says so. Browser-side, per screen: nothing
// here is shared between app processes.

export type Confirmation = { ok: true } | { ok: false; reason: string };

export class ClaimGate {
  private pending = new Map<number, { promise: Promise<Confirmation>; settle: (outcome: Confirmation) => void }>();
  private inFlight = new Map<number, Set<Promise<unknown>>>();
  private holding = new Map<number, number>();
  // Items whose claim was not confirmed: still on screen a moment, their saves are refused too.
  private refused = new Map<number, Confirmation>();

  /** The item is on screen before its claim is confirmed: its saves wait. */
  expect(itemId: number): void {
    if (this.pending.has(itemId)) return;
    let settle!: (outcome: Confirmation) => void;
    const promise = new Promise<Confirmation>((resolve) => (settle = resolve));
    this.pending.set(itemId, { promise, settle });
  }

  /** The claim came back: confirmed for this item, or not (with what to tell about held labels). */
  settle(itemId: number, outcome: Confirmation): void {
    const entry = this.pending.get(itemId);
    if (!entry) return;
    this.pending.delete(itemId);
    if (!outcome.ok) this.refused.set(itemId, outcome);
    entry.settle(outcome);
  }

  /** The server rendered the item afresh: what it says now is the truth, held or not. */
  forget(itemId: number): void {
    this.refused.delete(itemId);
  }

  isPending(itemId: number): boolean {
    return this.pending.has(itemId);
  }

  /** Resolves at once for an item never drawn ahead of its claim (the server rendered it, or it is confirmed). */
  whenConfirmed(itemId: number): Promise<Confirmation> {
    return this.pending.get(itemId)?.promise ?? Promise.resolve(this.refused.get(itemId) ?? { ok: true });
  }

  /** How many saves on the item wait for its confirmation now. */
  held(itemId: number): number {
    return this.holding.get(itemId) ?? 0;
  }

  /**
   * A save on the item: run once its claim is confirmed; answered by
   * `refused(reason)` instead, without running, when it is not.
   */
  run<T>(itemId: number, work: () => Promise<T>, refused: (reason: string) => T): Promise<T> {
    const waiting = this.pending.has(itemId);
    if (waiting) this.holding.set(itemId, this.held(itemId) + 1);
    const run = this.whenConfirmed(itemId).then((outcome) => {
      if (waiting) this.holding.set(itemId, this.held(itemId) - 1);
      return outcome.ok ? work() : refused(outcome.reason);
    });
    const runs = this.inFlight.get(itemId) ?? new Set();
    this.inFlight.set(itemId, runs);
    runs.add(run);
    const done = () => runs.delete(run);
    run.then(done, done);
    return run;
  }

  /** Waits for the item's saves under way (held or sent), so a submit follows them. */
  async settled(itemId: number): Promise<void> {
    const runs = this.inFlight.get(itemId);
    if (runs?.size) await Promise.allSettled([...runs]);
  }
}
