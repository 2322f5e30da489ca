import type { Db } from "@/db/client";
import { groupOpen } from "@/db/group-commit";
import * as q from "@/db/queries/tasks";
import { isTransient, type TaskEvent } from "@/server/orchestrator/spec";
import type { TaskEventBus } from "./event-bus";
import { applyRollups } from "./metrics/rollup-writer";

/**
 * Appends events and keeps the tasks / task_steps / messages projections and the metric rollups in step with
 * them, atomically per event, then publishes it live. A task can be rebuilt from its events alone.
 */
export function createTaskRecorder(db: Db, bus: TaskEventBus, now: () => number = Date.now, beforeWrite: () => void = () => undefined) {
  const sqlite = db.$client;
  // at most one statement per event: appendAndProject undoes a failed projection by taking its event back out
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

  /**
   * The event row, then its projection. Each statement is atomic on its own and a projection is one statement,
   * so when the projection fails (or throws before its statement ran) taking the event row back out restores
   * the state before the event: the two land together or not at all without a savepoint per event.
   */
  function appendAndProject(event: TaskEvent, at: number): number {
    const eventId = q.appendEvent(db, { taskId: event.taskId, type: event.type, payload: event, at });
    try {
      project(event, at);
    } catch (error) {
      q.deleteEvent(db, eventId);
      throw error;
    }
    return eventId;
  }

  // outside a group commit (scripts, tests, another caller's transaction) an event is its own transaction, or a
  // savepoint inside the caller's: better-sqlite3's wrapper, built once
  const appendAlone = sqlite.transaction((event: TaskEvent, at: number): number => {
    const eventId = appendAndProject(event, at);
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
    let id: number;
    if (groupOpen(sqlite)) {
      // inside the open group: the writes join its transaction; the rollups are summed in memory (after the
      // event's writes succeeded, so a failed event adds nothing) and written right before the group commits.
      // This relies on record() never running inside a caller's savepoint that may roll back (nothing does):
      // increments held for an event rolled back to a savepoint would still be written.
      id = appendAndProject(event, at);
      applyRollups(db, event, at);
    } else {
      id = appendAlone(event, at);
    }
    bus.publish(event.taskId, { id, at, event });
  };
}

export type TaskRecorder = ReturnType<typeof createTaskRecorder>;
