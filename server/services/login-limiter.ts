/**
 * Sliding-window limit on failed login attempts per email, so passwords cannot be guessed at speed;
 * a successful login clears the count. In memory: a restart forgets, acceptable for one process.
 */
const MAX_TRACKED = 10_000;

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
      const attempts = [...recent(key), now()];
      failures.delete(key);
      // bounded memory without letting a flood of fresh emails wipe everyone's count: drop expired windows,
      // then the least recently failed (Map keeps insertion order and a failure re-inserts its key)
      if (failures.size >= MAX_TRACKED) for (const tracked of [...failures.keys()]) recent(tracked);
      if (failures.size >= MAX_TRACKED) failures.delete(failures.keys().next().value as string);
      failures.set(key, attempts);
    },
    succeed: (key: string): void => void failures.delete(key),
  };
}
