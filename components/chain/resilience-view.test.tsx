import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { ChainPanel } from "./chain-panel";
import { ChainView } from "./chain-view";
import { prepareChainGraph } from "./prepare-chain-graph";
import { renderStepNode } from "./test-render";
import { ev, plan, task, TASK_ID } from "./test-fixtures";
import type { ChainTask, StepNode } from "./types";

const tripped: TaskEvent = { type: "breaker.changed", taskId: TASK_ID, stepIndex: 0, modelId: "sim-small", from: "closed", to: "open", nextProbeAt: Date.UTC(2026, 0, 1) };
const events = [
  ev.planned(plan("single", [{ role: "answer", modelId: "sim-small" }, { role: "fallback", modelId: "sim-large" }])),
  ev.started(0, "sim-small", "answer"),
  ev.retried(0, "sim-small", 1, "HTTP 500: boom"),
  tripped,
  ev.failed(0, "sim-small", "HTTP 500: boom"),
  ev.fallback("sim-small", "sim-large", "HTTP 500: boom"),
  ev.started(1, "sim-large", "fallback"),
];
const fullTask = task(events) as ChainTask;

describe("retries, fallbacks and breakers in the chain view (server render)", () => {
  it("lists them under the graph", () => {
    const html = renderToStaticMarkup(<ChainView task={fullTask} />);
    expect(html).toContain('data-testid="resilience-log"');
    expect(html.match(/data-testid="resilience-entry"/g)).toHaveLength(3);
    expect(html).toContain("sim-small breaker closed → open");
    expect(html).toContain("Fallback sim-small → sim-large");
    // stored step indexes count from 0; people read the first call as step 1
    expect(html).toContain("sim-small retried (attempt 2)</span><span class=\"text-neutral-500\"> · step 1</span>");
  });

  it("puts a breaker pill on the node whose call tripped it, and the transition in its panel", () => {
    const node = prepareChainGraph(fullTask, []).nodes.find((n): n is StepNode => n.id === "step:0");
    if (!node) throw new Error("no step node");
    const nodeHtml = renderStepNode(node);
    expect(nodeHtml).toContain('data-testid="step-breaker-badge"');
    expect(nodeHtml).toContain('data-breaker-state="open"');
    expect(nodeHtml).toContain("1 retry");

    const panelHtml = renderToStaticMarkup(<ChainPanel detail={node.data.step} label={(id) => id} onClose={() => {}} />);
    expect(panelHtml).toContain('data-testid="chain-panel-breaker"');
    expect(panelHtml).toContain("Circuit breaker closed → open");
  });
});
