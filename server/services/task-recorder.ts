import type { Db } from "@/db/client";
import * as q from "@/db/queries/tasks";
import { isTransient, type TaskEvent } from "@/server/orchestrator/spec";
import type { TaskEventBus } from "./event-bus";

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

  return function record(event: TaskEvent): void {
    const at = now();
    if (isTransient(event)) {
      bus.publish(event.taskId, { at, event });
      return;
    }
    beforeWrite();
    const id = db.transaction((tx) => {
      const eventId = q.appendEvent(tx as unknown as Db, { taskId: event.taskId, type: event.type, payload: event, at });
      project(event, at);
      return eventId;
    });
    bus.publish(event.taskId, { id, at, event });
  };
}

export type TaskRecorder = ReturnType<typeof createTaskRecorder>;
