import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { cancelActiveTask, listTaskSummaries, rebillEndedTask, stepsStartedAfter, type Rebilled, type TaskSummaryFilter } from "@/db/queries/queue";
import * as q from "@/db/queries/tasks";
import { statement } from "@/db/statements";
import { NotFoundError } from "@/server/orchestrator/errors";
import {
  type ChatMessage,
  type ModelChain,
  type RoutingPolicy,
  type Sampling,
  type Strategy,
  type TaskConstraints,
  type TaskEvent,
  type TaskRequirements,
} from "@/server/orchestrator/spec";
import { DEMO_TASKS } from "./demo";
import type { TaskQueue } from "./queue";
import { closeInterruptedSteps, INTERRUPTED, resumeVerdict } from "./resume";
import type { TaskRecorder } from "./task-recorder";
import type { PublishedEvent, TaskEventBus } from "./event-bus";
import { PendingRollups } from "./metrics/rollup-pending";
import type { Increments } from "./metrics/rollup-rows";
import { STRATEGY_SQL } from "./metrics/rollup-sql";

export type TaskSource = "ui" | "cli" | "api" | "gateway";

export interface SubmitInput {
  prompt: string;
  constraints: TaskConstraints;
  strategy: Strategy;
  policy: RoutingPolicy;
  /** the gateway's `model: <roster id>`: the plan becomes a single step on this model, without routing */
  pinnedModelId?: string;
  /** the gateway's `models`: alternates for the pinned model, tried in order when it fails */
  pinnedFallbacks?: string[];
  /** the caller's sampling settings, passed to every model call (the gateway's temperature, top_p, max_tokens, stop) */
  sampling?: Sampling;
  /** the caller's conversation, sent verbatim by answering steps (the gateway); `prompt` is its summary */
  messages?: ChatMessage[];
  /** false: neither serve this task from the result cache nor store its answer (default true) */
  cache?: boolean;
  /** false: model calls return whole replies and no output.delta events go out (default true) */
  streamTokens?: boolean;
}

export interface TaskOrigin {
  source: TaskSource;
  userId?: string;
  /** the gateway key that sent the task, for its monthly budget */
  apiKeyId?: string;
}

export interface ListInput extends q.TaskFilter {
  page: number;
  pageSize: number;
}

const TERMINAL_EVENTS = new Set<TaskEvent["type"]>(["task.completed", "task.failed"]);

/**
 * 40 random bits after the time: randomUUID draws from Node's batched entropy cache, where randomBytes(5) makes
 * a call into the crypto library for every task. Its first 8 and next 2 hex digits are fully random.
 */
export function newTaskId(): string {
  const uuid = randomUUID();
  return `tsk_${Date.now().toString(36)}${uuid.slice(0, 8)}${uuid.slice(9, 11)}`;
}


export interface TaskRunner {
  /** runs a queued task (claims it first); returns at once when it is not queued */
  run(taskId: string): Promise<void>;
  /** continues a task a stopped process left running, from its last committed step */
  resume(taskId: string): Promise<void>;
  /** aborts a task running in this process; false when it is not running here */
  cancel(taskId: string): boolean;
  /** ids of the tasks running in this process */
  runningIds(): string[];
  /**
   * `listener` hears of each task another process ended (a CLI cancel) while it was running here, or that is waited
   * on here though it was not running here (announceEndedElsewhere)
   */
  onEndedElsewhere(listener: (taskId: string) => void): void;
  announceEndedElsewhere(taskId: string): void;
}

/**
 * Adds to the task rollups of a task already counted, in the buckets of its end (`at`): what steps that completed
 * after another process recorded its end added to its figures. Without it the metrics would lag the tasks table.
 */
function addToTaskRollups(db: Db, taskId: string, at: number, extra: Rebilled & { steps: number }): void {
  const add: Increments = {};
  if (extra.costUsd !== 0) add.cost_usd = extra.costUsd;
  if (extra.inputTokens !== 0) add.input_tokens = extra.inputTokens;
  if (extra.outputTokens !== 0) add.output_tokens = extra.outputTokens;
  if (extra.steps !== 0) add.steps = extra.steps;
  if (Object.keys(add).length === 0) return;
  // the strategy key its end was counted under (metrics/rollup-writer.ts reads the same expression)
  const row = statement(db.$client, `SELECT ${STRATEGY_SQL} AS strategy FROM tasks t WHERE t.id = ?`).get(taskId) as { strategy: string | null } | undefined;
  const rollups = new PendingRollups(db.$client);
  rollups.add([
    { dim: "task", key: "", at, add, vectors: {} },
    { dim: "strategy", key: row?.strategy ?? "unknown", at, add, vectors: {} },
  ]);
  rollups.flush();
}

