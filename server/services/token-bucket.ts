/**
 * Per-key token buckets in memory: capacity = the per-minute limit, refilled continuously, so a key may
 * burst its whole minute at once but never sustain more. One process serves the gateway, so memory is the
 * right place (no DB write per request); a restart forgives the current minute, which is acceptable.
 */
export function createTokenBuckets(now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number; perMinute: number }>();
  return {
    /** takes one token; returns 0 when allowed, else the seconds until one is available */
    take(id: string, perMinute: number): number {
      const t = now();
      let bucket = buckets.get(id);
      if (!bucket || bucket.perMinute !== perMinute) {
        bucket = { tokens: perMinute, at: t, perMinute };
        buckets.set(id, bucket);
      }
      const perMs = perMinute / 60_000;
      bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
    forget(id: string) {
      buckets.delete(id);
    },
  };
}
