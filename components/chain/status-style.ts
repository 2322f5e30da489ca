import type { TaskStatus } from "@/server/orchestrator/spec";
import type { ChainNodeStatus } from "./types";

/** Card border/background per status: colour says the state, dashes and fading say "not run (yet)". */
export const NODE_TONE: Record<ChainNodeStatus, string> = {
  pending: "border-dashed border-neutral-300 bg-neutral-50 text-neutral-500 opacity-75",
  running: "border-sky-400 bg-white ring-2 ring-sky-100",
  completed: "border-emerald-300 bg-white",
  failed: "border-rose-300 bg-rose-50/40",
  cancelled: "border-amber-300 bg-amber-50/40",
  skipped: "border-dashed border-neutral-200 bg-neutral-50 text-neutral-400 opacity-50",
};

export const BADGE_TONE: Record<ChainNodeStatus, string> = {
  pending: "bg-neutral-100 text-neutral-600",
  running: "bg-sky-100 text-sky-700",
  completed: "bg-emerald-100 text-emerald-700",
  failed: "bg-rose-100 text-rose-700",
  cancelled: "bg-amber-100 text-amber-800",
  skipped: "bg-neutral-100 text-neutral-600",
};

/** The result node speaks in task statuses. */
export const TASK_TONE: Record<TaskStatus, ChainNodeStatus> = {
  queued: "pending",
  running: "running",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
};

/** Edge strokes (React Flow draws SVG, so colours go in style, not classes). */
export const EDGE_STROKE = {
  message: "#a3a3a3",
  active: "#0ea5e9",
  planned: "#d4d4d4",
} as const;

/** Join class names, skipping falsy ones. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
