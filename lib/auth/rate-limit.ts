import { prisma } from "@/lib/db";

// Failed sign-ins and bad API keys are counted per bucket in fixed windows, in
// Postgres (table rate_limits), so every app process on one database counts
// the same failures. Counting is one upsert for all of an attempt's buckets,
// and returns the counts after it: two concurrent attempts can never both see
// the last free slot, so a burst of parallel guesses gets no more tries than
// a patient guesser.
export type Bucket = { key: string; limit: number; windowSeconds: number };
export type Count = { key: string; count: number; limit: number; retryAfterSeconds: number; over: boolean };

type Row = { bucket: string; count: number; retryAfter: number };

/** Counts one attempt in each bucket; the result is in the order of `buckets`. */
export async function countAttempt(buckets: Bucket[]): Promise<Count[]> {
  await pruneNowAndThen();
  // Rows are locked in key order, so two attempts on overlapping buckets never deadlock.
  const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = await prisma.$queryRaw<Row[]>`
    INSERT INTO rate_limits (bucket, count, reset_at)
    SELECT bucket, 1, now() + make_interval(secs => seconds)
    FROM unnest(${sorted.map((b) => b.key)}::text[], ${sorted.map((b) => b.windowSeconds)}::int[]) AS t(bucket, seconds)
    ON CONFLICT (bucket) DO UPDATE SET
      count = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.count + 1 END,
      reset_at = CASE WHEN rate_limits.reset_at <= now() THEN excluded.reset_at ELSE rate_limits.reset_at END
    RETURNING bucket, count, greatest(1, ceil(extract(epoch FROM reset_at - now())))::int AS "retryAfter"`;
  const byKey = new Map(rows.map((row) => [row.bucket, row]));
  return buckets.map(({ key, limit }) => {
    const row = byKey.get(key)!;
    return { key, count: row.count, limit, retryAfterSeconds: row.retryAfter, over: row.count > limit };
  });
}

/** Takes back one counted attempt that turned out fine: `clear` buckets start over, `decrement` ones lose one. */
export async function forgiveAttempt({ clear, decrement }: { clear: string[]; decrement: string[] }): Promise<void> {
  await prisma.$executeRaw`
    WITH cleared AS (DELETE FROM rate_limits WHERE bucket = ANY(${clear}::text[]))
    UPDATE rate_limits SET count = greatest(count - 1, 0)
    WHERE bucket = ANY(${decrement}::text[]) AND reset_at > now()`;
}

/** The longest wait among the buckets over their limit, or 0. */
export const retryAfter = (counts: Count[]) => Math.max(0, ...counts.filter((c) => c.over).map((c) => c.retryAfterSeconds));

// Dead rows (window over) are deleted at most once a minute per process, by
// the reset_at index: the table holds only the buckets of the last window.
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

async function pruneNowAndThen(): Promise<void> {
  const now = Date.now();
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  await prisma.$executeRaw`DELETE FROM rate_limits WHERE reset_at < now() - interval '1 minute'`;
}

// Sign-in: 5 failures per (email, address) lock that pair out for 15 minutes;
// 50 per address (many people may share one). Per email across all addresses
// there is no lockout, or anyone could lock the real user out by failing from
// a few addresses: instead each attempt on an email that failed often waits
// a little first (signInBackoffMs).
const SIGN_IN_WINDOW = 15 * 60;
export const signInBuckets = (email: string, address: string) => ({
  pair: { key: `sign-in:email+address:${email} ${address}`, limit: 5, windowSeconds: SIGN_IN_WINDOW },
  address: { key: `sign-in:address:${address}`, limit: 50, windowSeconds: SIGN_IN_WINDOW },
  email: { key: `sign-in:email:${email}`, limit: Number.MAX_SAFE_INTEGER, windowSeconds: SIGN_IN_WINDOW },
});

/** The wait before checking a password, after `failures` recent attempts on that email: 0 up to 5, then ¼ s doubling, at most 3 s. */
export function signInBackoffMs(failures: number): number {
  return failures < 5 ? 0 : Math.min(3_000, 250 * 2 ** (failures - 5));
}

// API keys: 20 failed lookups per address a minute, then 429 for failures.
export const apiKeyBucket = (address: string): Bucket => ({ key: `api-key:address:${address}`, limit: 20, windowSeconds: 60 });
