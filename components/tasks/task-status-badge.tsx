import type { TaskStatus } from "@/server/orchestrator/spec";
import { Badge, type BadgeTone } from "@/components/ui";

const TONE: Record<TaskStatus, BadgeTone> = {
  queued: "neutral",
  running: "sky",
  completed: "green",
  failed: "red",
  cancelled: "amber",
};

export function TaskStatusBadge({ status, ...rest }: { status: TaskStatus; "data-testid"?: string }) {
  return (
    <Badge tone={TONE[status]} pulse={status === "running" || status === "queued"} data-status={status} {...rest}>
      {status}
    </Badge>
  );
}
