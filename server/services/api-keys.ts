import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import * as q from "@/db/queries/api-keys";
import { InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";
import { createTokenBuckets } from "./token-bucket";

export const API_KEY_PREFIX = "ens_";
const VISIBLE_PREFIX_CHARS = 8;
/** how stale the in-memory key table may get against another process's writes (the CLI's revoke) */
const RELOAD_CHECK_MS = 1000;
/** lastUsedAt is advisory: written at most this often, for all keys at once */
const TOUCH_FLUSH_MS = 5000;

export interface NewApiKey {
  name: string;
  rateLimitPerMinute?: number;
  monthlyBudgetUsd?: number | null;
  createdBy?: string | null;
}

/** What anyone may see of a key: never the hash, never the key. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: number;
  revokedAt: number | null;
  rateLimitPerMinute: number;
  monthlyBudgetUsd: number | null;
  lastUsedAt: number | null;
  spentThisMonthUsd: number;
}

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  rateLimitPerMinute: number;
  monthlyBudgetUsd: number | null;
}

export type Admission = { ok: true } | { ok: false; reason: "rate-limit" | "budget"; retryAfterSec: number; message: string };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function monthStart(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/**
 * Gateway keys: created (the plain key returned once), listed, revoked, and checked on every request
 * from memory. The table of live keys is loaded once and reloaded only when another connection commits
 * (PRAGMA data_version, checked at most once a second), so the hot path reads nothing from the database.
 * Monthly spend is a running total seeded from the tasks table and advanced as gateway tasks finish.
 */
export function createApiKeyService(db: Db, now: () => number = Date.now) {
  let byHash = new Map<string, ApiKeyPrincipal>();
  let loadedVersion = -1;
  let checkedAt = 0;
  let month = 0;
  const spent = new Map<string, number>();
  const touched = new Map<string, number>();
  let flushedAt = now();
  const buckets = createTokenBuckets(now);

  const dataVersion = () => db.$client.pragma("data_version", { simple: true }) as number;

  function load() {
    const next = new Map<string, ApiKeyPrincipal>();
    for (const row of q.listApiKeys(db)) {
      if (row.revokedAt !== null) continue;
      next.set(row.hash, { id: row.id, name: row.name, rateLimitPerMinute: row.rateLimitPerMinute, monthlyBudgetUsd: row.monthlyBudgetUsd });
    }
    byHash = next;
    month = monthStart(now());
    spent.clear();
    for (const r of q.spendByKeySince(db, month)) spent.set(r.apiKeyId, r.spent);
    loadedVersion = dataVersion();
    checkedAt = now();
  }

  function fresh() {
    const t = now();
    if (loadedVersion === -1 || monthStart(t) !== month) return load();
    if (t - checkedAt < RELOAD_CHECK_MS) return;
    checkedAt = t;
    if (dataVersion() !== loadedVersion) load();
  }

  function flushTouches(force = false) {
    const t = now();
    if (touched.size === 0 || (!force && t - flushedAt < TOUCH_FLUSH_MS)) return;
    flushedAt = t;
    q.touchApiKeys(db, touched);
    touched.clear();
  }

  function view(row: q.ApiKeyRow): ApiKeyView {
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      revokedAt: row.revokedAt,
      rateLimitPerMinute: row.rateLimitPerMinute,
      monthlyBudgetUsd: row.monthlyBudgetUsd,
      lastUsedAt: touched.get(row.id) ?? row.lastUsedAt,
      spentThisMonthUsd: spent.get(row.id) ?? 0,
    };
  }

  return {
    /** Returns the plain key: this is the only time it exists outside the caller's hands. */
    create(input: NewApiKey): ApiKeyView & { key: string } {
      const name = input.name.trim();
      if (!name) throw new InvalidInputError("name", "is required");
      const rate = input.rateLimitPerMinute ?? 600;
      if (!Number.isInteger(rate) || rate < 1 || rate > 1_000_000) throw new InvalidInputError("rateLimitPerMinute", "must be a whole number from 1 to 1000000");
      const budget = input.monthlyBudgetUsd ?? null;
      if (budget !== null && (!Number.isFinite(budget) || budget < 0)) throw new InvalidInputError("monthlyBudgetUsd", "must be 0 or more");
      const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
      const id = `key_${randomUUID()}`;
      q.insertApiKey(db, {
        id,
        name,
        prefix: key.slice(0, VISIBLE_PREFIX_CHARS),
        hash: hashApiKey(key),
        createdBy: input.createdBy ?? null,
        rateLimitPerMinute: rate,
        monthlyBudgetUsd: budget,
      });
      fresh();
      byHash.set(hashApiKey(key), { id, name, rateLimitPerMinute: rate, monthlyBudgetUsd: budget });
      const row = q.findApiKey(db, id);
      if (!row) throw new NotFoundError("API key", id);
      return { ...view(row), key };
    },

    list(): ApiKeyView[] {
      fresh();
      return q.listApiKeys(db).map(view);
    },

    revoke(id: string): ApiKeyView {
      const row = q.findApiKey(db, id);
      if (!row) throw new NotFoundError("API key", id);
      if (row.revokedAt === null) q.revokeApiKey(db, id, now());
      byHash.delete(row.hash);
      buckets.forget(id);
      const updated = q.findApiKey(db, id);
      return view(updated ?? row);
    },

    /** The key behind an `Authorization: Bearer …` value, or null. No database read on the hot path. */
    authenticate(bearer: string | null | undefined): ApiKeyPrincipal | null {
      if (!bearer || !bearer.startsWith(API_KEY_PREFIX) || bearer.length > 200) return null;
      fresh();
      const principal = byHash.get(hashApiKey(bearer)) ?? null;
      if (principal) {
        touched.set(principal.id, now());
        flushTouches();
      }
      return principal;
    },

    /** Rate limit first (cheap, in memory), then the month's budget. */
    admit(principal: ApiKeyPrincipal): Admission {
      const wait = buckets.take(principal.id, principal.rateLimitPerMinute);
      if (wait > 0) {
        return { ok: false, reason: "rate-limit", retryAfterSec: wait, message: `Rate limit of ${principal.rateLimitPerMinute} requests per minute reached for this key; retry in ${wait} s` };
      }
      const budget = principal.monthlyBudgetUsd;
      const used = spent.get(principal.id) ?? 0;
      if (budget !== null && used >= budget) {
        const retry = Math.ceil((Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 1) - now()) / 1000);
        return { ok: false, reason: "budget", retryAfterSec: Math.max(1, retry), message: `This key's monthly budget of $${budget} is spent ($${used.toFixed(6)} used)` };
      }
      return { ok: true };
    },

    /** A gateway task finished: its cost counts against the key's month. */
    recordSpend(keyId: string, costUsd: number) {
      if (costUsd > 0) spent.set(keyId, (spent.get(keyId) ?? 0) + costUsd);
    },

    /** Writes pending lastUsedAt stamps (on shutdown, or from tests). */
    flush: () => flushTouches(true),
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
