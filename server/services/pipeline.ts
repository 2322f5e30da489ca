import type { Db } from "@/db/client";
import { claimQueuedTask, finishRunningTask } from "@/db/queries/queue";
import * as q from "@/db/queries/tasks";
import type { LocalTaskAnalyzer } from "@/server/orchestrator/analysis";
import { executeChain, type EnginePorts } from "@/server/orchestrator/engine";
import { ProviderError } from "@/server/orchestrator/errors";
import type { ChatMessage, ModelChain, RoutingPolicy, Sampling, Strategy, Task, TaskConstraints, TaskRequirements } from "@/server/orchestrator/spec";
import { pinnedChain, pinnedRequirements } from "./pinned-plan";
import type { BreakerRegistry } from "./breakers";
import type { ModelClients } from "./clients";
import type { ProfileService } from "./profiles";
import type { ResultCache } from "./result-cache";
import { resultCacheKey } from "./result-cache-key";
import { INTERRUPTED, priorStepsOf } from "./resume";
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

const CANCELLED = "cancelled by an operator";

function taskOf(row: q.TaskRow): Task {
  return {
    id: row.id,
    prompt: row.prompt,
    constraints: row.constraints as TaskConstraints,
    strategy: row.strategy as Strategy,
    policy: row.policy as RoutingPolicy,
    ...(row.messages ? { messages: row.messages as ChatMessage[] } : {}),
    ...(row.sampling ? { sampling: row.sampling as Sampling } : {}),
  };
}

function cacheKeyOf(row: q.TaskRow, cache: ResultCache): string | undefined {
  // a cache switched off (TTL or size 0) is neither read nor written: no key to hash
  if (!row.useCache || !cache.enabled) return undefined;
  return resultCacheKey({
    prompt: row.prompt,
    messages: row.messages as ChatMessage[] | null,
    pinnedModelId: row.pinnedModelId,
    pinnedFallbacks: row.pinnedFallbacks as string[] | null,
    strategy: row.strategy,
    policy: row.policy,
    constraints: row.constraints as TaskConstraints,
    sampling: row.sampling as Sampling | null,
  });
}

