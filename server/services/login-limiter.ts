/**
 * Sliding-window limit on failed login attempts per email, so passwords cannot be guessed at speed;
 * a successful login clears the count. In memory: a restart forgets, acceptable for one process.
 */
export function createLoginLimiter(maxFailures = 10, windowMs = 5 * 60_000, now: () => number = Date.now) {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const t = now();
    const kept = (failures.get(key) ?? []).filter((at) => t - at < windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  }

  return {
    allow: (key: string): boolean => recent(key).length < maxFailures,
    fail(key: string): void {
      if (failures.size > 10_000) failures.clear();
      failures.set(key, [...recent(key), now()]);
    },
    succeed: (key: string): void => void failures.delete(key),
  };
}
