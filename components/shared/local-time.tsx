import { formatDateTime } from "./format";

/** A timestamp in the reader's time zone; the server's rendering (UTC) may differ, which is expected. */
export function LocalTime({ ms, className }: { ms: number; className?: string }) {
  return (
    <time dateTime={new Date(ms).toISOString()} className={className} suppressHydrationWarning>
      {formatDateTime(ms)}
    </time>
  );
}
