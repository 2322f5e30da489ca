import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import * as q from "@/db/queries/tasks";
import { NotFoundError } from "@/server/orchestrator/errors";
import {
  type ChatMessage,
  type ModelChain,
  type RoutingPolicy,
  type Strategy,
  type TaskConstraints,
  type TaskEvent,
  type TaskRequirements,
} from "@/server/orchestrator/spec";
import { DEMO_TASKS } from "./demo";
import type { TaskRecorder } from "./task-recorder";
import type { PublishedEvent, TaskEventBus } from "./event-bus";

export type TaskSource = "ui" | "cli" | "api" | "gateway";

export interface SubmitInput {
  prompt: string;
  constraints: TaskConstraints;
  strategy: Strategy;
  policy: RoutingPolicy;
  /** the gateway's `model: <roster id>`: the plan becomes a single step on this model, without routing */
  pinnedModelId?: string;
  /** the caller's conversation, sent verbatim by answering steps (the gateway); `prompt` is its summary */
  messages?: ChatMessage[];
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

export function newTaskId(): string {
  return `tsk_${Date.now().toString(36)}${randomBytes(5).toString("hex")}`;
}


export interface TaskRunner {
  run(taskId: string): Promise<void>;
  /** aborts a task running in this process; false when it is not running here */
  cancel(taskId: string): boolean;
}

export function createTaskService(deps: { db: Db; bus: TaskEventBus; record: TaskRecorder; runner: () => TaskRunner; beforeWrite?: () => void }) {
  const { db, bus, record } = deps;

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
      apiKeyId: origin.apiKeyId ?? null,
      messages: input.messages ?? null,
    });
    record({ type: "task.queued", taskId: id });
    return id;
  }

  return {
    get,

    /** Accepts the task and starts it in the background; the caller follows it with watch(). */
    submit(input: SubmitInput, origin: TaskOrigin): { id: string } {
      const id = create(input, origin);
      setImmediate(() => void deps.runner().run(id));
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

    list(input: ListInput) {
      const { page, pageSize, ...filter } = input;
      const { items, total } = q.listTasks(db, filter, page, pageSize);
      return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
    },

    countsByStatus: () => q.taskCountsByStatus(db),

    /** The synthesised answer of a finished task (one primary-key read): for chains whose answer is not one step's text. */
    finalOutput: (id: string): string | null => q.findTask(db, id)?.output ?? null,

    /** Stops a queued or running task; a finished task stays as it is. */
    cancel(id: string): { status: string } {
      const task = q.findTask(db, id);
      if (!task) throw new NotFoundError("Task", id);
      if (task.status === "running" && deps.runner().cancel(id)) return { status: "cancelling" };
      if (task.status === "queued" || task.status === "running") {
        q.updateTask(db, id, { status: "cancelled", error: "cancelled by an operator", completedAt: Date.now() });
        record({ type: "task.failed", taskId: id, status: "cancelled", error: "cancelled by an operator" });
        return { status: "cancelled" };
      }
      return { status: task.status };
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
          if (next.id !== undefined && next.id <= lastId) continue;
          if (next.id !== undefined) lastId = next.id;
          yield next;
          if (TERMINAL_EVENTS.has(next.event.type)) return;
        }
      } finally {
        unsubscribe();
        signal?.removeEventListener("abort", onAbort);
      }
    },

    /** Work left by a previous process: queued tasks run again, running ones end as interrupted. */
    recover(): { requeued: string[]; interrupted: string[] } {
      const interrupted = q.listTasksWithStatus(db, "running").map((t) => t.id);
      for (const id of interrupted) {
        record({ type: "task.failed", taskId: id, status: "failed", error: "interrupted: the server stopped while this task ran" });
        q.updateTask(db, id, { status: "failed", error: "interrupted", completedAt: Date.now() });
      }
      const requeued = q.listTasksWithStatus(db, "queued").map((t) => t.id);
      for (const id of requeued) setImmediate(() => void deps.runner().run(id));
      return { requeued, interrupted };
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
