import { formatInt, formatPercent } from "@/components/shared/format";
import { Card, CardBody, CardHeader } from "@/components/ui";
import type { MetricsOverview } from "./types";

function bytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(2)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  return `${Math.round(n / 1024)} KiB`;
}

/** This server process and its database, as of the last refresh. */
export function SystemCard({ system }: { system: MetricsOverview["system"] }) {
  const items: [string, string][] = [
    ["Running tasks", formatInt(system.running)],
    ["Queue depth", formatInt(system.queued)],
    ["RSS", bytes(system.rssBytes)],
    ["Heap used", `${bytes(system.heapUsedBytes)} / ${bytes(system.heapTotalBytes)}`],
    ["Event-loop lag p50", system.eventLoopLagP50Ms === null ? "–" : `${system.eventLoopLagP50Ms.toFixed(1)} ms`],
    ["Event-loop lag p99", system.eventLoopLagP99Ms === null ? "–" : `${system.eventLoopLagP99Ms.toFixed(1)} ms`],
    ["CPU", system.cpu === null ? "–" : formatPercent(system.cpu, 0)],
    ["Database size", bytes(system.databaseBytes)],
    ["Cache entries", system.cache ? formatInt(system.cache.entries) : "n/a (no cache reporting)"],
    ["Cache hits / misses (1 min)", system.cache ? `${formatInt(system.cache.hits)} / ${formatInt(system.cache.misses)}` : "n/a"],
  ];
  return (
    <Card data-testid="system-card">
      <CardHeader title="System" />
      <CardBody>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4">
          {items.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-neutral-500">{label}</dt>
              <dd className="text-sm font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
