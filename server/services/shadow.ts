import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shadowOutcomes, shadowSettings, tasks } from "@/db/schema";
import { statement } from "@/db/statements";
import { answersAgree } from "@/server/orchestrator/chains/gates";
import { taskMessages } from "@/server/orchestrator/chains/prompts";
import { InvalidInputError } from "@/server/orchestrator/errors";
import { outputReserve } from "@/server/orchestrator/chains/step-runner";
import type { ModelGuard } from "@/server/orchestrator/resilience/guard";
import { withTimeout } from "@/server/orchestrator/resilience/timeout";
import {
  costUsd,
  type ChatMessage,
  type Clock,
  type GenerateRequest,
  type LLMModel,
  type ModelClient,
  type OutputFormat,
  type Sampling,
  type TaskRequirements,
} from "@/server/orchestrator/spec";
import { normalizeText } from "@/server/orchestrator/synthesis/normalize";
import { systemClock } from "./pipeline";
import type { RosterService } from "./roster";

export interface ShadowSettings {
  /** share of completed tasks re-asked of the shadow model, 0–1 (0: off) */
  fraction: number;
  shadowModelId: string | null;
  updatedBy: string | null;
  updatedAt: number | null;
}

export interface ShadowSamplerDeps {
  db: Db;
  roster: Pick<RosterService, "spec">;
  clients: { get(modelId: string): ModelClient };
  /** the model's process-wide breaker (services/breakers.ts), as the pipeline hands it to the engine */
  guard?: (modelId: string) => ModelGuard;
  /** uniform [0, 1) draws for sampling; seeded in tests */
  random?: () => number;
  now?: () => number;
  /** times the shadow call's deadline; a manual clock in tests */
  clock?: Clock;
  /** deadline for a shadow model whose spec carries no resilience settings (default 60 s) */
  defaultTimeoutMs?: number;
  /** shadow calls running at once; samples beyond it are dropped, not queued (default 4) */
  maxInFlight?: number;
  log?: (line: string) => void;
}

export const SHADOW_DEFAULT_TIMEOUT_MS = 60_000;
export const SHADOW_MAX_IN_FLIGHT = 4;

/** Why a drawn sample was not sent: counted for operators, since these leave no outcome row. */
export interface ShadowSkips {
  /** the in-flight cap was reached */
  busy: number;
  /** the shadow model is disabled or no longer on the roster */
  unavailable: number;
  /** the shadow model's circuit breaker is not closed */
  breaker: number;
}

/**
 * The task's sampling settings as the step runner applies them: the task asked for these, so an answer under other
 * settings would be graded against a different question; the reserve also bounds what an answer can cost.
 */
function shadowSampling(sampling: Sampling | null, spec: LLMModel): Pick<GenerateRequest, "maxOutputTokens" | "temperature" | "topP" | "stop"> {
  const reserve = outputReserve(spec);
  return {
    maxOutputTokens: sampling?.maxOutputTokens !== undefined ? Math.min(reserve, sampling.maxOutputTokens) : reserve,
    ...(sampling?.temperature !== undefined ? { temperature: sampling.temperature } : {}),
    ...(sampling?.topP !== undefined ? { topP: sampling.topP } : {}),
    ...(sampling?.stop !== undefined ? { stop: sampling.stop } : {}),
  };
}

const OFF: ShadowSettings = { fraction: 0, shadowModelId: null, updatedBy: null, updatedAt: null };

/**
 * How a shadow answer is graded against the task's: short answers by the cascade's own agreement gate
 * (normalised answers equal), anything else by normalised text (case, whitespace and punctuation aside).
 */
export function gradeAgreement(format: OutputFormat, taskAnswer: string, shadowAnswer: string): { agrees: boolean; grading: "short-answer" | "text" } {
  if (format === "short-answer") return { agrees: answersAgree(taskAnswer, shadowAnswer), grading: "short-answer" };
  const a = normalizeText(taskAnswer);
  return { agrees: a !== "" && a === normalizeText(shadowAnswer), grading: "text" };
}

