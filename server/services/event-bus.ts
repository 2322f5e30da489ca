import { EventEmitter } from "node:events";
import type { TaskEvent } from "@/server/orchestrator/spec";

/** A task event as published: persisted events carry their task_events id, transient ones do not. */
export interface PublishedEvent {
  id?: number;
  at: number;
  event: TaskEvent;
}

/** In-process fan-out of task events to live subscribers (the tRPC SSE subscription). */
export class TaskEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // one listener per open task page; the default cap of 10 would warn on a busy demo
    this.emitter.setMaxListeners(0);
  }

  publish(taskId: string, published: PublishedEvent): void {
    this.emitter.emit(taskId, published);
    this.emitter.emit("*", published);
  }

  subscribe(taskId: string | "*", listener: (published: PublishedEvent) => void): () => void {
    this.emitter.on(taskId, listener);
    return () => this.emitter.off(taskId, listener);
  }

  /** ids of the tasks someone here is waiting on (a task page, a gateway caller): each unsubscribes at the task's end */
  waitedTaskIds(): string[] {
    return this.emitter.eventNames().filter((name): name is string => typeof name === "string" && name !== "*");
  }
}
