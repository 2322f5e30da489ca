import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";
import type { HeatCell } from "@/components/charts/prepare-capability-heat";
import { cx, Th } from "@/components/ui";

const LEVEL = [
  "bg-neutral-100 text-neutral-600",
  "bg-indigo-50 text-indigo-700",
  "bg-indigo-100 text-indigo-800",
  "bg-indigo-200 text-indigo-900",
  "bg-indigo-500 text-white",
  "bg-indigo-700 text-white",
] as const;

export const CAPABILITY_SHORT: Record<Capability, string> = {
  math: "math",
  code: "code",
  reasoning: "reas",
  knowledge: "know",
  writing: "writ",
  roleplay: "role",
  extraction: "extr",
  summarization: "summ",
  translation: "transl",
  classification: "class",
  brainstorming: "brain",
  chat: "chat",
};

/** Column headers for the twelve capabilities: short on screen, full for screen readers and on hover. */
export function CapabilityHeaders() {
  return (
    <>
      {CAPABILITIES.map((c) => (
        <Th key={c} dense className="text-center" title={c}>
          <span aria-hidden>{CAPABILITY_SHORT[c]}</span>
          <span className="sr-only">{c}</span>
        </Th>
      ))}
    </>
  );
}

/** One score as a coloured cell with its value ×100; the title has the interval and where it came from. */
export function HeatCellView({ cell, className }: { cell: HeatCell; className?: string }) {
  return (
    <span
      title={cell.title}
      data-capability={cell.capability}
      className={cx(
        "inline-flex h-7 w-8 items-center justify-center rounded font-mono text-[11px] tabular-nums",
        LEVEL[cell.level],
        cell.manual && "ring-2 ring-amber-400 ring-inset",
        className,
      )}
    >
      {Math.round(cell.score * 100)}
      <span className="sr-only"> {cell.capability} score</span>
    </span>
  );
}
