import type { ShownAnnotation } from "./target-annotations";

/** The reader's own annotation of a rubric among those shown. */
export function mineFor(annotations: ShownAnnotation[], name: string, documentPosition = -1) {
  const own = annotations.find((a) => a.mine && a.name === name && a.documentPosition === documentPosition);
  return own ? { id: own.id, label: own.label, score: own.score, explanation: own.explanation } : null;
}
