// Compact numbers for a dense UI: durations and token counts.

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms === 0) return "0ms";
  if (ms < 1) return `${Math.round(ms * 1000)}µs`;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m ${seconds}s`;
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat("en-US").format(count);
}

// Scores from retrievers range from cosine similarities to BM25 sums.
export function formatScore(score: number): string {
  return Math.abs(score) >= 100 ? score.toFixed(0) : Number(score.toPrecision(3)).toString();
}

// Timestamps render on the server: print UTC explicitly rather than the server's zone.
export function formatTimestamp(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 23)} UTC`;
}
