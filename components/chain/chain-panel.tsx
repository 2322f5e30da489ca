"use client";

import { useEffect, useRef } from "react";
import type { SelectedDetail } from "./chain-selection";
import { formatCost, formatMs, formatTokens, stepNumber } from "./format";
import { ChatInput, Empty, Facts, MessageList, Section, TextBlock } from "./panel-parts";
import { StatusBadge } from "./status-badge";
import { TASK_TONE } from "./status-style";
import type { InputDetail, ResultDetail, StepDetail } from "./types";

interface ChainPanelProps {
  detail: SelectedDetail;
  label: (nodeId: string) => string;
  onClose: () => void;
}

function StepBody({ step, label }: { step: StepDetail; label: (nodeId: string) => string }) {
  const output = step.status === "running" ? step.streamed : step.output;
  return (
    <>
      <Section title="Metrics">
        <Facts
          items={[
            ["input tokens", formatTokens(step.inputTokens)],
            ["output tokens", formatTokens(step.outputTokens)],
            ["cost", formatCost(step.costUsd)],
            ["latency", formatMs(step.latencyMs)],
            ["first token", formatMs(step.firstTokenMs)],
            ["plan position", step.planIndex === null ? "added at run time" : `#${stepNumber(step.planIndex)}`],
          ]}
        />
        {step.fallbackFrom && (
          <p className="mt-2 text-xs text-amber-700">
            Fallback from {step.fallbackFrom.fromModelId}: {step.fallbackFrom.reason}
          </p>
        )}
        {step.retries.map((r) => (
          <p key={r.attempt} className="mt-1 text-xs text-amber-700">
            Retry {r.attempt}: {r.error}
          </p>
        ))}
        {step.breakers.map((b, i) => (
          <p key={i} data-testid="chain-panel-breaker" className={b.to === "open" ? "mt-1 text-xs text-rose-700" : "mt-1 text-xs text-emerald-700"}>
            Circuit breaker {b.from} → {b.to}
            {b.nextProbeAt !== null && <> · next probe at {new Date(b.nextProbeAt).toLocaleTimeString()}</>}
          </p>
        ))}
      </Section>
      {step.error && (
        <Section title="Error">
          <TextBlock text={step.error} tone="error" />
        </Section>
      )}
      <Section title={step.status === "running" ? "Output (streaming)" : "Output"}>
        {output ? <TextBlock text={output} /> : <Empty>{step.status === "pending" || step.status === "skipped" ? "Not run." : "No output."}</Empty>}
      </Section>
      <Section title="Input messages">
        <ChatInput messages={step.input} />
      </Section>
      <Section title="Messages in">
        <MessageList messages={step.incoming} label={label} />
      </Section>
      <Section title="Messages out">
        <MessageList messages={step.outgoing} label={label} />
      </Section>
    </>
  );
}

function InputBody({ input, label }: { input: InputDetail; label: (nodeId: string) => string }) {
  return (
    <>
      <Section title="Prompt">
        <TextBlock text={input.prompt} />
      </Section>
      <Section title="Messages out">
        <MessageList messages={input.outgoing} label={label} />
      </Section>
    </>
  );
}

function ResultBody({ result, label }: { result: ResultDetail; label: (nodeId: string) => string }) {
  return (
    <>
      <Section title="Totals (completed steps)">
        <Facts
          items={[
            ["input tokens", formatTokens(result.inputTokens)],
            ["output tokens", formatTokens(result.outputTokens)],
            ["cost", formatCost(result.costUsd)],
          ]}
        />
        {result.notes.map((n) => (
          <p key={`${n.at}-${n.toModelId}`} className="mt-2 text-xs text-amber-700">
            Fallback to {n.toModelId}: {n.reason}
          </p>
        ))}
      </Section>
      {result.error && (
        <Section title="Error">
          <TextBlock text={result.error} tone="error" />
        </Section>
      )}
      <Section title="Output">{result.output ? <TextBlock text={result.output} /> : <Empty>No answer yet.</Empty>}</Section>
      <Section title="Messages in">
        <MessageList messages={result.incoming} label={label} />
      </Section>
    </>
  );
}

function heading(detail: SelectedDetail): { title: string; subtitle: string } {
  if (detail.kind === "input") return { title: "Input", subtitle: detail.strategy ? `strategy ${detail.strategy}` : "not planned yet" };
  if (detail.kind === "result") return { title: "Result", subtitle: `task ${detail.status}` };
  const where = detail.stepIndex === null ? "planned" : `step ${stepNumber(detail.stepIndex)}`;
  // the id is what logs, the API and the models page use; the title shows the roster's name
  const id = detail.modelName === detail.modelId ? [] : [detail.modelId];
  return { title: detail.modelName, subtitle: [detail.role || "step", where, ...id].join(" · ") };
}

/** Everything about the selected node: its input, full output, error and the messages to and from it. */
export function ChainPanel({ detail, label, onClose }: ChainPanelProps) {
  const { title, subtitle } = heading(detail);
  const ref = useRef<HTMLElement>(null);
  // the panel opens under the graph, often below the fold: scroll just far enough to show it
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [detail.nodeId]);
  const status =
    detail.kind === "step" ? (
      <StatusBadge status={detail.status} />
    ) : detail.kind === "result" ? (
      <StatusBadge status={TASK_TONE[detail.status]} label={detail.status} />
    ) : null;
  return (
    <aside
      ref={ref}
      data-testid="chain-step-panel"
      aria-label={`Details: ${title}`}
      className="flex max-h-[420px] w-full flex-col overflow-hidden rounded-lg border border-neutral-200 bg-white"
    >
      <header className="flex items-start justify-between gap-2 px-4 py-3">
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <h3 className="truncate text-sm font-semibold text-neutral-900" title={title}>
              {title}
            </h3>
            {status}
          </div>
          <p className="text-xs text-neutral-500">{subtitle}</p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close details"
          className="rounded-md px-2 py-1 text-sm text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900"
        >
          ×
        </button>
      </header>
      <div className="overflow-y-auto">
        {detail.kind === "step" ? (
          <StepBody step={detail} label={label} />
        ) : detail.kind === "input" ? (
          <InputBody input={detail} label={label} />
        ) : (
          <ResultBody result={detail} label={label} />
        )}
      </div>
    </aside>
  );
}
