import { Badge } from "@/components/ui";
import { describeBreaker, type BreakerView } from "./breaker-status";

/** A model's circuit-breaker state, with when an open one will probe again. */
export function BreakerBadge({ breaker, now }: { breaker: BreakerView | undefined; now: number }) {
  const status = describeBreaker(breaker, now);
  return (
    <Badge tone={status.tone} title={status.title} data-testid="breaker-badge" data-breaker-state={status.state}>
      {status.label}
    </Badge>
  );
}
