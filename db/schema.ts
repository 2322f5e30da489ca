import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COUNT_COLUMNS, ROLLUP_TABLES, VECTOR_COLUMNS } from "./rollup-layout";

const createdAt = () =>
  integer("created_at", { mode: "number" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const USER_ROLES = ["admin", "operator", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: USER_ROLES }).notNull(),
  createdAt: createdAt(),
});

export const providers = sqliteTable("providers", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: ["openai-compatible", "openai", "anthropic", "simulated"] }).notNull(),
  baseUrl: text("base_url"),
  /** AES-256-GCM ciphertext (iv.tag.data, base64url); never leaves the server */
  apiKeyEncrypted: text("api_key_encrypted"),
  createdAt: createdAt(),
});

export const models = sqliteTable(
  "models",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "restrict" }),
    remoteModel: text("remote_model").notNull(),
    contextWindow: integer("context_window").notNull(),
    inputUsdPerMTok: real("input_usd_per_mtok").notNull(),
    outputUsdPerMTok: real("output_usd_per_mtok").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** simulated model config (skills, latency, faults, seed) as JSON; null for real providers */
    simulated: text("simulated", { mode: "json" }),
    /** per-model resilience settings (timeouts, retries, breaker, bulkhead) as JSON; null = the defaults */
    resilience: text("resilience", { mode: "json" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [index("models_provider_idx").on(t.providerId)],
);

export const PROFILE_SOURCES = ["seed", "discovered", "learned"] as const;

export const capabilityProfiles = sqliteTable(
  "capability_profiles",
  {
    modelId: text("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    capability: text("capability").notNull(),
    /** Beta posterior over P(success) */
    alpha: real("alpha").notNull(),
    beta: real("beta").notNull(),
    source: text("source", { enum: PROFILE_SOURCES }).notNull(),
    /** a hand-set score, kept apart from the learned posterior */
    manualScore: real("manual_score"),
    manualBy: text("manual_by"),
    manualAt: integer("manual_at", { mode: "number" }),
    /** the last discovery run's posterior, what "reset to discovered" restores */
    discoveredAlpha: real("discovered_alpha"),
    discoveredBeta: real("discovered_beta"),
    discoveredAt: integer("discovered_at", { mode: "number" }),
    /** live outcomes folded in since the last reset */
    observations: integer("observations").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.capability] })],
);

/** Points of each capability's posterior over time, for the profile history chart. */
export const profileHistory = sqliteTable(
  "profile_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    modelId: text("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    capability: text("capability").notNull(),
    mean: real("mean").notNull(),
    low: real("low").notNull(),
    high: real("high").notNull(),
    source: text("source").notNull(),
    at: integer("at", { mode: "number" }).notNull(),
  },
  (t) => [index("profile_history_model_idx").on(t.modelId, t.capability, t.at)],
);

/** Operators' own capability suites; the built-in ones live in code. */
export const suites = sqliteTable("suites", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  capability: text("capability").notNull(),
  description: text("description"),
  createdBy: text("created_by"),
  createdAt: createdAt(),
});

