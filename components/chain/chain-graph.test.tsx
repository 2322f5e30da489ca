import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChainGraph } from "./chain-graph";
import { ChainPanel } from "./chain-panel";
import { prepareChainGraph } from "./prepare-chain-graph";
import { renderStepNode } from "./test-render";
import { ev, live, plan, task } from "./test-fixtures";
import type { ChainTask, StepNode } from "./types";

const events = [
  ev.planned(plan("single", [{ role: "answer", modelId: "sim-small" }, { role: "fallback", modelId: "sim-large" }])),
  ev.message("input", "step:0", "prompt", "What is 2 + 2?"),
  ev.started(0, "sim-small", "answer"),
];
// the graph reads only the ChainTaskSource fields; the rest of tasks.get does not matter here
const fullTask = task(events) as ChainTask;

describe("ChainGraph (server render smoke test)", () => {
  it("renders the fixed-height container", () => {
    const html = renderToStaticMarkup(<ChainGraph task={fullTask} liveEvents={live([ev.delta(0, "Fo")], events.length)} />);
    expect(html).toContain('data-testid="chain-graph"');
    expect(html).toContain("h-[420px]");
  });

  it("renders a step node with its test id and status, and the side panel for it", () => {
    const model = prepareChainGraph(fullTask, live([ev.delta(0, "Four")], events.length));
    const node = model.nodes.find((n): n is StepNode => n.id === "step:0");
    if (!node) throw new Error("no step node");
    const nodeHtml = renderStepNode(node);
    expect(nodeHtml).toContain('data-testid="chain-node-0"');
    expect(nodeHtml).toContain('data-status="running"');
    expect(nodeHtml).toContain("Four");

    const panelHtml = renderToStaticMarkup(<ChainPanel detail={node.data.step} label={(id) => id} onClose={() => {}} />);
    expect(panelHtml).toContain('data-testid="chain-step-panel"');
    expect(panelHtml).toContain("Output (streaming)");
    expect(panelHtml).toContain("prompt for sim-small");
  });
});
