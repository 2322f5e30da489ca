import { humanize } from "@/components/shared/format";
import { Meter, Spinner } from "@/components/ui";
import { describeStopReason, type LiveCapability } from "./run-progress";

function State({ c, running }: { c: LiveCapability; running: boolean }) {
  if (c.done) return <span className="text-emerald-700">done · {describeStopReason(c.stopReason)}</span>;
  if (!running) return <span className="text-neutral-500">{describeStopReason(c.stopReason) || "stopped"}</span>;
  if (c.probesDone === 0 && !c.estimate) return <span className="text-neutral-500">waiting</span>;
  return (
    <span className="inline-flex items-center gap-1 text-sky-700">
      <Spinner label="Probing" className="scale-75" /> probing
    </span>
  );
}

/** Each capability's current estimate while the run goes: the interval narrows as probes come back. */
export function LiveCapabilities({ capabilities, running }: { capabilities: readonly LiveCapability[]; running: boolean }) {
  return (
    <ul className="grid gap-x-6 gap-y-2 md:grid-cols-2" data-testid="discovery-estimates">
      {capabilities.map((c) => (
        <li
          key={c.capability}
          className="grid grid-cols-[6.5rem_1fr_auto] items-center gap-x-3 text-xs"
          data-testid="discovery-estimate"
          data-capability={c.capability}
          data-done={c.done ? "true" : "false"}
        >
          <span className="font-medium text-neutral-800">{humanize(c.capability)}</span>
          {c.estimate ? (
            <Meter value={c.estimate.mean} low={c.estimate.low} high={c.estimate.high} label={`${c.capability} current estimate`} />
          ) : (
            <Meter value={0} label={`${c.capability} current estimate`} className="opacity-50" />
          )}
          <span className="w-28 text-right font-mono whitespace-nowrap text-neutral-700 tabular-nums">
            {c.estimate ? `${c.estimate.mean.toFixed(2)} [${c.estimate.low.toFixed(2)}, ${c.estimate.high.toFixed(2)}]` : "–"}
          </span>
          <span className="col-span-3 -mt-0.5 text-[11px] text-neutral-500">
            {c.probesDone} probe{c.probesDone === 1 ? "" : "s"} · <State c={c} running={running} />
          </span>
        </li>
      ))}
    </ul>
  );
}
