import type { TaskEvent } from "@/server/orchestrator/spec";
import type { LiveChainEvent } from "./types";

/** One line of the task's resilience log: a retry, a fallback or a breaker transition. */
export interface ResilienceEntry {
  key: string;
  at: number;
  kind: "retry" | "fallback" | "breaker";
  /** the step it belongs to, when it has one */
  stepIndex: number | null;
  title: string;
  detail: string;
  tone: "amber" | "red" | "green" | "blue";
}

type Resilient = Extract<TaskEvent, { type: "step.retried" | "fallback.taken" | "breaker.changed" }>;

const isResilient = (event: TaskEvent): event is Resilient =>
  event.type === "step.retried" || event.type === "fallback.taken" || event.type === "breaker.changed";

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

function entryOf(event: Resilient, at: number, key: string): ResilienceEntry {
  switch (event.type) {
    case "step.retried":
      return { key, at, kind: "retry", stepIndex: event.stepIndex, title: `${event.modelId} retried (attempt ${event.attempt + 1})`, detail: event.error, tone: "amber" };
    case "fallback.taken":
      return { key, at, kind: "fallback", stepIndex: null, title: `Fallback ${event.fromModelId} → ${event.toModelId}`, detail: event.reason, tone: "blue" };
    case "breaker.changed": {
      const probe = event.to === "open" && event.nextProbeAt !== null ? `; next probe at ${clockTime(event.nextProbeAt)} UTC` : "";
      const why =
        event.to === "open"
          ? event.from === "half-open"
            ? "the probe call failed"
            : "too many failed calls"
          : event.to === "half-open"
            ? "letting one probe call through"
            : "the probe call succeeded";
      return {
        key,
        at,
        kind: "breaker",
        stepIndex: event.stepIndex ?? null,
        title: `${event.modelId} breaker ${event.from} → ${event.to}`,
        detail: `${why}${probe}`,
        tone: event.to === "open" ? "red" : event.to === "closed" ? "green" : "amber",
      };
    }
  }
}

/** The retries, fallbacks and breaker transitions in a task's merged event log, oldest first. */
export function prepareResilienceLog(events: readonly LiveChainEvent[]): ResilienceEntry[] {
  const entries: ResilienceEntry[] = [];
  events.forEach(({ id, at, event }, i) => {
    if (isResilient(event)) entries.push(entryOf(event, at, id !== undefined ? `e${id}` : `l${i}`));
  });
  return entries;
}
