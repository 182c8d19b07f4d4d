// Failed sign-ins and bad API keys are limited per key (email, address) in a
// sliding window. In memory: one app process serves a Marginalia install.
type Window = { count: number; resetAt: number };

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }) {
  const windows = new Map<string, Window>();
  return {
    /** Seconds until the key may try again, or 0 when it may now. */
    retryAfter(key: string, now = Date.now()): number {
      const window = windows.get(key);
      if (!window || window.resetAt <= now) return 0;
      return window.count >= limit ? Math.ceil((window.resetAt - now) / 1000) : 0;
    },
    fail(key: string, now = Date.now()) {
      const window = windows.get(key);
      if (!window || window.resetAt <= now) windows.set(key, { count: 1, resetAt: now + windowMs });
      else window.count++;
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      }
    },
    reset(key: string) {
      windows.delete(key);
    },
  };
}

// Per email: 5 failures lock that account's sign-in for 15 minutes. Per client
// address the limit is looser, since many people may share one address.
// On globalThis so every bundled copy of this module counts the same failures.
const shared = globalThis as unknown as { marginaliaLimiters?: Record<string, ReturnType<typeof createRateLimiter>> };
const limiters = (shared.marginaliaLimiters ??= {
  signInEmail: createRateLimiter({ limit: 5, windowMs: 15 * 60_000 }),
  signInAddress: createRateLimiter({ limit: 50, windowMs: 15 * 60_000 }),
  apiKey: createRateLimiter({ limit: 20, windowMs: 60_000 }),
});
export const signInEmailLimiter = limiters.signInEmail;
export const signInAddressLimiter = limiters.signInAddress;
export const apiKeyLimiter = limiters.apiKey;
