import { CAPABILITIES } from "@/server/orchestrator/spec";
import { humanize } from "@/components/shared/format";
import { CAPABILITY_DESCRIPTIONS } from "./capability-info";
import type { SuiteSummary } from "./types";

/** The twelve capability ids, what each means, and how many suites (and items) measure it. */
export function CapabilityList({ suites }: { suites: readonly SuiteSummary[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="capability-list">
      {CAPABILITIES.map((capability) => {
        const own = suites.filter((s) => s.capability === capability);
        const items = own.reduce((n, s) => n + s.items, 0);
        return (
          <li key={capability} className="rounded-lg border border-neutral-200 p-3" data-testid="capability-item" data-capability={capability}>
            <div className="flex items-baseline justify-between gap-2">
              <p className="font-medium text-neutral-900">{humanize(capability)}</p>
              <code className="font-mono text-[11px] text-neutral-500">{capability}</code>
            </div>
            <p className="mt-1 text-sm text-neutral-600">{CAPABILITY_DESCRIPTIONS[capability]}</p>
            <p className="mt-2 text-xs text-neutral-500">
              {own.length} suite{own.length === 1 ? "" : "s"} · {items} item{items === 1 ? "" : "s"}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
