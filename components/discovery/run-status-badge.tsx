import { Badge, type BadgeTone } from "@/components/ui";
import type { DiscoveryRunStatus } from "./types";

const TONE: Record<DiscoveryRunStatus, BadgeTone> = { running: "sky", complete: "green", failed: "red", cancelled: "amber" };

export function RunStatusBadge({ status, ...rest }: { status: DiscoveryRunStatus; "data-testid"?: string }) {
  return (
    <Badge tone={TONE[status]} pulse={status === "running"} data-status={status} {...rest}>
      {status}
    </Badge>
  );
}
