// Sparse TF-IDF vectors, L2-normalised, so a dot product is the cosine similarity.

export type SparseVector = { terms: Int32Array; weights: Float64Array };

export type TfIdf = {
  vocabulary: string[];
  vectors: SparseVector[];
  // Per term: in how many notes it occurs.
  documentFrequency: Int32Array;
};

/**
 * Sublinear term frequency (1 + ln tf) times smoothed IDF (ln((1 + n) / (1 + df)) + 1).
 * Terms in fewer than `minDocuments` notes are left out: a word only one note
 * uses makes no note similar to another, and would only dilute that note's vector.
 */
export function tfIdf(documents: string[][], minDocuments = 2): TfIdf {
  const df = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  // Sorted vocabulary: term indices (and so every later tie-break) do not depend on map order.
  const vocabulary = [...df.keys()].filter((term) => df.get(term)! >= minDocuments).sort();
  const index = new Map(vocabulary.map((term, i) => [term, i]));
  const documentFrequency = Int32Array.from(vocabulary, (term) => df.get(term)!);
  const n = documents.length;
  const idf = Float64Array.from(documentFrequency, (d) => Math.log((1 + n) / (1 + d)) + 1);

  const vectors = documents.map((terms) => {
    const tf = new Map<number, number>();
    for (const term of terms) {
      const i = index.get(term);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(ids, (i) => (1 + Math.log(tf.get(i)!)) * idf[i]);
    let norm = 0;
    for (const w of weights) norm += w * w;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { terms: ids, weights };
  });
  return { vocabulary, vectors, documentFrequency };
}

// Similarities are stored as 16-bit fixed point (1 = 65535): precise to 2e-5,
// far finer than any threshold a lead picks, at half the memory of float32.
export const SIMILARITY_SCALE = 65535;

// The matrix of the last call, kept for the next one: on these machines first
// touching fresh memory costs ~5 ms per MB (0.5 s for 100 MB), rewriting it ~0.1.
let scratch: Uint16Array | undefined;

/**
 * All pairwise cosine similarities as a square n × n matrix (row-major, so a
 * row is contiguous for the clustering's scans) of SIMILARITY_SCALE fixed point,
 * through an inverted index so that only pairs sharing a term cost anything.
 * 5,000 notes take 50 MB. The matrix is reused by the next call of the thread.
 */
export function cosineSimilarities(vectors: SparseVector[], vocabularySize: number): Uint16Array {
  const n = vectors.length;
  if (!scratch || scratch.length < n * n) scratch = new Uint16Array(n * n);
  const similarities = scratch.subarray(0, n * n);
  // Postings: per term, the notes (ascending) and their weights.
  const start = new Int32Array(vocabularySize + 1); // postings of t: start[t]..start[t + 1]
  for (const v of vectors) for (const t of v.terms) start[t + 1]++;
  for (let t = 0; t < vocabularySize; t++) start[t + 1] += start[t];
  const fill = start.slice(0, vocabularySize);
  const postingDoc = new Int32Array(start[vocabularySize]);
  const postingWeight = new Float64Array(start[vocabularySize]);
  for (let d = 0; d < n; d++) {
    const { terms, weights } = vectors[d];
    for (let k = 0; k < terms.length; k++) {
      const at = fill[terms[k]]++;
      postingDoc[at] = d;
      postingWeight[at] = weights[k];
    }
  }
  // The upper triangle, row by row. next[t]: the first posting of t past the
  // note being processed (notes go in ascending order).
  const next = start.slice(0, vocabularySize);
  const accumulator = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { terms, weights } = vectors[i];
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k];
      const w = weights[k];
      const end = start[t + 1];
      next[t]++; // skip note i itself
      for (let p = next[t]; p < end; p++) accumulator[postingDoc[p]] += w * postingWeight[p];
    }
    const row = i * n;
    similarities[row + i] = SIMILARITY_SCALE;
    for (let j = i + 1; j < n; j++) {
      similarities[row + j] = Math.min(SIMILARITY_SCALE, Math.round(accumulator[j] * SIMILARITY_SCALE));
      accumulator[j] = 0;
    }
  }
  // The lower triangle mirrors it, copied in tiles so both sides stay in cache.
  const tile = 64;
  for (let bi = 0; bi < n; bi += tile) {
    for (let bj = bi; bj < n; bj += tile) {
      for (let i = bi; i < Math.min(bi + tile, n); i++) {
        for (let j = Math.max(bj, i + 1); j < Math.min(bj + tile, n); j++) similarities[j * n + i] = similarities[i * n + j];
      }
    }
  }
  return similarities;
}
