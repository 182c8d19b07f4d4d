"use client";

import { useLayoutEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { cardStatus, differs, draftOf, isGiven, refusalMessage, type CardDraft, type CardStatus, type StoredValue } from "@/lib/review/card-state";
import type { ReviewRubric } from "@/lib/review/rubric-values";
import { useReviewSaved } from "./review-saved";
import { toReviewInput, type ResultValue, type ReviewTarget } from "./review-target";

export type MyAnnotation = StoredValue & { id: number };
// A refused save: the reason, and the value that was not stored (shown struck out).
export type Refusal = { message: string; notSaved: string | null };
export type { CardStatus };

/** The window event a card sends when a save it started is refused after the reviewer moved on. */
export const REFUSED_AFTER_LEAVING = "review-save-refused";

const unreachable: ActionState = { status: "error", message: "The server could not be reached; nothing was saved." };

// One card's truth: what the server holds (`stored`), what the reviewer typed
// (`draft`), saves in flight and the last refusal. A refused value is not shown
// as stored: the score box rolls back and the refused value is named apart.
// Saves of one card run one after another, so the last one wins.
export function useRubricDraft(rubric: ReviewRubric, target: ReviewTarget, mine: MyAnnotation | null, withExplanation: boolean, required: boolean) {
  const [seen, setSeen] = useState(mine);
  const [stored, setStored] = useState(mine);
  const [draft, setDraftState] = useState(() => draftOf(mine));
  const [picking, setPicking] = useState<string | null>(null);
  const [saving, setSaving] = useState(0);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Read by the keys between renders (Enter right after a pick): updated as soon as known.
  // `picking`: a label on its way to the server; the keys count it as given (optimistic).
  const live = useRef({ stored, draft, refusals: 0, reason: null as string | null, picking: null as string | null, pickedDraft: null as CardDraft | null, mounted: true });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const { onSaved: saved, save: saveAnnotationAction, clear: clearAnnotationAction } = useReviewSaved();
  useLayoutEffect(() => {
    live.current.stored = stored;
    live.current.draft = draft;
  });
  useLayoutEffect(() => {
    live.current.mounted = true;
    return () => {
      live.current.mounted = false;
    };
  }, []);

  if (mine !== seen) {
    // A refresh brings the server's values: they are the truth; a draft being typed stays.
    setSeen(mine);
    setStored(mine);
    if (!differs(rubric, stored, draft, withExplanation)) setDraftState(draftOf(mine));
  }

  const setDraft = (change: Partial<CardDraft>) => {
    live.current.draft = { ...live.current.draft, ...change };
    live.current.reason = null;
    setDraftState(live.current.draft);
    setRefusal(null);
  };
  const refuse = (message: string, notSaved: string | null) => {
    // The reviewer may have moved on before a label's save was refused: ReviewKeys tells them.
    if (!live.current.mounted) window.dispatchEvent(new CustomEvent(REFUSED_AFTER_LEAVING, { detail: `${rubric.name} not saved: ${message}` }));
    live.current.refusals += 1;
    live.current.reason = message;
    setRefusal({ message, notSaved });
    if (rubric.type === "CONTINUOUS") {
      live.current.draft = { ...live.current.draft, score: draftOf(live.current.stored).score };
      setDraftState(live.current.draft);
    }
    return false;
  };
  const enqueue = (work: () => Promise<boolean>): Promise<boolean> => {
    setSaving((count) => count + 1);
    live.current.reason = null;
    setRefusal(null);
    const run = queue.current.then(work).finally(() => setSaving((count) => count - 1));
    queue.current = run.catch(() => false);
    return run;
  };

  const save = (result: ResultValue, notSaved: string | null) =>
    enqueue(async () => {
      const outcome = await saveAnnotationAction(toReviewInput(target, rubric.name, result)).catch(() => unreachable);
      setPicking((label) => (label === result.label ? null : label));
      if (live.current.picking === result.label) live.current.picking = null;
      if (outcome.status === "error") return refuse(refusalMessage(outcome), notSaved);
      const next = { id: (outcome.status === "success" && outcome.data) || live.current.stored?.id || 0, label: result.label ?? null, score: result.score ?? null, explanation: result.explanation ?? null };
      live.current.stored = next;
      setStored(next);
      saved();
      return true;
    });

  const explanationToSave = () => (withExplanation ? live.current.draft.explanation.trim() || null : undefined);

  const pick = (label: string) => {
    live.current.picking = label;
    live.current.pickedDraft = live.current.draft;
    setPicking(label);
    return save({ label, explanation: explanationToSave() }, label);
  };

  /** Saves what is pending; false when a save of this card was refused meanwhile. */
  const flush = async (): Promise<boolean> => {
    const before = live.current.refusals;
    // Saving is optimistic: a label on its way (and nothing else changed) does
    // not hold the reviewer back; a refusal is still told, by ReviewKeys if they moved on.
    if (live.current.picking !== null && live.current.draft === live.current.pickedDraft) return true;
    await queue.current;
    if (live.current.refusals > before) return false;
    const { stored: held, draft: typed } = live.current;
    if (!differs(rubric, held, typed, withExplanation)) return true;
    const explanation = explanationToSave();
    if (rubric.type === "FREEFORM") return save({ explanation: typed.explanation.trim() || null }, null);
    if (rubric.type === "CATEGORICAL") {
      return held?.label ? save({ label: held.label, explanation }, null) : refuse("Pick a label first: the explanation is saved with it.", null);
    }
    const text = typed.score.trim();
    if (text === "") return refuse(held ? `Score is required (“Clear my ${rubric.name}” removes it)` : "Give a score first: the explanation is saved with it.", null);
    const score = Number(text);
    return Number.isFinite(score) ? save({ score, explanation }, text) : refuse("Score must be a number", text);
  };

  const clear = () => {
    const id = live.current.stored?.id;
    if (!id) return;
    void enqueue(async () => {
      const outcome = await clearAnnotationAction(id).catch(() => unreachable);
      if (outcome.status === "error") return refuse(refusalMessage(outcome), null);
      live.current.stored = null;
      setStored(null);
      setDraft(draftOf(null));
      saved();
      return true;
    });
  };

  const given = () => live.current.picking !== null || isGiven(rubric, live.current.stored);
  const pending = differs(rubric, stored, draft, withExplanation);
  const status = cardStatus({ saving: saving > 0, refused: refusal !== null, pending, stored: stored !== null, required });
  const reason = () => live.current.reason;

  return { stored, draft, shownLabel: picking ?? stored?.label ?? null, status, refusal, setDraft, pick, flush, clear, given, reason };
}
