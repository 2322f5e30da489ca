import { formatInt } from "@/components/shared/format";

/** The range label and bucket size in words; the e2e reads both to see a range change take effect. */
export function WindowSummary({ window }: { window: { label: string; bucketMs: number; buckets: number } }) {
  return (
    <p className="text-xs text-neutral-500">
      <span data-testid="metrics-range-label">{window.label}</span> ·{" "}
      <span data-testid="metrics-bucket-count">{formatInt(window.buckets)}</span> {window.bucketMs >= 3_600_000 ? "hourly" : "one-minute"} buckets ·
      refreshes every 5 s
    </p>
  );
}