export function createTaskService(deps: {
  db: Db;
  bus: TaskEventBus;
  record: TaskRecorder;
  runner: () => TaskRunner;
  queue: TaskQueue;
  /** whether a model id is in the roster and enabled: a resumed plan needs every one of its models */
  modelUsable: (modelId: string) => boolean;
  beforeWrite?: () => void;
  /** commits the open group at once (db/group-commit.ts): an id handed to a caller names a task already on disk */
  commitNow?: () => void;
}) {
  const { db, bus, record, queue } = deps;

  /**
   * A task another process ended while it ran or was waited on here (a CLI cancel, noticed by queue-watch.ts): that
   * process recorded its end, on its own bus, and billed and counted the steps completed by then. Steps completed
   * here since are billed too (the rollups get the difference), then the end is published here, where the task's
   * waiters are (the gateway's follow, watch()): without it they would wait forever.
   */
  function settleEndedElsewhere(taskId: string): void {
    deps.beforeWrite?.();
    const end = q.findTerminalEvent(db, taskId);
    try {
      const added = rebillEndedTask(db, taskId);
      if (end && added) addToTaskRollups(db, taskId, end.at, { ...added, steps: stepsStartedAfter(db, taskId, end.id) });
    } catch (error) {
      // the waiters must still hear of the end; the figures stay as the other process left them
      console.error(`Ensemble: could not bill the steps task ${taskId} completed after it was ended elsewhere:`, error);
    }
    if (end) bus.publish(taskId, { id: end.id, at: end.at, event: end.payload as TaskEvent });
  }
  // now rather than on first use: the worker pool starts runs without going through this service
  deps.runner().onEndedElsewhere(settleEndedElsewhere);

  function get(id: string) {
    const task = q.findTask(db, id);
    if (!task) throw new NotFoundError("Task", id);
    return {
      ...task,
      constraints: task.constraints as TaskConstraints,
      requirements: task.requirements as TaskRequirements | null,
      plan: task.plan as ModelChain | null,
      steps: q.listSteps(db, id),
      messages: q.listMessages(db, id),
      events: q.listEvents(db, id).map((e) => ({ id: e.id, type: e.type, at: e.at, payload: e.payload as TaskEvent })),
    };
  }

  function create(input: SubmitInput, origin: TaskOrigin): string {
    const id = newTaskId();
    deps.beforeWrite?.();
    q.insertTask(db, {
      id,
      prompt: input.prompt,
      status: "queued",
      strategy: input.strategy,
      policy: input.policy,
      constraints: input.constraints,
      source: origin.source,
      submittedBy: origin.userId ?? null,
      pinnedModelId: input.pinnedModelId ?? null,
      pinnedFallbacks: input.pinnedFallbacks ?? null,
      sampling: input.sampling ?? null,
      apiKeyId: origin.apiKeyId ?? null,
      messages: input.messages ?? null,
      useCache: input.cache ?? true,
      streamTokens: input.streamTokens ?? true,
    });
    record({ type: "task.queued", taskId: id });
    return id;
  }

  return {
    get,

    /**
     * Accepts the task — its `queued` row is the durable queue entry — and hands it to the worker pool, which
     * starts it on a later turn (so the caller can subscribe first) once a worker is free.
     */
    submit(input: SubmitInput, origin: TaskOrigin): { id: string } {
      const id = create(input, origin);
      // the gateway's acknowledgement is the answer, sent after later commits; everyone else gets the id now
      if (origin.source !== "gateway") deps.commitNow?.();
      queue.enqueue(id);
      return { id };
    },

    /** Submits the curated demo batch; returns the new task ids in submission order. */
    submitDemo(origin: TaskOrigin): { ids: string[] } {
      return { ids: DEMO_TASKS.map((input) => this.submit(input, origin).id) };
    },

    /** Runs the task in this process and returns it finished (the CLI's `run`). */
    async runToCompletion(input: SubmitInput, origin: TaskOrigin) {
      const id = create(input, origin);
      await deps.runner().run(id);
      return get(id);
    },

    /** Newest first, at most `limit`: the CLI's `tasks list`. */
    summaries: (filter: TaskSummaryFilter) => listTaskSummaries(db, filter),

    list(input: ListInput) {
      const { page, pageSize, ...filter } = input;
      const { items, total } = q.listTasks(db, filter, page, pageSize);
      return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
    },

    countsByStatus: () => q.taskCountsByStatus(db),

    /** The synthesised answer of a finished task (one primary-key read): for chains whose answer is not one step's text. */
    finalOutput: (id: string): string | null => q.findTask(db, id)?.output ?? null,

    /**
     * Stops a queued, running or resuming task; a finished task stays as it is. A task running in this process
     * is aborted here and ends `cancelled` within moments ("cancelling"). Otherwise the row is ended at once,
     * billed for the steps it completed: queued, waiting to resume, or running in another process — whose worker
     * notices the row, aborts and tells its own waiters (queue-watch.ts, settleEndedElsewhere).
     */
    cancel(id: string): { status: string } {
      const task = q.findTask(db, id);
      if (!task) throw new NotFoundError("Task", id);
      if (task.status === "running" && deps.runner().cancel(id)) return { status: "cancelling" };
      deps.beforeWrite?.();
      if (cancelActiveTask(db, id, { status: "cancelled", error: "cancelled by an operator", completedAt: Date.now() })) {
        record({ type: "task.failed", taskId: id, status: "cancelled", error: "cancelled by an operator" });
        return { status: "cancelled" };
      }
      return { status: q.findTask(db, id)?.status ?? task.status };
    },

    /** Persisted events after `afterId`, then live ones, until the task ends or the caller stops listening. */
    async *watch(taskId: string, afterId: number, signal?: AbortSignal): AsyncGenerator<PublishedEvent> {
      if (!q.findTask(db, taskId)) throw new NotFoundError("Task", taskId);
      const buffered: PublishedEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = bus.subscribe(taskId, (published) => {
        buffered.push(published);
        wake?.();
      });
      const onAbort = () => wake?.();
      signal?.addEventListener("abort", onAbort);
      try {
        let lastId = afterId;
        for (const row of q.listEvents(db, taskId, afterId)) {
          lastId = row.id;
          const event = row.payload as TaskEvent;
          yield { id: row.id, at: row.at, event };
          if (TERMINAL_EVENTS.has(event.type)) return;
        }
        while (!signal?.aborted) {
          const next = buffered.shift();
          if (!next) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = undefined;
            continue;
          }
          // an end recorded by another process (a CLI cancel) is published here after this process's own later
          // events (the aborted step's step.failed): its id is lower, yet it is new, as watch() stops at the first end
          if (next.id !== undefined && next.id <= lastId && !TERMINAL_EVENTS.has(next.event.type)) continue;
          if (next.id !== undefined) lastId = next.id;
          yield next;
          if (TERMINAL_EVENTS.has(next.event.type)) return;
        }
      } finally {
        unsubscribe();
        signal?.removeEventListener("abort", onAbort);
      }
    },

    /**
     * Work left by a previous process, at start: tasks it left `running` resume from their last committed step
     * (their cut-short step attempts closed as interrupted) or, when their plan cannot be resumed, end `failed`
     * with error "interrupted"; queued tasks are picked up by the worker pool, oldest first.
     */
    recover(): { resumed: string[]; interrupted: string[]; queued: number } {
      const resumed: string[] = [];
      const interrupted: string[] = [];
      for (const { id } of q.listTasksWithStatus(db, "running")) {
        const row = q.findTask(db, id);
        if (!row) continue;
        const verdict = resumeVerdict(row, deps.modelUsable);
        deps.beforeWrite?.();
        if (verdict.resumable) {
          closeInterruptedSteps(db, record, id, q.listSteps(db, id));
          resumed.push(id);
          queue.enqueueResume(id);
          continue;
        }
        const spent = q.listSteps(db, id).reduce(
          (sum, s) => (s.status === "completed" ? { input: sum.input + s.inputTokens, output: sum.output + s.outputTokens, cost: sum.cost + s.costUsd } : sum),
          { input: 0, output: 0, cost: 0 },
        );
        for (const step of q.listSteps(db, id).filter((s) => s.status === "running")) {
          record({ type: "step.failed", taskId: id, stepIndex: step.stepIndex, modelId: step.modelId, error: `${INTERRUPTED}: the server stopped during this step` });
        }
        q.updateTask(db, id, {
          status: "failed",
          error: INTERRUPTED,
          inputTokens: spent.input,
          outputTokens: spent.output,
          costUsd: spent.cost,
          completedAt: Date.now(),
        });
        record({ type: "task.failed", taskId: id, status: "failed", error: `${INTERRUPTED}: ${verdict.why}` });
        interrupted.push(id);
      }
      queue.refillFromDatabase();
      return { resumed, interrupted, queued: queue.depth() };
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
