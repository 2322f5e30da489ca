import type { Db } from "@/db/client";
import * as q from "@/db/queries/tasks";
import { isTransient, type TaskEvent } from "@/server/orchestrator/spec";
import type { TaskEventBus } from "./event-bus";
import { applyRollups } from "./metrics/rollup-writer";

/**
 * Appends events and keeps the tasks / task_steps / messages projections in step with them, in one
 * transaction per event, then publishes it live. A task can be rebuilt from its events alone.
 */
export function createTaskRecorder(db: Db, bus: TaskEventBus, now: () => number = Date.now, beforeWrite: () => void = () => undefined) {
  function project(event: TaskEvent, at: number) {
    switch (event.type) {
      case "task.analyzed":
        q.updateTask(db, event.taskId, { requirements: event.requirements, primaryCapability: event.requirements.primary });
        break;
      case "chain.planned":
        q.updateTask(db, event.taskId, { plan: event.chain, modelId: event.chain.steps[0]?.modelId ?? null });
        break;
      case "step.started":
        q.insertStep(db, {
          taskId: event.taskId,
          stepIndex: event.stepIndex,
          role: event.role,
          modelId: event.modelId,
          status: "running",
          input: event.input,
          startedAt: at,
        });
        break;
      case "step.completed":
        q.updateStep(db, event.taskId, event.stepIndex, {
          status: "completed",
          output: event.output,
          inputTokens: event.inputTokens,
          outputTokens: event.outputTokens,
          costUsd: event.costUsd,
          latencyMs: Math.round(event.latencyMs),
          firstTokenMs: event.firstTokenMs === undefined ? null : Math.round(event.firstTokenMs),
          endedAt: at,
        });
        break;
      case "step.failed":
        q.updateStep(db, event.taskId, event.stepIndex, { status: "failed", error: event.error, endedAt: at });
        break;
      case "message.sent":
        q.insertMessage(db, {
          taskId: event.taskId,
          fromNode: event.from,
          toNode: event.to,
          kind: event.kind,
          content: event.content,
          tokens: event.tokens,
          at,
        });
        break;
      default:
        break;
    }
  }

  // better-sqlite3's own transaction wrapper, built once: inside the open group commit it is a savepoint, so an
  // event and its projection land together or not at all (Drizzle's wrapper rebuilt this on every event)
  const append = db.$client.transaction((event: TaskEvent, at: number): number => {
    const eventId = q.appendEvent(db, { taskId: event.taskId, type: event.type, payload: event, at });
    project(event, at);
    applyRollups(db, event, at);
    return eventId;
  });

  return function record(event: TaskEvent): void {
    const at = now();
    if (isTransient(event)) {
      bus.publish(event.taskId, { at, event });
      return;
    }
    beforeWrite();
    const id = append(event, at);
    bus.publish(event.taskId, { id, at, event });
  };
}

export type TaskRecorder = ReturnType<typeof createTaskRecorder>;
