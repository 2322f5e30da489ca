import { Meter } from "@/components/ui";

const fixed = (v: number) => v.toFixed(2);

/** A score with its 90% interval: the number, the bracketed interval and a bar with the interval shaded. */
export function ScoreWithInterval({ mean, low, high, label, className }: { mean: number; low: number; high: number; label: string; className?: string }) {
  return (
    <div className={className}>
      <div className="flex items-baseline gap-1.5 whitespace-nowrap tabular-nums">
        <span className="font-medium text-neutral-900" data-testid="score-mean">
          {fixed(mean)}
        </span>
        <span className="text-xs text-neutral-500" title="exact 90% interval of the posterior">
          [{fixed(low)}, {fixed(high)}]
        </span>
      </div>
      <Meter value={mean} low={low} high={high} label={label} className="mt-1 w-36" />
    </div>
  );
}
