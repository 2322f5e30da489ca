/**
 * Sliding-window limit on login attempts per email, so passwords cannot be guessed at speed; a successful login
 * clears the count. An attempt is counted when it starts, before the password is checked, so guesses sent in
 * parallel cannot all pass the limit while the first ones are still being checked. In memory: a restart
 * forgets, acceptable for one process.
 */
const MAX_TRACKED = 10_000;

export function createLoginLimiter(maxAttempts = 10, windowMs = 5 * 60_000, now: () => number = Date.now) {
  const attempts = new Map<string, number[]>();

  function recent(key: string): number[] {
    const t = now();
    const kept = (attempts.get(key) ?? []).filter((at) => t - at < windowMs);
    if (kept.length) attempts.set(key, kept);
    else attempts.delete(key);
    return kept;
  }

  /**
   * Bounded memory without letting a flood of fresh emails wipe anyone's lockout: expired windows go first, then
   * the least recently tried email that is not locked out (Map keeps insertion order and an attempt re-inserts
   * its key). When every tracked email is locked out the map grows by one: each costs a guesser `maxAttempts`.
   */
  function makeRoom(): void {
    if (attempts.size < MAX_TRACKED) return;
    for (const tracked of [...attempts.keys()]) recent(tracked);
    if (attempts.size < MAX_TRACKED) return;
    for (const [tracked, times] of attempts) {
      if (times.length < maxAttempts) {
        attempts.delete(tracked);
        return;
      }
    }
  }

  return {
    /** Counts an attempt on `key`; false, counting nothing, when its window is full (refuse even the right password). */
    attempt(key: string): boolean {
      const times = recent(key);
      if (times.length >= maxAttempts) return false;
      attempts.delete(key);
      makeRoom();
      attempts.set(key, [...times, now()]);
      return true;
    },
    succeed: (key: string): void => void attempts.delete(key),
  };
}
