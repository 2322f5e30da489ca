import type { CapabilityScoreLike } from "@/components/charts/prepare-capability-heat";
import { topCapabilities } from "@/components/charts/prepare-capability-heat";
import type { Capability } from "@/server/orchestrator/spec";
import { humanize } from "@/components/shared/format";
import { Meter } from "@/components/ui";

/** A model's strongest capabilities as labelled bars (home page cards). */
export function TopCapabilities({ capabilities, count = 3 }: { capabilities: Record<Capability, CapabilityScoreLike>; count?: number }) {
  const top = topCapabilities(capabilities, count);
  return (
    <ul className="space-y-1.5">
      {top.map((cell) => (
        <li key={cell.capability} className="grid grid-cols-[6.5rem_1fr_2rem] items-center gap-2 text-xs" title={cell.title}>
          <span className="text-neutral-600">{humanize(cell.capability)}</span>
          <Meter value={cell.score} low={cell.low} high={cell.high} label={`${cell.capability} score`} />
          <span className="text-right font-mono tabular-nums text-neutral-500">{Math.round(cell.score * 100)}</span>
        </li>
      ))}
    </ul>
  );
}
