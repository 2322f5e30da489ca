import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import * as q from "@/db/queries/api-keys";
import { statement } from "@/db/statements";
import { InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";
import type { TaskEventBus } from "./event-bus";
import { createTokenBuckets } from "./token-bucket";

export const API_KEY_PREFIX = "ens_";
const VISIBLE_PREFIX_CHARS = 8;
/** how stale the in-memory key table may get against another process's writes (the CLI's revoke) */
const RELOAD_CHECK_MS = 1000;
/** lastUsedAt is advisory: written at most this often, for all keys at once */
const TOUCH_FLUSH_MS = 5000;
/**
 * An admission's hold lapses if no task takes it over within this long: the request was not a completion
 * (GET /models), was refused after admission (bad body, unknown model) or its caller left mid-upload.
 */
const ADMISSION_HOLD_MS = 10_000;
/** how many of a key's latest paid tasks its per-request estimate averages */
const RECENT_COSTS = 20;

// the few columns a finished task's bill needs, by primary key (statement prepared once per connection)
const TASK_BILL_SQL = `select "api_key_id" as "apiKeyId", "cost_usd" as "costUsd", "created_at" as "createdAt" from "tasks" where "id" = ?`;
const TASK_STATUS_SQL = `select "status" from "tasks" where "id" = ?`;
const LAST_EVENT_SQL = `select coalesce(max("id"), 0) as "id" from "task_events"`;
// newest first along tasks_api_key_created_idx; zero-cost tasks (cache hits, refusals) are not what a request costs
const RECENT_COSTS_SQL = `select "cost_usd" as "costUsd" from "tasks" where "api_key_id" = ? and "cost_usd" > 0 order by "created_at" desc limit ${RECENT_COSTS}`;

/** What a request is expected to cost, held against its key's budget from admission until its task ends. */
interface Hold {
  keyId: string;
  usd: number;
  at: number;
}

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
 * (PRAGMA data_version, checked at most once a second), so the hot path reads nothing from the database
 * (but for a budgeted key's recent costs, once, on its first admission). Monthly spend is a running total
 * seeded from the tasks table and advanced by the bus's terminal events of keyed tasks (whoever ends them:
 * the gateway, a cancel, a resume after a restart). Requests in flight hold an estimate of their cost
 * against the budget, from admission until their task ends, so concurrent requests cannot all be admitted
 * on the same unspent remainder.
 */
export function createApiKeyService(db: Db, bus: TaskEventBus, now: () => number = Date.now) {
  let byHash = new Map<string, ApiKeyPrincipal>();
  let loadedVersion = -1;
  let checkedAt = 0;
  let month = 0;
  const spent = new Map<string, number>();
  /** the last task event the seed could see: an end at or below it is already in `spent` */
  let seenEventId = 0;
  const touched = new Map<string, number>();
  let flushedAt = now();
  const buckets = createTokenBuckets(now);
  /** admitted requests whose task is not submitted yet, by the per-request principal authenticate returned (oldest first) */
  const admitted = new Map<ApiKeyPrincipal, Hold>();
  /** submitted tasks of budgeted keys, until their terminal event */
  const inFlight = new Map<string, Hold>();
  const heldByKey = new Map<string, { usd: number; requests: number }>();
  /** per key, loaded on its first estimate: the latest paid task costs, oldest first */
  const recentCosts = new Map<string, number[]>();

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
    // read after the sum: an end committed between the two reads is then taken as seen, which re-seeds (exact),
    // never as unseen, which would add a cost the sum already holds
    seenEventId = (statement(db.$client, LAST_EVENT_SQL).get() as { id: number }).id;
    releaseEndedElsewhere();
    loadedVersion = dataVersion();
    checkedAt = now();
  }

  function hold(h: Hold) {
    const total = heldByKey.get(h.keyId);
    if (total) {
      total.usd += h.usd;
      total.requests += 1;
    } else {
      heldByKey.set(h.keyId, { usd: h.usd, requests: 1 });
    }
  }

  function release(h: Hold) {
    const total = heldByKey.get(h.keyId);
    if (!total) return;
    total.usd -= h.usd;
    total.requests -= 1;
    // dropping the entry at zero also drops the float residue of the additions and subtractions
    if (total.requests <= 0) heldByKey.delete(h.keyId);
  }

  function lapseAdmissions() {
    const cutoff = now() - ADMISSION_HOLD_MS;
    for (const [principal, h] of admitted) {
      if (h.at > cutoff) break;
      admitted.delete(principal);
      release(h);
    }
  }

  /**
   * A task another process ended (the CLI's cancel) gets no terminal event here, so its hold would never be
   * released; another process's commit is also what makes load() run, so this is the moment to look.
   */
  function releaseEndedElsewhere() {
    for (const [taskId, h] of inFlight) {
      const row = statement(db.$client, TASK_STATUS_SQL).get(taskId) as { status: string } | undefined;
      if (row?.status === "queued" || row?.status === "running") continue;
      inFlight.delete(taskId);
      release(h);
    }
  }

  function recentOf(keyId: string): number[] {
    let costs = recentCosts.get(keyId);
    if (!costs) {
      const rows = statement(db.$client, RECENT_COSTS_SQL).all(keyId) as Array<{ costUsd: number }>;
      costs = rows.map((r) => r.costUsd).reverse();
      recentCosts.set(keyId, costs);
    }
    return costs;
  }

  /**
   * The mean cost of the key's last RECENT_COSTS paid tasks; a key with none yet holds its whole budget, so
   * its first request runs alone until one has a price (nothing else bounds what an unknown request costs).
   */
  function estimateFor(keyId: string, budget: number): number {
    const costs = recentOf(keyId);
    if (costs.length === 0) return budget;
    let sum = 0;
    for (const c of costs) sum += c;
    return sum / costs.length;
  }

  /** A keyed task ended, however it ended: its hold is released and its cost counts, once, from its row. */
  function settle(taskId: string, eventId: number | undefined) {
    const h = inFlight.get(taskId);
    if (h) {
      inFlight.delete(taskId);
      release(h);
    }
    // not seeded yet: the seed reads this task's cost from its row
    if (loadedVersion === -1) return;
    // an end the seed already saw, published here only now (another process ended a task running here, and
    // tasks.ts tells this process's waiters): its cost is in the sum, plus whatever completed here since, so
    // the table is summed again rather than the row added twice. Rare: CLI cancels of running tasks.
    if (eventId !== undefined && eventId <= seenEventId) return load();
    const row = statement(db.$client, TASK_BILL_SQL).get(taskId) as { apiKeyId: string | null; costUsd: number; createdAt: number } | undefined;
    if (!row?.apiKeyId || row.costUsd <= 0) return;
    // the month is the task's creation month, as in the seed's spendByKeySince
    if (row.createdAt >= month) spent.set(row.apiKeyId, (spent.get(row.apiKeyId) ?? 0) + row.costUsd);
    // a key whose costs are not loaded yet gets this one from the table when they are
    const costs = recentCosts.get(row.apiKeyId);
    if (costs) {
      costs.push(row.costUsd);
      if (costs.length > RECENT_COSTS) costs.shift();
    }
  }

  // terminal events are recorded right after the row is ended, in the same turn: the row read in settle()
  // carries the final cost, and a reload (which re-sums the table) cannot fall between the two
  bus.subscribe("*", ({ id, event }) => {
    if (event.type === "task.completed" || event.type === "task.failed") settle(event.taskId, id);
  });

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

    /**
     * The key behind an `Authorization: Bearer …` value, or null. No database read on the hot path. Each call
     * returns its own principal object: the request's budget hold (admit) is found by it when its task is submitted.
     */
    authenticate(bearer: string | null | undefined): ApiKeyPrincipal | null {
      if (!bearer || !bearer.startsWith(API_KEY_PREFIX) || bearer.length > 200) return null;
      fresh();
      const principal = byHash.get(hashApiKey(bearer));
      if (!principal) return null;
      touched.set(principal.id, now());
      flushTouches();
      return { ...principal };
    },

    /**
     * Rate limit first (cheap, in memory), then the month's budget: spent, plus what requests in flight are
     * expected to cost. An admitted request of a budgeted key holds its estimate until its task ends (bindTask).
     */
    admit(principal: ApiKeyPrincipal): Admission {
      const wait = buckets.take(principal.id, principal.rateLimitPerMinute);
      if (wait > 0) {
        return { ok: false, reason: "rate-limit", retryAfterSec: wait, message: `Rate limit of ${principal.rateLimitPerMinute} requests per minute reached for this key; retry in ${wait} s` };
      }
      const budget = principal.monthlyBudgetUsd;
      if (budget === null) return { ok: true };
      const used = spent.get(principal.id) ?? 0;
      if (used >= budget) {
        const retry = Math.ceil((Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 1) - now()) / 1000);
        return { ok: false, reason: "budget", retryAfterSec: Math.max(1, retry), message: `This key's monthly budget of $${budget} is spent ($${used.toFixed(6)} used)` };
      }
      lapseAdmissions();
      const held = heldByKey.get(principal.id);
      if (held && used + held.usd >= budget) {
        // not spent yet: the requests in flight may cost less than held, so this is a wait, not a refusal for the month
        return {
          ok: false,
          reason: "rate-limit",
          retryAfterSec: 1,
          message: `This key's monthly budget of $${budget} is held by ${held.requests} request(s) in flight ($${used.toFixed(6)} spent, about $${held.usd.toFixed(6)} on the way); retry when they finish`,
        };
      }
      const prior = admitted.get(principal);
      if (prior) {
        admitted.delete(principal);
        release(prior);
      }
      const h: Hold = { keyId: principal.id, usd: estimateFor(principal.id, budget), at: now() };
      admitted.set(principal, h);
      hold(h);
      return { ok: true };
    },

    /**
     * The request's task was submitted: its admission hold now lasts until the task's terminal event. A request
     * that comes without one (it lapsed during a slow upload, or admit was not called) holds an estimate now.
     */
    bindTask(principal: ApiKeyPrincipal, taskId: string) {
      let h = admitted.get(principal);
      if (h) {
        admitted.delete(principal);
      } else {
        if (principal.monthlyBudgetUsd === null) return;
        h = { keyId: principal.id, usd: estimateFor(principal.id, principal.monthlyBudgetUsd), at: now() };
        hold(h);
      }
      inFlight.set(taskId, h);
    },

    /** What the key's admitted and running requests are expected to cost, not yet spent. */
    held(keyId: string): { usd: number; requests: number } {
      lapseAdmissions();
      const total = heldByKey.get(keyId);
      return total ? { ...total } : { usd: 0, requests: 0 };
    },

    /** Writes pending lastUsedAt stamps (on shutdown, or from tests). */
    flush: () => flushTouches(true),
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
