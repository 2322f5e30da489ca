import type { Db } from "@/db/client";
import * as q from "@/db/queries/tasks";
import type { LocalTaskAnalyzer } from "@/server/orchestrator/analysis";
import { executeChain } from "@/server/orchestrator/engine";
import { ProviderError } from "@/server/orchestrator/errors";
import type { ChatMessage, RoutingPolicy, Strategy, Task, TaskConstraints } from "@/server/orchestrator/spec";
import { pinnedChain, pinnedRequirements } from "./pinned-plan";
import type { ModelClients } from "./clients";
import type { ProfileService } from "./profiles";
import type { RosterService } from "./roster";
import type { Routing } from "./routing";
import type { TaskRecorder } from "./task-recorder";
import type { TaskRunner } from "./tasks";

export const systemClock = {
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

export const systemRandom = { next: () => Math.random() };

/** Analyse → plan → execute → record: the life of one task, every stage an event. */
export function createTaskPipeline(deps: {
  db: Db;
  record: TaskRecorder;
  roster: RosterService;
  clients: ModelClients;
  analyzer: LocalTaskAnalyzer;
  routing: Routing;
  profiles: ProfileService;
  /** joins the current group commit (see db/group-commit.ts) before the pipeline's own row updates */
  beforeWrite?: () => void;
}): TaskRunner {
  const { db, record, roster, clients, analyzer, routing, profiles } = deps;
  const running = new Map<string, AbortController>();

  async function run(taskId: string): Promise<void> {
    const row = q.findTask(db, taskId);
    if (!row || row.status !== "queued") return;
    const startedAt = Date.now();
    const beforeWrite = deps.beforeWrite ?? (() => undefined);
    beforeWrite();
    q.updateTask(db, taskId, { status: "running", startedAt });
    const controller = new AbortController();
    running.set(taskId, controller);
    const task: Task = {
      id: taskId,
      prompt: row.prompt,
      constraints: row.constraints as TaskConstraints,
      strategy: row.strategy as Strategy,
      policy: row.policy as RoutingPolicy,
      ...(row.messages ? { messages: row.messages as ChatMessage[] } : {}),
    };
    const pinned = row.pinnedModelId;
    try {
      // a pinned model (the gateway's `model: <id>`) skips analysis and routing: the plan is that model alone
      const requirements = pinned
        ? pinnedRequirements(task.messages ?? [{ role: "user", content: task.prompt }], task.constraints)
        : analyzer.analyzeSync({ prompt: task.prompt, constraints: task.constraints });
      record({ type: "task.analyzed", taskId, requirements });
      const chain = pinned ? pinnedChain(pinned, task.policy) : routing.plan(requirements, { strategy: task.strategy, policy: task.policy });
      record({ type: "chain.planned", taskId, chain });
      const outcome = await executeChain(
        {
          task,
          requirements,
          chain,
          signal: controller.signal,
          budget: { maxCostUsd: task.constraints.maxCostUsd, maxLatencyMs: task.constraints.maxLatencyMs },
        },
        {
          client: (id) => clients.get(id),
          model: (id) => roster.spec(id),
          emit: (event) => {
            record(event);
            if (event.type === "step.completed") routing.observe(event.modelId, { latencyMs: event.latencyMs, ok: true });
            if (event.type === "step.failed" && !controller.signal.aborted) routing.observe(event.modelId, { latencyMs: 0, ok: false });
          },
          clock: systemClock,
          random: systemRandom,
        },
      );
      beforeWrite();
      const lead = outcome.steps.find((s) => outcome.result.contributors.includes(s.stepIndex)) ?? outcome.steps.at(-1);
      q.updateTask(db, taskId, {
        status: "completed",
        output: outcome.formatted.text,
        modelId: lead?.modelId ?? chain.steps[0]?.modelId ?? null,
        inputTokens: outcome.result.inputTokens,
        outputTokens: outcome.result.outputTokens,
        costUsd: outcome.result.costUsd,
        latencyMs: Date.now() - startedAt,
        completedAt: Date.now(),
      });
      record({ type: "task.completed", taskId, status: "completed" });
      profiles.learnFromTask(taskId);
    } catch (error) {
      const cancelled = controller.signal.aborted || (error instanceof ProviderError && error.kind === "aborted");
      const message = cancelled ? "cancelled by an operator" : error instanceof Error ? error.message : String(error);
      beforeWrite();
      const spent = q.listSteps(db, taskId).reduce(
        (sum, s) => ({ input: sum.input + s.inputTokens, output: sum.output + s.outputTokens, cost: sum.cost + s.costUsd }),
        { input: 0, output: 0, cost: 0 },
      );
      q.updateTask(db, taskId, {
        status: cancelled ? "cancelled" : "failed",
        error: message,
        inputTokens: spent.input,
        outputTokens: spent.output,
        costUsd: spent.cost,
        latencyMs: Date.now() - startedAt,
        completedAt: Date.now(),
      });
      record({ type: "task.failed", taskId, status: cancelled ? "cancelled" : "failed", error: message });
    } finally {
      running.delete(taskId);
    }
  }

  return {
    run,
    cancel(taskId: string): boolean {
      const controller = running.get(taskId);
      controller?.abort(new ProviderError("aborted", "cancelled by an operator"));
      return Boolean(controller);
    },
  };
}
