import type { Db } from "@/db/client";
import * as q from "@/db/queries/cache";

export interface ResultCacheSettings {
  /** how long an answer may be served; ENSEMBLE_CACHE_TTL_SECONDS, default 24 h; 0 turns the cache off */
  ttlMs: number;
  /** most entries kept; ENSEMBLE_CACHE_MAX_ENTRIES, default 10,000; the least recently used go first */
  maxEntries: number;
}

const DEFAULT_TTL_SECONDS = 24 * 60 * 60;
const DEFAULT_MAX_ENTRIES = 10_000;

function nonNegativeInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0 (got "${raw}")`);
  return value;
}

export function resultCacheSettingsFromEnv(env: Record<string, string | undefined> = process.env): ResultCacheSettings {
  return {
    ttlMs: nonNegativeInt(env.ENSEMBLE_CACHE_TTL_SECONDS, DEFAULT_TTL_SECONDS, "ENSEMBLE_CACHE_TTL_SECONDS") * 1000,
    maxEntries: nonNegativeInt(env.ENSEMBLE_CACHE_MAX_ENTRIES, DEFAULT_MAX_ENTRIES, "ENSEMBLE_CACHE_MAX_ENTRIES"),
  };
}

/** A cached answer, as a hit serves it. */
export interface CachedAnswer {
  output: string;
  modelId: string | null;
  /** the task that computed the answer */
  taskId: string;
}

export interface AnswerToCache extends CachedAnswer {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/**
 * The persisted exact-match result cache (table result_cache). Bounded by age (TTL) and size (LRU eviction,
 * done in batches down to 90% of the bound so a full cache does not evict on every store). Hits and misses
 * are counted on the tasks themselves (tasks.cache_hit), so they survive restarts and can be charted by time.
 */
export function createResultCache(deps: { db: Db; settings: ResultCacheSettings; now?: () => number; beforeWrite?: () => void }) {
  const { db, settings } = deps;
  const now = deps.now ?? Date.now;
  const beforeWrite = deps.beforeWrite ?? (() => undefined);
  const enabled = settings.ttlMs > 0 && settings.maxEntries > 0;
  // counted lazily and kept by stores; resynced by every eviction (other processes may store too)
  let approxEntries: number | undefined;

  function evict(at: number) {
    q.deleteExpired(db, at);
    q.evictLeastRecentlyUsed(db, Math.floor(settings.maxEntries * 0.9));
    approxEntries = q.countEntries(db);
  }

  return {
    enabled,
    settings,

    /**
     * A live answer for this key, counted as used; undefined on a miss or when the cache is off. An answer whose
     * model may no longer answer (`servable` says no: disabled or deleted since) is a miss and is dropped, so a
     * roster change takes effect on the next task as it does for routed tasks.
     */
    lookup(key: string, servable: (modelId: string) => boolean = () => true): CachedAnswer | undefined {
      if (!enabled) return undefined;
      const at = now();
      const row = q.findLiveEntry(db, key, at, at - settings.ttlMs);
      if (!row) return undefined;
      beforeWrite();
      if (row.modelId !== null && !servable(row.modelId)) {
        q.deleteEntry(db, key);
        return undefined;
      }
      q.markEntryUsed(db, key, at);
      return { output: row.output, modelId: row.modelId, taskId: row.taskId };
    },

    store(key: string, answer: AnswerToCache): void {
      if (!enabled) return;
      const at = now();
      beforeWrite();
      approxEntries ??= q.countEntries(db);
      q.upsertEntry(db, { key, ...answer, hits: 0, createdAt: at, lastUsedAt: at, expiresAt: at + settings.ttlMs });
      approxEntries += 1;
      if (approxEntries > settings.maxEntries) evict(at);
    },

    /** Lookups that hit and missed (from tasks, optionally since a time) and the live entries now. */
    stats(since?: number): { hits: number; misses: number; entries: number } {
      return { ...q.cacheOutcomes(db, since), entries: q.countLiveEntries(db, now()) };
    },
  };
}

export type ResultCache = ReturnType<typeof createResultCache>;