export const suiteItems = sqliteTable(
  "suite_items",
  {
    id: text("id").primaryKey(),
    suiteId: text("suite_id")
      .notNull()
      .references(() => suites.id, { onDelete: "cascade" }),
    /** the whole SuiteItem (prompt, grader, expected answer or rubric), validated by suiteItemSchema */
    item: text("item", { mode: "json" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("suite_items_suite_idx").on(t.suiteId)],
);

export const DISCOVERY_STATUSES = ["running", "complete", "failed", "cancelled"] as const;

export const discoveryRuns = sqliteTable(
  "discovery_runs",
  {
    id: text("id").primaryKey(),
    modelId: text("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    /** null: the built-in suites */
    suiteId: text("suite_id"),
    status: text("status", { enum: DISCOVERY_STATUSES }).notNull(),
    capabilities: text("capabilities", { mode: "json" }).notNull(),
    progress: text("progress", { mode: "json" }),
    result: text("result", { mode: "json" }),
    error: text("error"),
    probesUsed: integer("probes_used").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    startedBy: text("started_by"),
    startedAt: integer("started_at", { mode: "number" }).notNull(),
    endedAt: integer("ended_at", { mode: "number" }),
  },
  (t) => [index("discovery_runs_model_idx").on(t.modelId, t.startedAt)],
);

/** Every probe of a discovery run: the item, the grade and, for rubric items, the judge's verdict. */
export const discoveryProbes = sqliteTable(
  "discovery_probes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id")
      .notNull()
      .references(() => discoveryRuns.id, { onDelete: "cascade" }),
    itemId: text("item_id").notNull(),
    capability: text("capability").notNull(),
    outcome: text("outcome", { enum: ["pass", "fail", "broken", "error"] }).notNull(),
    score: real("score"),
    detail: text("detail"),
    judgeVerdict: text("judge_verdict"),
    latencyMs: integer("latency_ms"),
    costUsd: real("cost_usd").notNull().default(0),
    at: integer("at", { mode: "number" }).notNull(),
  },
  (t) => [index("discovery_probes_run_idx").on(t.runId, t.id)],
);

export const TASK_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;

export const tasks = sqliteTable(
  "tasks",
  {
    id: text("id").primaryKey(),
    prompt: text("prompt").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull(),
    strategy: text("strategy").notNull(),
    policy: text("policy").notNull(),
    constraints: text("constraints", { mode: "json" }).notNull(),
    source: text("source", { enum: ["ui", "cli", "api", "gateway"] }).notNull(),
    submittedBy: text("submitted_by"),
    primaryCapability: text("primary_capability"),
    requirements: text("requirements", { mode: "json" }),
    plan: text("plan", { mode: "json" }),
    /** the model that produced the final answer (the chain's lead for multi-model strategies) */
    modelId: text("model_id"),
    output: text("output"),
    error: text("error"),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    latencyMs: integer("latency_ms"),
    createdAt: createdAt(),
    startedAt: integer("started_at", { mode: "number" }),
    completedAt: integer("completed_at", { mode: "number" }),
    /** set by the gateway when the caller named a roster model: the plan is that model alone, no routing */
    pinnedModelId: text("pinned_model_id"),
    /** the gateway key that submitted the task: its monthly spend is the sum of these tasks' cost */
    apiKeyId: text("api_key_id"),
    /** the caller's whole conversation (gateway); null means the model sees `prompt` alone */
    messages: text("messages", { mode: "json" }),
    /** false: the submitter opted out of the result cache (neither looked up nor stored) */
    useCache: integer("use_cache", { mode: "boolean" }).notNull().default(true),
    /** result-cache outcome: true hit, false looked up and missed, null not looked up (opt-out or not run yet) */
    cacheHit: integer("cache_hit", { mode: "boolean" }),
    /** on a hit: the task whose answer was served */
    cachedFromTaskId: text("cached_from_task_id"),
    /** the gateway's `models` list: roster models tried in order when the pinned one fails */
    pinnedFallbacks: text("pinned_fallbacks", { mode: "json" }),
    /** the caller's sampling settings (temperature, topP, maxOutputTokens, stop), passed to every model call */
    sampling: text("sampling", { mode: "json" }),
    /** false: each model call asks for the whole reply at once (no live tokens); plain gateway requests, where nobody reads them */
    streamTokens: integer("stream_tokens", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    index("tasks_created_idx").on(t.createdAt),
    index("tasks_api_key_created_idx").on(t.apiKeyId, t.createdAt),
    index("tasks_status_created_idx").on(t.status, t.createdAt),
    index("tasks_model_created_idx").on(t.modelId, t.createdAt),
  ],
);

export const taskSteps = sqliteTable(
  "task_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    stepIndex: integer("step_index").notNull(),
    role: text("role").notNull(),
    modelId: text("model_id").notNull(),
    status: text("status", { enum: ["running", "completed", "failed"] }).notNull(),
    input: text("input", { mode: "json" }),
    output: text("output"),
    error: text("error"),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    latencyMs: integer("latency_ms"),
    firstTokenMs: integer("first_token_ms"),
    startedAt: integer("started_at", { mode: "number" }).notNull(),
    endedAt: integer("ended_at", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("task_steps_task_idx").on(t.taskId, t.stepIndex),
    index("task_steps_model_started_idx").on(t.modelId, t.startedAt),
  ],
);

export const taskEvents = sqliteTable(
  "task_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    payload: text("payload", { mode: "json" }).notNull(),
    at: integer("at", { mode: "number" }).notNull(),
  },
  (t) => [index("task_events_task_idx").on(t.taskId, t.id)],
);

/** An operator's thumbs up (+1) or down (-1) on a finished task: the strongest learning signal. */
export const taskFeedback = sqliteTable(
  "task_feedback",
  {
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    value: integer("value").notNull(),
    at: integer("at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] })],
);

export const messages = sqliteTable(
  "messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    fromNode: text("from_node").notNull(),
    toNode: text("to_node").notNull(),
    kind: text("kind").notNull(),
    content: text("content").notNull(),
    tokens: integer("tokens").notNull(),
    at: integer("at", { mode: "number" }).notNull(),
  },
  (t) => [index("messages_task_idx").on(t.taskId, t.id)],
);

/** Gateway API keys. Only the SHA-256 of a key is stored; the key itself is shown once, at creation. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** the key's first characters ("ens_AbCd"), safe to show so people can tell keys apart */
    prefix: text("prefix").notNull(),
    /** hex SHA-256 of the whole key: keys are 32 random bytes, so a fast hash is enough (no bcrypt) */
    hash: text("hash").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at", { mode: "number" }),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(600),
    monthlyBudgetUsd: real("monthly_budget_usd"),
    lastUsedAt: integer("last_used_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("api_keys_hash_idx").on(t.hash)],
);

/**
 * Exact-match result cache: the key is the SHA-256 of the normalised request (server/services/result-cache-key.ts).
 * Bounded by age (expires_at) and by entry count (least recently used evicted first).
 */
export const resultCache = sqliteTable(
  "result_cache",
  {
    key: text("key").primaryKey(),
    output: text("output").notNull(),
    modelId: text("model_id"),
    /** the task that produced the answer */
    taskId: text("task_id").notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    /** what the answer cost when it was computed; a hit costs nothing */
    costUsd: real("cost_usd").notNull().default(0),
    hits: integer("hits").notNull().default(0),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
    lastUsedAt: integer("last_used_at", { mode: "number" }).notNull(),
    expiresAt: integer("expires_at", { mode: "number" }).notNull(),
  },
  (t) => [index("result_cache_last_used_idx").on(t.lastUsedAt)],
);

/**
 * Metric rollups (db/rollup-layout.ts has the layout): counters per (dim, bucket_start, key), upserted by the
 * task recorder in the same transaction as the event that causes them, so dashboards read a few thousand
 * rows for any range instead of scanning tasks and steps. Minute rows are pruned after 48 h; hour rows stay.
 */
function rollupTable(name: string) {
  const counters = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, integer(c).notNull().default(0)]));
  const vectors = Object.fromEntries(VECTOR_COLUMNS.map((c) => [c, blob(c, { mode: "buffer" })]));
  return sqliteTable(
    name,
    {
      dim: text("dim").notNull(),
      bucketStart: integer("bucket_start", { mode: "number" }).notNull(),
      key: text("key").notNull(),
      costUsd: real("cost_usd").notNull().default(0),
      ...counters,
      ...vectors,
    },
    (t) => [primaryKey({ columns: [t.dim, t.bucketStart, t.key] }), index(`${name}_key_idx`).on(t.dim, t.key, t.bucketStart)],
  );
}

