import type { ReviewRubric } from "./rubric-values";

// What a rubric card shows, worked out from what the server holds and what the
// reviewer typed. Pure, so the review forms and their tests share one rule.

export type StoredValue = { label: string | null; score: number | null; explanation: string | null };
export type CardDraft = { score: string; explanation: string };
export type CardStatus = "saving" | "refused" | "unsaved" | "saved" | "required" | "empty";
type Refused = { message: string; fieldErrors?: Record<string, string[] | undefined> };

export const draftOf = (stored: StoredValue | null): CardDraft => ({
  score: stored?.score == null ? "" : String(stored.score),
  explanation: stored?.explanation ?? "",
});

/** Whether the card shows something the server does not hold (a score typed, text changed). */
export function differs(rubric: Pick<ReviewRubric, "type">, stored: StoredValue | null, draft: CardDraft, withExplanation: boolean): boolean {
  if (rubric.type === "CONTINUOUS") {
    const text = draft.score.trim();
    if (text === "" ? stored?.score != null : Number(text) !== stored?.score) return true;
  }
  return withExplanation && draft.explanation.trim() !== (stored?.explanation ?? "").trim();
}

/**
 * Required before Enter moves on in review mode: the rubrics a lead marked
 * required, on the screen's item (the trace or the session). On spans and
 * documents, which a reviewer may never open, nothing is required.
 */
export const isRequired = (rubric: Pick<ReviewRubric, "required">, target: "TRACE" | "SPAN" | "DOCUMENT" | "SESSION") =>
  rubric.required && (target === "TRACE" || target === "SESSION");

export function isGiven(rubric: Pick<ReviewRubric, "type">, stored: StoredValue | null): boolean {
  if (rubric.type === "CATEGORICAL") return Boolean(stored?.label);
  if (rubric.type === "CONTINUOUS") return stored?.score != null;
  return Boolean(stored?.explanation?.trim());
}

/** One word for the card; "saved" only when the server holds what the card shows. */
export function cardStatus(state: { saving: boolean; refused: boolean; pending: boolean; stored: boolean; required: boolean }): CardStatus {
  if (state.saving) return "saving";
  if (state.refused) return "refused";
  if (state.pending) return "unsaved";
  if (state.stored) return "saved";
  return state.required ? "required" : "empty";
}

/** A refusal as a sentence, naming the field the server refused. */
export function refusalMessage(outcome: Refused): string {
  const field = (name: string) => outcome.fieldErrors?.[name]?.[0];
  if (field("score")) return `Score ${field("score")}`;
  if (field("label")) return `Label ${field("label")}`;
  if (field("explanation")) return `Text ${field("explanation")}`;
  return outcome.message;
}
