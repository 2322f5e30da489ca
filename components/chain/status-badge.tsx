import { STATUS_LABEL } from "./format";
import { BADGE_TONE, cx } from "./status-style";
import type { ChainNodeStatus } from "./types";

/** A status pill; a running one pulses. `label` overrides the text (the result node shows task statuses). */
export function StatusBadge({ status, label }: { status: ChainNodeStatus; label?: string }) {
  return (
    <span className={cx("inline-flex shrink-0 items-center gap-1 rounded-full px-1.5 py-0.5 text-[10px] font-medium", BADGE_TONE[status])}>
      {status === "running" && (
        <span className="relative flex size-1.5" aria-hidden>
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-sky-400 opacity-75" />
          <span className="relative inline-flex size-1.5 rounded-full bg-sky-500" />
        </span>
      )}
      {label ?? STATUS_LABEL[status]}
    </span>
  );
}