/**
 * Shadow evaluation: after a task completes, with probability `fraction` the same input goes to the shadow model
 * in the background, its answer is graded by agreement with the task's, and the call is stored as an outcome row
 * (shadow_outcomes) that the lab's history data set reads. The task is never delayed and never billed: the call's
 * cost is recorded on its own row.
 *
 * Shadow calls share providers' sockets with users' calls (server/providers/http-fetch.ts has no timeouts of its
 * own), so each is bounded: a deadline (the model's total timeout, as users' calls get it, else 60 s), a small
 * in-flight cap, and no call at all to a disabled or deleted model or one whose breaker is not closed.
 */
export function createShadowSampler(deps: ShadowSamplerDeps) {
  const { db } = deps;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const clock = deps.clock ?? systemClock;
  const defaultTimeoutMs = deps.defaultTimeoutMs ?? SHADOW_DEFAULT_TIMEOUT_MS;
  const maxInFlight = deps.maxInFlight ?? SHADOW_MAX_IN_FLIGHT;
  const log = deps.log ?? ((line: string) => console.warn(line));
  const inFlight = new Set<Promise<void>>();
  const skips: ShadowSkips = { busy: 0, unavailable: 0, breaker: 0 };
  // one log line per saturation episode: under sustained load a line per dropped sample would flood the log
  let saturated = false;

  // read after every completed task: cached until this process updates it or another connection commits
  let cached: { dataVersion: number; value: ShadowSettings } | undefined;
  function settings(): ShadowSettings {
    const dataVersion = statement(db.$client, "pragma data_version").pluck().get() as number;
    if (cached?.dataVersion === dataVersion) return cached.value;
    const row = db.select().from(shadowSettings).where(eq(shadowSettings.id, 1)).get();
    const value = row ? { fraction: row.fraction, shadowModelId: row.shadowModelId, updatedBy: row.updatedBy, updatedAt: row.updatedAt } : OFF;
    cached = { dataVersion, value };
    return value;
  }

  function update(input: { fraction: number; shadowModelId: string | null }, userId: string | null): ShadowSettings {
    if (!(input.fraction >= 0 && input.fraction <= 1)) throw new InvalidInputError("fraction", "must be between 0 and 1");
    if (input.fraction > 0 && !input.shadowModelId) throw new InvalidInputError("shadowModelId", "choose a shadow model to sample into");
    if (input.shadowModelId) deps.roster.spec(input.shadowModelId); // NotFoundError names an unknown model
    const row = { id: 1, fraction: input.fraction, shadowModelId: input.shadowModelId, updatedBy: userId, updatedAt: now() };
    db.insert(shadowSettings).values(row).onConflictDoUpdate({ target: shadowSettings.id, set: row }).run();
    cached = undefined;
    return settings();
  }

  /** the shadow model's spec when it may be called now; undefined (counted) when not */
  function usableSpec(modelId: string): LLMModel | undefined {
    let spec: LLMModel | undefined;
    try {
      spec = deps.roster.spec(modelId);
    } catch {
      spec = undefined; // deleted since it was chosen
    }
    if (!spec?.enabled) {
      skips.unavailable += 1;
      return undefined;
    }
    // not closed: open, or half-open with a probe running. A due probe is left to users' calls, whose routing
    // would otherwise skip the model while the shadow held the probe reservation.
    if (deps.guard && deps.guard(modelId).snapshot().state !== "closed") {
      skips.breaker += 1;
      return undefined;
    }
    return spec;
  }

  async function shadowCall(task: typeof tasks.$inferSelect, spec: LLMModel): Promise<void> {
    const modelId = spec.id;
    const started = now();
    const format = ((task.requirements as TaskRequirements | null)?.format ?? "text") as OutputFormat;
    const base = { taskId: task.id, taskModelId: task.modelId, shadowModelId: modelId, createdAt: started };
    try {
      const messages: ChatMessage[] = (task.messages as ChatMessage[] | null) ?? taskMessages(task.prompt, format);
      const client = deps.clients.get(modelId);
      const request = { messages, ...shadowSampling(task.sampling as Sampling | null, spec), capabilityHint: (task.requirements as TaskRequirements | null)?.primary };
      // Not through guard.execute: shadow evaluation only reads the breaker, so whether users' routing skips a model
      // is decided by users' calls alone, never by a background sample. The in-flight cap bounds concurrency instead
      // of the bulkhead, and withTimeout settles at the deadline even when a client ignores its aborted signal.
      const result = await withTimeout((signal) => client.generate({ ...request, signal }), {
        clock,
        timeoutMs: spec.resilience?.totalTimeoutMs ?? defaultTimeoutMs,
        describe: `shadow call to ${modelId}`,
      });
      const grade = gradeAgreement(format, task.output ?? "", result.text);
      db.insert(shadowOutcomes)
        .values({
          ...base,
          status: "completed",
          output: result.text,
          agrees: grade.agrees,
          grading: grade.grading,
          inputTokens: result.usage.inputTokens,
          outputTokens: result.usage.outputTokens,
          costUsd: costUsd(spec.pricing, result.usage.inputTokens, result.usage.outputTokens),
          latencyMs: result.latencyMs,
        })
        .run();
    } catch (error) {
      db.insert(shadowOutcomes)
        .values({ ...base, status: "failed", error: error instanceof Error ? error.message : String(error), latencyMs: now() - started })
        .run();
    }
  }

  function sample(taskId: string): void {
    const s = settings();
    if (!(s.fraction > 0) || !s.shadowModelId) return;
    if (random() >= s.fraction) return;
    const task = db.select().from(tasks).where(eq(tasks.id, taskId)).get();
    if (!task || task.status !== "completed" || task.cacheHit || task.output === null || task.modelId === s.shadowModelId) return;
    const spec = usableSpec(s.shadowModelId);
    if (!spec) return;
    if (inFlight.size >= maxInFlight) {
      skips.busy += 1;
      if (!saturated) log(`Ensemble: shadow evaluation has ${maxInFlight} calls in flight, its cap; dropping samples until one finishes.`);
      saturated = true;
      return;
    }
    saturated = false;
    const call = shadowCall(task, spec)
      // only the failure row's own write can get here (a closed database): it must not surface as an unhandled rejection
      .catch((error: unknown) => log(`Ensemble: shadow call for task ${taskId} not recorded: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  }

  return {
    settings,
    update,

    /**
     * Called once a task has completed. Decides synchronously (one settings read, one draw) and returns at once;
     * the shadow call runs in the background. Skipped: shadowing off, cached answers, tasks without an answer,
     * and tasks the shadow model itself answered (it would only agree with itself). Dropped, and counted in
     * `skipped()`: samples over the in-flight cap, and a shadow model that is disabled, deleted or behind a breaker
     * that is not closed. Never throws: the caller is the task path.
     */
    afterTask(taskId: string): void {
      try {
        sample(taskId);
      } catch (error) {
        log(`Ensemble: shadow sampling skipped task ${taskId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    /** Samples drawn but not sent since this process started, by reason. */
    skipped(): ShadowSkips {
      return { ...skips };
    },

    /** Resolves when every shadow call started so far has been recorded (tests, orderly shutdown). */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.all([...inFlight]);
    },

    /** Totals for the lab page: calls, agreement, what shadowing has cost, per shadow model. */
    stats() {
      const rows = db
        .select({
          model: shadowOutcomes.shadowModelId,
          calls: sql<number>`count(*)`,
          completed: sql<number>`sum(case when ${shadowOutcomes.status} = 'completed' then 1 else 0 end)`,
          agreed: sql<number>`sum(case when ${shadowOutcomes.agrees} = 1 then 1 else 0 end)`,
          costUsd: sql<number>`coalesce(sum(${shadowOutcomes.costUsd}), 0)`,
        })
        .from(shadowOutcomes)
        .groupBy(shadowOutcomes.shadowModelId)
        .all();
      return rows.map((r) => ({ ...r, agreement: r.completed ? r.agreed / r.completed : null }));
    },

    recent(limit = 20) {
      return db
        .select({
          id: shadowOutcomes.id,
          taskId: shadowOutcomes.taskId,
          taskModelId: shadowOutcomes.taskModelId,
          shadowModelId: shadowOutcomes.shadowModelId,
          status: shadowOutcomes.status,
          agrees: shadowOutcomes.agrees,
          grading: shadowOutcomes.grading,
          costUsd: shadowOutcomes.costUsd,
          error: shadowOutcomes.error,
          createdAt: shadowOutcomes.createdAt,
        })
        .from(shadowOutcomes)
        .orderBy(desc(shadowOutcomes.id))
        .limit(limit)
        .all();
    },
  };
}

export type ShadowSampler = ReturnType<typeof createShadowSampler>;
