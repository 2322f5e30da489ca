import { HeatCellView } from "./capability-heat";
import { heatLevel } from "@/components/charts/prepare-capability-heat";

const SAMPLES = [0.2, 0.4, 0.55, 0.7, 0.85, 0.95];

/** How to read the capability cells. */
export function HeatLegend() {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-neutral-500">
      <span>Capability score ×100 (posterior mean):</span>
      <span className="flex gap-1" aria-hidden>
        {SAMPLES.map((s) => (
          <HeatCellView
            key={s}
            className="h-5 w-8"
            cell={{ capability: "math", score: s, low: s, high: s, source: "seed", manual: false, level: heatLevel(s), title: "" }}
          />
        ))}
      </span>
      <span className="flex items-center gap-1">
        <span className="inline-block size-3 rounded ring-2 ring-amber-400 ring-inset" aria-hidden /> set by hand
      </span>
      <span>Hover a cell for its 90% interval and source.</span>
    </div>
  );
}
