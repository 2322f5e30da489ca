"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { formatCost, formatMs, formatTokens, head, stepNumber, tail } from "./format";
import { StatusBadge } from "./status-badge";
import { NODE_TONE, TASK_TONE, cx } from "./status-style";
import type { BreakerState } from "@/server/orchestrator/spec";
import type { EndpointNode, StepDetail, StepNode } from "./types";

const HIDDEN_HANDLE = { opacity: 0, pointerEvents: "none" } as const;

function Handles({ source = true, target = true }: { source?: boolean; target?: boolean }) {
  return (
    <>
      {target && <Handle type="target" position={Position.Left} isConnectable={false} style={HIDDEN_HANDLE} />}
      {source && <Handle type="source" position={Position.Right} isConnectable={false} style={HIDDEN_HANDLE} />}
    </>
  );
}

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-[10px] uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className="truncate font-medium text-neutral-700 tabular-nums">{value}</dd>
    </div>
  );
}

function preview(step: StepDetail): { text: string; tone: string } {
  switch (step.status) {
    case "running":
      return { text: step.streamed ? tail(step.streamed) : "waiting for the first token…", tone: "text-neutral-600" };
    case "completed":
      return { text: head(step.output), tone: "text-neutral-600" };
    case "failed":
      return { text: head(step.error ?? "failed"), tone: "text-rose-700" };
    case "cancelled":
      return { text: "stopped by the cancel", tone: "italic text-amber-700" };
    case "pending":
      return { text: "planned, not started", tone: "italic text-neutral-500" };
    case "skipped":
      // an open breaker is why a planned model was skipped; otherwise the chain simply did not need it
      return step.error ? { text: `skipped: ${head(step.error)}`, tone: "italic text-amber-700" } : { text: "planned, not needed", tone: "italic text-neutral-500" };
  }
}

const BREAKER_TONE: Record<BreakerState, string> = {
  open: "bg-rose-100 text-rose-800",
  "half-open": "bg-amber-100 text-amber-800",
  closed: "bg-emerald-100 text-emerald-800",
};

function StepNodeView({ data, selected }: NodeProps<StepNode>) {
  const { step } = data;
  const testId = step.stepIndex === null ? `chain-node-plan-${step.planIndex ?? 0}` : `chain-node-${step.stepIndex}`;
  const meta = [
    step.role || "step",
    step.stepIndex !== null ? `#${stepNumber(step.stepIndex)}` : null,
    step.fallbackFrom ? "fallback" : null,
    step.retries.length > 0 ? `${step.retries.length} ${step.retries.length === 1 ? "retry" : "retries"}` : null,
  ].filter(Boolean);
  const text = preview(step);
  // the latest transition this step caused: "breaker open" on the call that tripped it
  const breaker = step.breakers[step.breakers.length - 1];
  return (
    <div
      data-testid={testId}
      data-status={step.status}
      className={cx(
        "w-60 cursor-pointer rounded-lg border px-3 py-2 text-xs shadow-sm transition-colors",
        NODE_TONE[step.status],
        selected && "outline-2 outline-offset-2 outline-neutral-900/30",
      )}
    >
      <Handles />
      <div className="flex items-center justify-between gap-2">
        <span className="truncate font-medium text-neutral-900" title={step.modelName === step.modelId ? step.modelId : `${step.modelName} (${step.modelId})`}>
          {step.modelName}
        </span>
        <StatusBadge status={step.status} />
      </div>
      <div className="mt-0.5 flex items-center gap-1 text-[11px] text-neutral-500">
        <span className="truncate">{meta.join(" · ")}</span>
        {breaker && (
          <span
            data-testid="step-breaker-badge"
            data-breaker-state={breaker.to}
            title={`circuit breaker ${breaker.from} → ${breaker.to}`}
            className={cx("shrink-0 rounded-full px-1.5 py-0.5 text-[10px] font-medium", BREAKER_TONE[breaker.to])}
          >
            breaker {breaker.to}
          </span>
        )}
      </div>
      <dl className="mt-2 grid grid-cols-3 gap-2">
        <Metric label="tokens" value={`${formatTokens(step.inputTokens)} / ${formatTokens(step.outputTokens)}`} />
        <Metric label="cost" value={formatCost(step.costUsd)} />
        <Metric label="latency" value={formatMs(step.latencyMs)} />
      </dl>
      <p className={cx("mt-2 line-clamp-2 h-8 text-[11px] leading-4 break-words", text.tone)}>{text.text}</p>
    </div>
  );
}

function EndpointNodeView({ data, selected }: NodeProps<EndpointNode>) {
  const { endpoint } = data;
  const isInput = endpoint.kind === "input";
  const status = endpoint.kind === "result" ? endpoint.status : undefined;
  return (
    <div
      data-testid={`chain-node-${endpoint.nodeId}`}
      data-status={status}
      className={cx(
        "w-48 cursor-pointer rounded-lg border border-neutral-300 bg-white px-3 py-2 text-xs shadow-sm",
        selected && "outline-2 outline-offset-2 outline-neutral-900/30",
      )}
    >
      <Handles source={isInput} target={!isInput} />
      <div className="flex items-center justify-between gap-2">
        <span className="font-semibold text-neutral-900">{isInput ? "Input" : "Result"}</span>
        {endpoint.kind === "input" && endpoint.strategy && (
          <span className="rounded-full bg-neutral-100 px-1.5 py-0.5 text-[10px] font-medium text-neutral-600">{endpoint.strategy}</span>
        )}
        {endpoint.kind === "result" && <StatusBadge status={TASK_TONE[endpoint.status]} label={endpoint.status} />}
      </div>
      {endpoint.kind === "input" ? (
        <p className="mt-1 line-clamp-3 text-[11px] leading-4 break-words text-neutral-600">{head(endpoint.prompt, 160)}</p>
      ) : (
        <>
          <div className="mt-1 text-[11px] text-neutral-500 tabular-nums">
            {formatTokens(endpoint.inputTokens)} / {formatTokens(endpoint.outputTokens)} tok · {formatCost(endpoint.costUsd)}
          </div>
          <p className={cx("mt-1 line-clamp-2 text-[11px] leading-4 break-words", endpoint.error ? "text-rose-700" : "text-neutral-600")}>
            {head(endpoint.error ?? endpoint.output ?? "", 120) || "no answer yet"}
          </p>
        </>
      )}
    </div>
  );
}

export const CHAIN_NODE_TYPES = {
  chainStep: memo(StepNodeView),
  chainEndpoint: memo(EndpointNodeView),
};