export const metricRollupsMinute = rollupTable(ROLLUP_TABLES.minute);
export const metricRollupsHour = rollupTable(ROLLUP_TABLES.hour);
export const metricRollupsDay = rollupTable(ROLLUP_TABLES.day);

/** One row per finished job of the metrics subsystem (e.g. "backfill": rollups built from the tasks present before them). */
export const metricRollupState = sqliteTable("metric_rollup_state", {
  name: text("name").primaryKey(),
  at: integer("at", { mode: "number" }).notNull(),
});

/** Routing-lab evaluations: the run's progress while it works, its report once done, so results survive a restart. */
export const LAB_RUN_STATUSES = ["running", "complete", "failed"] as const;
export const labRuns = sqliteTable(
  "lab_runs",
  {
    id: text("id").primaryKey(),
    dataset: text("dataset").notNull(),
    status: text("status", { enum: LAB_RUN_STATUSES }).notNull(),
    /** {done, total, label} */
    progress: text("progress", { mode: "json" }).notNull(),
    /** the LabReport (server/orchestrator/lab/evaluate.ts) once complete */
    report: text("report", { mode: "json" }),
    error: text("error"),
    elapsedMs: integer("elapsed_ms"),
    startedBy: text("started_by"),
    startedAt: integer("started_at", { mode: "number" }).notNull(),
    completedAt: integer("completed_at", { mode: "number" }),
  },
  (t) => [index("lab_runs_started_idx").on(t.startedAt)],
);

/** Shadow evaluation settings: one row (id 1). A fraction of completed live tasks is re-asked of the shadow model. */
export const shadowSettings = sqliteTable("shadow_settings", {
  id: integer("id").primaryKey(),
  /** share of completed tasks sampled, 0–1; 0 turns shadowing off */
  fraction: real("fraction").notNull().default(0),
  shadowModelId: text("shadow_model_id"),
  updatedBy: text("updated_by"),
  updatedAt: integer("updated_at", { mode: "number" }).notNull(),
});

/**
 * One shadow call: the same input as a completed task, sent to the shadow model in the background, graded by
 * agreement with the task's answer. Its cost is recorded here and never billed to the task.
 */
export const shadowOutcomes = sqliteTable(
  "shadow_outcomes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    /** the model whose answer the task returned */
    taskModelId: text("task_model_id"),
    shadowModelId: text("shadow_model_id").notNull(),
    status: text("status", { enum: ["completed", "failed"] }).notNull(),
    output: text("output"),
    error: text("error"),
    /** the shadow answer agrees with the task's answer (normalised short answers, else exact normalised text) */
    agrees: integer("agrees", { mode: "boolean" }),
    /** how agreement was graded: "short-answer" (normalised answers equal) or "text" (normalised text equal) */
    grading: text("grading"),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    latencyMs: integer("latency_ms"),
    createdAt: integer("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("shadow_outcomes_task_idx").on(t.taskId), index("shadow_outcomes_created_idx").on(t.createdAt)],
);
