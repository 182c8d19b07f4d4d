import { SIMILARITY_SCALE } from "./tf-idf";

/**
 * Average-linkage agglomerative clustering of n items, cut at a similarity
 * threshold: two clusters merge while their mean pairwise similarity is at least
 * `threshold`. Returns each item's cluster as the smallest item index in it.
 *
 * Written here rather than taken from a library, measured on this machine:
 * ml-hclust's agnes() (average linkage over a distance matrix) took 2.0 s at
 * 1,000 items and 19 s at 2,000 (cubic), so 5,000 notes would take minutes;
 * hdbscan-ts takes dense points with Euclidean distance only (no sparse or
 * precomputed cosine, no similarity threshold) and took 11 s at 500 points of
 * 1,000 dimensions, 134 s at 1,000. This is the nearest-neighbour-chain algorithm (Murtagh), O(n²)
 * time on the square similarity matrix (row-major: each scan reads one row),
 * updated in place with the Lance–Williams formula for average linkage.
 *
 * The cut needs no full dendrogram: average linkage is reducible (the similarity
 * to a merged cluster is a weighted mean, never above the larger of the two), so a
 * cluster whose best similarity is below the threshold can never again reach it,
 * and is set aside for good. Ties go to the previous chain link (which keeps the
 * chain from cycling), then to the smallest index, so the result depends only on
 * the order of the items.
 *
 * `similarities` (n × n, fixed point, see tf-idf.ts) is consumed (overwritten).
 */
export function averageLinkage(n: number, similarities: Uint16Array, threshold: number): Int32Array {
  const cut = Math.round(threshold * SIMILARITY_SCALE);
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  // The active clusters as a compact list too, so scans skip the merged and the final ones.
  const alive = Int32Array.from({ length: n }, (_, i) => i);
  const position = Int32Array.from({ length: n }, (_, i) => i);
  let aliveCount = n;
  const retire = (x: number) => {
    active[x] = 0;
    const last = alive[--aliveCount];
    alive[position[x]] = last;
    position[last] = position[x];
  };
  const chain: number[] = [];
  let nextStart = 0;

  for (;;) {
    if (chain.length === 0) {
      while (nextStart < n && !active[nextStart]) nextStart++;
      if (nextStart >= n) break;
      chain.push(nextStart);
    }
    const a = chain[chain.length - 1];
    const previous = chain.length > 1 ? chain[chain.length - 2] : -1;
    // The most similar other active cluster to a.
    let best = -1;
    let bestSim = -Infinity;
    const row = a * n;
    if (previous >= 0) {
      best = previous;
      bestSim = similarities[row + previous];
    }
    for (let p = 0; p < aliveCount; p++) {
      const k = alive[p];
      if (k === a) continue;
      const s = similarities[row + k];
      // Ties: the previous link stays; otherwise the smallest index (the list is in no order).
      if (s > bestSim || (s === bestSim && best !== previous && k < best)) {
        best = k;
        bestSim = s;
      }
    }
    if (best < 0 || bestSim < cut) {
      // Nothing reaches the threshold from a, now or after any later merge: a is final.
      retire(a);
      chain.pop();
      continue;
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    // a and previous are each other's nearest: merge them into the smaller index.
    chain.length -= 2;
    const keep = Math.min(a, best);
    const gone = Math.max(a, best);
    const sk = size[keep];
    const sg = size[gone];
    const keepRow = keep * n;
    const goneRow = gone * n;
    retire(gone);
    for (let p = 0; p < aliveCount; p++) {
      const k = alive[p];
      if (k === keep) continue;
      const merged = Math.round((sk * similarities[keepRow + k] + sg * similarities[goneRow + k]) / (sk + sg));
      similarities[keepRow + k] = merged;
      similarities[k * n + keep] = merged;
    }
    size[keep] = sk + sg;
    parent[gone] = keep;
  }

  // Every item's cluster: follow merges to the root (the root is always the smallest index).
  const cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    cluster[i] = r;
  }
  return cluster;
}
