import type Database from "better-sqlite3";
import type { Db } from "@/db/client";

/** Entries kept per connection; a few ranges' samples for a few hundred models fit comfortably. */
const MAX_ENTRIES = 5_000;

/** How far behind the clock an instant must be before its answer is final (writes land within a commit turn). */
export const SETTLED_MS = 5_000;

const caches = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * Answers about a past instant that can no longer change: profile history is append-only with `at` = the
 * time of writing, so "the latest point before t" is fixed once t is behind the clock. Dashboards refresh
 * every few seconds and ask about the same instants each time; only the instants still open are read again.
 */
export function settledInstantCache<T>(db: Db) {
  let cache = caches.get(db.$client) as Map<string, T> | undefined;
  if (!cache) caches.set(db.$client, (cache = new Map<string, T>()));
  const map = cache;
  return {
    get: (key: string): T | undefined => map.get(key),
    set(key: string, instant: number, now: number, value: T) {
      if (instant > now - SETTLED_MS) return;
      if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
      map.set(key, value);
    },
  };
}
