import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shadowOutcomes, shadowSettings, tasks } from "@/db/schema";
import { statement } from "@/db/statements";
import { answersAgree } from "@/server/orchestrator/chains/gates";
import { taskMessages } from "@/server/orchestrator/chains/prompts";
import { InvalidInputError } from "@/server/orchestrator/errors";
import { costUsd, type ChatMessage, type ModelClient, type OutputFormat, type TaskRequirements } from "@/server/orchestrator/spec";
import { normalizeText } from "@/server/orchestrator/synthesis/normalize";
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
  /** uniform [0, 1) draws for sampling; seeded in tests */
  random?: () => number;
  now?: () => number;
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
 */
export function createShadowSampler(deps: ShadowSamplerDeps) {
  const { db } = deps;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const inFlight = new Set<Promise<void>>();

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

  async function shadowCall(task: typeof tasks.$inferSelect, modelId: string): Promise<void> {
    const started = now();
    const format = ((task.requirements as TaskRequirements | null)?.format ?? "text") as OutputFormat;
    const base = { taskId: task.id, taskModelId: task.modelId, shadowModelId: modelId, createdAt: started };
    try {
      const spec = deps.roster.spec(modelId);
      const messages: ChatMessage[] = (task.messages as ChatMessage[] | null) ?? taskMessages(task.prompt, format);
      const result = await deps.clients.get(modelId).generate({ messages, capabilityHint: (task.requirements as TaskRequirements | null)?.primary });
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

  return {
    settings,
    update,

    /**
     * Called once a task has completed. Decides synchronously (one settings read, one draw) and returns at once;
     * the shadow call runs in the background. Skipped: shadowing off, cached answers, tasks without an answer,
     * and tasks the shadow model itself answered (it would only agree with itself).
     */
    afterTask(taskId: string): void {
      const s = settings();
      if (!(s.fraction > 0) || !s.shadowModelId) return;
      if (random() >= s.fraction) return;
      const task = db.select().from(tasks).where(eq(tasks.id, taskId)).get();
      if (!task || task.status !== "completed" || task.cacheHit || task.output === null || task.modelId === s.shadowModelId) return;
      const call = shadowCall(task, s.shadowModelId).finally(() => inFlight.delete(call));
      inFlight.add(call);
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
