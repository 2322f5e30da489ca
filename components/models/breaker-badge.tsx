import { Badge, cx } from "@/components/ui";
import { describeBreaker, type BreakerView } from "./breaker-status";

/**
 * A model's circuit-breaker state. When an open one probes again goes on a small line below, so the badge stays
 * narrow enough for the roster table; `align` lines that line up with the badge in a right-aligned stack.
 */
export function BreakerBadge({ breaker, now, align = "start" }: { breaker: BreakerView | undefined; now: number; align?: "start" | "end" }) {
  const status = describeBreaker(breaker, now);
  const badge = (
    <Badge tone={status.tone} title={status.title} data-testid="breaker-badge" data-breaker-state={status.state}>
      {status.label}
    </Badge>
  );
  if (!status.detail) return badge;
  return (
    <span className={cx("inline-flex flex-col gap-0.5", align === "end" ? "items-end" : "items-start")}>
      {badge}
      <span className="text-[11px] whitespace-nowrap text-neutral-500" data-testid="breaker-detail">
        {status.detail}
      </span>
    </span>
  );
}
