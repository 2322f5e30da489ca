import { Badge, Scroller } from "@/components/ui";
import { stepNumber } from "./format";
import type { ResilienceEntry } from "./prepare-resilience-log";

const KIND_LABEL: Record<ResilienceEntry["kind"], string> = { retry: "retry", fallback: "fallback", breaker: "breaker" };

/** The task's retries, fallbacks and breaker transitions as a list under the graph; nothing when there were none. */
export function ResilienceLog({ entries }: { entries: readonly ResilienceEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <div data-testid="resilience-log" className="rounded-lg border border-neutral-200 bg-white">
      <p className="border-b border-neutral-100 px-3 py-2 text-xs font-medium text-neutral-700">
        Retries, fallbacks and breakers ({entries.length})
      </p>
      <Scroller axis="y" label="Resilience events (scrolls)" className="max-h-56">
        <ol className="divide-y divide-neutral-100">
          {entries.map((entry) => (
            <li key={entry.key} data-testid="resilience-entry" data-kind={entry.kind} className="flex items-start gap-2 px-3 py-1.5 text-xs">
              <span className="shrink-0 whitespace-nowrap text-neutral-500 tabular-nums">{new Date(entry.at).toLocaleTimeString()}</span>
              <Badge tone={entry.tone}>{KIND_LABEL[entry.kind]}</Badge>
              <span className="min-w-0">
                <span className="font-medium text-neutral-800">{entry.title}</span>
                {entry.stepIndex !== null && <span className="text-neutral-500"> · step {stepNumber(entry.stepIndex)}</span>}
                <span className="block break-words text-neutral-500">{entry.detail}</span>
              </span>
            </li>
          ))}
        </ol>
      </Scroller>
    </div>
  );
}
