import { describe, expect, it } from "vitest";
import { ClaimGate } from "./claim-gate";

// The work screen's hold on labels given to an item drawn before its claim is
// confirmed (components/queues/work-screen-client.tsx).
describe("claim gate", () => {
  it("runs a save at once on an item that was never drawn ahead of its claim", async () => {
    const gate = new ClaimGate();
    const sent: string[] = [];
    expect(await gate.run(7, async () => (sent.push("pass"), "saved"), () => "refused")).toBe("saved");
    expect(sent).toEqual(["pass"]);
  });

  it("holds a label until the claim is confirmed for that item, then sends it", async () => {
    const gate = new ClaimGate();
    gate.expect(8);
    const sent: string[] = [];
    const save = gate.run(8, async () => (sent.push("pass"), "saved"), () => "refused");
    await Promise.resolve();
    expect(sent).toEqual([]);
    expect(gate.held(8)).toBe(1);
    gate.settle(8, { ok: true });
    expect(await save).toBe("saved");
    expect(sent).toEqual(["pass"]);
    expect(gate.held(8)).toBe(0);
    // Confirmed: later saves go straight through.
    expect(gate.isPending(8)).toBe(false);
    expect(await gate.run(8, async () => "saved again", () => "refused")).toBe("saved again");
  });

  it("discards a held label, unsent, when the claim handed out another item", async () => {
    const gate = new ClaimGate();
    gate.expect(9);
    let sent = 0;
    const save = gate.run(9, async () => String(++sent), (reason) => reason);
    gate.settle(9, { ok: false, reason: "another reviewer has item 9" });
    expect(await save).toBe("another reviewer has item 9");
    expect(sent).toBe(0);
    // Still on screen a moment: a label given now is refused too, until the server renders the item afresh.
    expect(await gate.run(9, async () => String(++sent), (reason) => reason)).toBe("another reviewer has item 9");
    expect(sent).toBe(0);
    gate.forget(9);
    expect(await gate.run(9, async () => String(++sent), (reason) => reason)).toBe("1");
    // Other items are not held back by it.
    expect(await gate.run(10, async () => "saved", () => "refused")).toBe("saved");
  });

  it("lets a submit wait for the saves under way on its item, held ones included", async () => {
    const gate = new ClaimGate();
    gate.expect(11);
    const order: string[] = [];
    void gate.run(11, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push("label saved");
    }, () => undefined);
    const submit = (async () => {
      expect(await gate.whenConfirmed(11)).toEqual({ ok: true });
      await gate.settled(11);
      order.push("submitted");
    })();
    gate.settle(11, { ok: true });
    await submit;
    expect(order).toEqual(["label saved", "submitted"]);
  });
});
