/**
 * Sliding-window limit on login attempts per email, so passwords cannot be guessed at speed.
 * In memory: a restart forgets, which is acceptable for a single-process server.
 */
export function createLoginLimiter(maxAttempts = 10, windowMs = 5 * 60_000, now: () => number = Date.now) {
  const attempts = new Map<string, number[]>();
  return {
    allow(key: string): boolean {
      const t = now();
      const recent = (attempts.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= maxAttempts) {
        attempts.set(key, recent);
        return false;
      }
      recent.push(t);
      attempts.set(key, recent);
      if (attempts.size > 10_000) attempts.clear();
      return true;
    },
  };
}