/** Analyse → plan → execute → record: the life of one task, every stage an event. */
export function createTaskPipeline(deps: {
  db: Db;
  record: TaskRecorder;
  roster: RosterService;
  clients: ModelClients;
  analyzer: LocalTaskAnalyzer;
  routing: Routing;
  profiles: ProfileService;
  cache: ResultCache;
  /** process-wide circuit breakers and bulkheads, one per model (services/breakers.ts) */
  breakers?: BreakerRegistry;
  /** joins the current group commit (see db/group-commit.ts) before the pipeline's own row updates */
  beforeWrite?: () => void;
  /** shadow evaluation (services/shadow.ts): may re-ask a completed task's input of another model, in the background */
  shadow?: { afterTask(taskId: string): void };
}): TaskRunner {
  const { db, record, roster, clients, analyzer, routing, profiles, cache } = deps;
  const running = new Map<string, AbortController>();
  const beforeWrite = deps.beforeWrite ?? (() => undefined);

  interface Execution {
    task: Task;
    requirements: TaskRequirements;
    chain: ModelChain;
    startedAt: number;
    controller: AbortController;
    cacheKey?: string;
    /** false: whole replies, no live tokens (the task's stream_tokens) */
    stream: boolean;
    /** the caller named the model (the gateway's `model: <id>`): no analysis, routing or learning */
    pinned: boolean;
    /** set when resuming: steps an earlier run committed */
    priorStep?: EnginePorts["priorStep"];
    /** set when a resume found the run taking another path than the one on record */
    diverged?: () => boolean;
  }

  /** Runs the chain and ends the task — unless another process (a CLI cancel) ended it first. */
  async function execute(x: Execution): Promise<void> {
    const { task, requirements, chain, controller } = x;
    const taskId = task.id;
    const resumed = Boolean(x.priorStep);
    try {
      const outcome = await executeChain(
        {
          task,
          requirements,
          chain,
          signal: controller.signal,
          stream: x.stream,
          budget: { maxCostUsd: task.constraints.maxCostUsd, maxLatencyMs: task.constraints.maxLatencyMs },
        },
        {
          client: (id) => clients.get(id),
          model: (id) => roster.spec(id),
          emit: (event) => {
            record(event);
            if (event.type === "step.completed") routing.observe(event.modelId, { latencyMs: event.latencyMs, ok: true });
            // a call the task's own latency budget cut off says nothing against the model
            if (event.type === "step.failed" && !controller.signal.aborted && event.errorKind !== "deadline") routing.observe(event.modelId, { latencyMs: 0, ok: false });
          },
          clock: systemClock,
          random: systemRandom,
          // without it a vote tie goes by routing score, which under the cost policy ranks cheapness, not strength
          capabilityMean: (id, capability) => roster.specs().find((m) => m.id === id)?.capabilities[capability].mean,
          ...(deps.breakers ? { guard: deps.breakers.guard } : {}),
          ...(x.priorStep ? { priorStep: x.priorStep } : {}),
        },
      );
      beforeWrite();
      // a resumed task is billed what its committed steps cost, read back rather than trusted to the replay
      const spent = resumed ? spentOn(taskId) : { input: outcome.result.inputTokens, output: outcome.result.outputTokens, cost: outcome.result.costUsd };
      // the model that wrote the answer, not the first contributor (a mixture's first proposer, a pipeline's drafter):
      // the task page's "Model", operator feedback and the cache row all credit it
      const modelId = outcome.answer.modelId;
      const ended = finishRunningTask(db, taskId, {
        status: "completed",
        output: outcome.formatted.text,
        modelId,
        inputTokens: spent.input,
        outputTokens: spent.output,
        costUsd: spent.cost,
        latencyMs: Date.now() - x.startedAt,
        completedAt: Date.now(),
      });
      if (!ended) return endedElsewhere(taskId);
      record({ type: "task.completed", taskId, status: "completed" });
      // the task is done and announced: what follows is bookkeeping, and each part failing alone must not end up in the
      // failure branch below (which cannot end a completed task and would tell its waiters another process had)
      afterCompletion(taskId, "learn from it", () => {
        // a pinned plain answer carries no signal to learn from (profiles.learnFromTask would read the row to find out)
        if (!(x.pinned && requirements.format === "text")) profiles.learnFromTask(taskId);
      });
      afterCompletion(taskId, "sample it for shadow evaluation", () => deps.shadow?.afterTask(taskId));
      // only whole, valid answers are worth serving again (not one the cascade's verifier rejected)
      if (x.cacheKey && outcome.valid && !outcome.doubt) {
        const key = x.cacheKey;
        afterCompletion(taskId, "cache its answer", () =>
          cache.store(key, { output: outcome.formatted.text, modelId, taskId, inputTokens: spent.input, outputTokens: spent.output, costUsd: spent.cost }),
        );
      }
    } catch (error) {
      const diverged = x.diverged?.() ?? false;
      const cancelled = !diverged && (controller.signal.aborted || (error instanceof ProviderError && error.kind === "aborted"));
      const message = diverged ? INTERRUPTED : cancelled ? CANCELLED : error instanceof Error ? error.message : String(error);
      beforeWrite();
      const spent = spentOn(taskId);
      const status = cancelled ? "cancelled" : "failed";
      const ended = finishRunningTask(db, taskId, {
        status,
        error: message,
        inputTokens: spent.input,
        outputTokens: spent.output,
        costUsd: spent.cost,
        latencyMs: Date.now() - x.startedAt,
        completedAt: Date.now(),
      });
      if (ended) record({ type: "task.failed", taskId, status, error: message });
      else endedElsewhere(taskId);
    } finally {
      running.delete(taskId);
    }
  }

  /** Bookkeeping after a task completed: a failure is logged, not turned into the task's failure. */
  function afterCompletion(taskId: string, what: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      console.error(`Ensemble: task ${taskId} completed, but could not ${what}:`, error);
    }
  }

  const endedElsewhereListeners: Array<(taskId: string) => void> = [];

  /** Another process ended the task (a CLI cancel) while it ran or was waited on here: its end went out on that process's bus. */
  function endedElsewhere(taskId: string): void {
    for (const listener of endedElsewhereListeners) listener(taskId);
  }

  function spentOn(taskId: string) {
    return q.listSteps(db, taskId).reduce(
      (sum, s) => (s.status === "completed" ? { input: sum.input + s.inputTokens, output: sum.output + s.outputTokens, cost: sum.cost + s.costUsd } : sum),
      { input: 0, output: 0, cost: 0 },
    );
  }

  async function run(taskId: string): Promise<void> {
    const row = q.findTask(db, taskId);
    if (!row || row.status !== "queued") return;
    const startedAt = Date.now();
    const cacheKey = cacheKeyOf(row, cache);
    // an answer from a model disabled or deleted since is not served (nor credited to it)
    const hit = cacheKey ? cache.lookup(cacheKey, (id) => roster.list().some((m) => m.id === id && m.enabled)) : undefined;
    beforeWrite();
    if (hit) {
      const claimed = claimQueuedTask(db, taskId, {
        status: "completed",
        startedAt,
        cacheHit: true,
        cachedFromTaskId: hit.taskId,
        output: hit.output,
        modelId: hit.modelId,
        latencyMs: Date.now() - startedAt,
        completedAt: Date.now(),
      });
      if (claimed) record({ type: "task.completed", taskId, status: "completed", cached: true, cachedFromTaskId: hit.taskId });
      return;
    }
    // the claim (queued → running) is synchronous, before the first await: the worker pool relies on it
    if (!claimQueuedTask(db, taskId, { status: "running", startedAt, ...(cacheKey ? { cacheHit: false } : {}) })) return;
    const controller = new AbortController();
    running.set(taskId, controller);
    const task = taskOf(row);
    const pinned = row.pinnedModelId;
    let requirements: TaskRequirements;
    let chain: ModelChain;
    try {
      // a pinned model (the gateway's `model: <id>`) skips analysis and routing: the plan is that model alone
      requirements = pinned
        ? pinnedRequirements(task.messages ?? [{ role: "user", content: task.prompt }], task.constraints)
        : analyzer.analyzeSync({ prompt: task.prompt, constraints: task.constraints });
      record({ type: "task.analyzed", taskId, requirements });
      chain = pinned ? pinnedChain(pinned, task.policy, (row.pinnedFallbacks as string[] | null) ?? []) : routing.plan(requirements, { strategy: task.strategy, policy: task.policy });
      record({ type: "chain.planned", taskId, chain });
    } catch (error) {
      running.delete(taskId);
      const message = error instanceof Error ? error.message : String(error);
      beforeWrite();
      if (finishRunningTask(db, taskId, { status: "failed", error: message, latencyMs: Date.now() - startedAt, completedAt: Date.now() })) {
        record({ type: "task.failed", taskId, status: "failed", error: message });
      }
      return;
    }
    await execute({ task, requirements, chain, startedAt, controller, cacheKey, stream: row.streamTokens, pinned: Boolean(pinned) });
  }

  /**
   * Continues a task a stopped process left `running` (its plan checked by resumeVerdict, its cut-short step
   * attempts closed): committed steps are replayed from their rows — not re-run, not re-billed — and the rest
   * runs. Should the run take another path than the one on record, it stops and the task ends "interrupted".
   */
  async function resume(taskId: string): Promise<void> {
    const row = q.findTask(db, taskId);
    if (!row || row.status !== "running" || !row.requirements || !row.plan) return;
    const priors = priorStepsOf(q.listSteps(db, taskId), q.listEvents(db, taskId));
    const controller = new AbortController();
    running.set(taskId, controller);
    let diverged = false;
    await execute({
      task: taskOf(row),
      requirements: row.requirements as TaskRequirements,
      chain: row.plan as ModelChain,
      startedAt: row.startedAt ?? Date.now(),
      controller,
      cacheKey: cacheKeyOf(row, cache),
      stream: row.streamTokens,
      pinned: Boolean(row.pinnedModelId),
      priorStep: (stepIndex, modelId) => {
        const recorded = priors.get(stepIndex);
        if (!recorded) return undefined;
        if (recorded.modelId === modelId) return recorded.prior;
        diverged = true;
        controller.abort(new ProviderError("aborted", `${INTERRUPTED}: step ${stepIndex + 1} was ${recorded.modelId} on record, ${modelId} now`));
        return { kind: "failed", error: INTERRUPTED };
      },
      diverged: () => diverged,
    });
  }

  return {
    run,
    resume,
    runningIds: () => [...running.keys()],
    onEndedElsewhere: (listener) => void endedElsewhereListeners.push(listener),
    announceEndedElsewhere: endedElsewhere,
    cancel(taskId: string): boolean {
      const controller = running.get(taskId);
      controller?.abort(new ProviderError("aborted", CANCELLED));
      return Boolean(controller);
    },
  };
}
