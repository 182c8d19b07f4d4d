import { mergeRollup } from "@/lib/dashboards/merge-rollup";

/**
 * Unmerged pattern rows of a project above which a read merges them first. A
 * write statement appends at most two per item and value kind it changes (the
 * old pattern −1, the new +1); a read sums them per pattern, a few hundred rows
 * cost it under a millisecond or so.
 */
export const MERGE_AFTER_ROWS = 2000;

/** Merges the project's agreement_pattern_counts rows once enough unmerged ones piled up (see mergeRollup). */
export function mergeAgreementPatterns(projectId: number, { force = false } = {}): Promise<void> {
  return mergeRollup("agreement_pattern_counts", projectId, { after: MERGE_AFTER_ROWS, force });
}
