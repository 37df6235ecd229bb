// A token bucket per caller: `limit` requests per window, refilled continuously. It lives in this
// process's memory, which is right for one app server; several servers behind a load balancer each
// allow the limit (docs/architecture.md).
export type RateLimitDecision = { allowed: boolean; retryAfterSeconds: number; remaining: number };

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }) {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  const ratePerMs = options.limit / options.windowMs;
  const buckets = new Map<string, { tokens: number; at: number }>();

  return function take(key: string): RateLimitDecision {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: options.limit, at: t };
    bucket.tokens = Math.min(options.limit, bucket.tokens + (t - bucket.at) * ratePerMs);
    bucket.at = t;
    // Re-insert so the map's order is least-recently-used first; drop the oldest past the cap.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / ratePerMs / 1000), remaining: 0 };
  };
}
