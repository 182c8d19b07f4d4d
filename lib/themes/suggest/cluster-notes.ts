import type { SuggestedGroup } from "@/lib/themes/theme-types";
import { averageLinkage } from "./average-linkage";
import { DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_GROUP_SIZE, MIN_THRESHOLD } from "./cluster-options";
import { noteTerms, surfaceOf, type NoteTerms } from "./note-terms";
import { cosineSimilarities, tfIdf, type SparseVector, type TfIdf } from "./tf-idf";

// "Suggest groups": notes → TF-IDF (unigram stems + word bigrams) → cosine
// similarity → average-linkage clustering cut at the lead's threshold.
// Pure and deterministic: the same notes give the same groups in the same order,
// whatever order they come in.

const TOP_TERMS = 5;
const NAME_TERMS = 3;
const EXAMPLES = 3;

export type ClusterNote = { id: number; text: string };

export function clusterNotes(input: ClusterNote[], { threshold = DEFAULT_THRESHOLD }: { threshold?: number } = {}): SuggestedGroup[] {
  if (!(threshold >= MIN_THRESHOLD && threshold <= MAX_THRESHOLD)) {
    throw new RangeError(`threshold must be between ${MIN_THRESHOLD} and ${MAX_THRESHOLD}, got ${threshold}`);
  }
  // Sorted by id, duplicates of an id dropped: the result does not depend on the input's order.
  const notes = [...new Map(input.map((note) => [note.id, note])).values()].sort((a, b) => a.id - b.id);
  if (notes.length < MIN_GROUP_SIZE) return [];
  const terms = noteTerms(notes.map((note) => note.text));
  const model = tfIdf(terms.terms);
  const similarities = cosineSimilarities(model.vectors, model.vocabulary.length);
  const cluster = averageLinkage(notes.length, similarities, threshold);

  const members = new Map<number, number[]>();
  for (let i = 0; i < notes.length; i++) {
    const list = members.get(cluster[i]);
    if (list) list.push(i);
    else members.set(cluster[i], [i]);
  }
  const corpusMean = meanVector(model.vectors, model.vectors.map((_, i) => i), model.vocabulary.length);
  return [...members.values()]
    .filter((group) => group.length >= MIN_GROUP_SIZE)
    .map((group) => describeGroup(group, notes, model, terms, corpusMean))
    .sort((a, b) => b.noteIds.length - a.noteIds.length || a.noteIds[0] - b.noteIds[0]);
}

function describeGroup(group: number[], notes: ClusterNote[], model: TfIdf, terms: NoteTerms, corpusMean: Float64Array): SuggestedGroup {
  const noteIds = group.map((i) => notes[i].id); // ascending: notes are sorted by id
  const centroid = meanVector(model.vectors, group, model.vocabulary.length);
  const topTerms = distinctiveTerms(centroid, corpusMean, model.vocabulary).map((term) => surfaceOf(terms.surfaces, term));
  // The notes nearest the group's centre show what it is about; ties to the smaller id.
  // Three copies of one text would show one example: each text once.
  const seen = new Set<string>();
  const examples = group
    .map((i) => ({ i, closeness: dot(model.vectors[i], centroid) }))
    .sort((a, b) => b.closeness - a.closeness || a.i - b.i)
    .filter(({ i }) => {
      const text = notes[i].text.trim().toLowerCase();
      return !seen.has(text) && seen.add(text);
    })
    .slice(0, EXAMPLES)
    .map(({ i }) => ({ id: notes[i].id, text: notes[i].text }));
  return {
    key: `${noteIds[0]}-${noteIds.length}`,
    topTerms,
    proposedName: proposedName(topTerms),
    noteIds,
    examples,
  };
}

/**
 * The group's terms by how much more weight they carry in the group than in the
 * whole corpus (group mean minus corpus mean TF-IDF). A bigram whose two words
 * were both chosen takes the place of the first of them ("wrong tool", not
 * "tool, wrong"); a term whose words are all shown already adds nothing.
 */
function distinctiveTerms(centroid: Float64Array, corpusMean: Float64Array, vocabulary: string[]): string[] {
  const order: number[] = [];
  for (let t = 0; t < centroid.length; t++) if (centroid[t] > corpusMean[t]) order.push(t);
  order.sort((a, b) => centroid[b] - corpusMean[b] - (centroid[a] - corpusMean[a]) || a - b);
  const chosen: string[] = [];
  // Past the first few dozen terms, weights are too small for a bigram to be worth a merge.
  for (const t of order.slice(0, 8 * TOP_TERMS)) {
    const term = vocabulary[t];
    const parts = term.split(" ");
    const shown = new Set(chosen.flatMap((c) => c.split(" ")));
    if (parts.length === 2 && parts[0] !== parts[1] && parts.every((part) => chosen.includes(part))) {
      const [first, second] = parts.map((part) => chosen.indexOf(part)).sort((a, b) => a - b);
      chosen.splice(second, 1);
      chosen[first] = term;
    } else if (chosen.length < TOP_TERMS && !parts.every((part) => shown.has(part))) {
      chosen.push(term);
    }
  }
  return chosen.slice(0, TOP_TERMS);
}

function proposedName(topTerms: string[]): string {
  const name = topTerms.slice(0, NAME_TERMS).join(", ");
  return name ? name[0].toUpperCase() + name.slice(1) : "Unnamed group";
}

function meanVector(vectors: SparseVector[], rows: number[], size: number): Float64Array {
  const mean = new Float64Array(size);
  for (const i of rows) {
    const { terms, weights } = vectors[i];
    for (let k = 0; k < terms.length; k++) mean[terms[k]] += weights[k] / rows.length;
  }
  return mean;
}

function dot(vector: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < vector.terms.length; k++) sum += vector.weights[k] * dense[vector.terms[k]];
  return sum;
}
