import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChainPanel } from "./chain-panel";
import { ChainView } from "./chain-view";
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
const NAMES = new Map([["sim-small", "Small Sim"]]);
const modelName = (id: string) => NAMES.get(id) ?? id;

const graphBox = (html: string) => /<div data-testid="chain-graph"[^>]*>/.exec(html)?.[0] ?? "";

describe("ChainView (server render smoke test)", () => {
  it("gives the graph a height of its own, taller for taller chains", () => {
    const html = renderToStaticMarkup(<ChainView task={fullTask} liveEvents={live([ev.delta(0, "Fo")], events.length)} />);
    // flex-1 in the column layout below lg let the flex basis override the height: the graph collapsed to 2 px
    expect(graphBox(html)).not.toContain("flex-1");
    expect(graphBox(html)).toContain("height:min(300px, 70vh)");

    const mixture = task([
      ev.planned(plan("mixture", ["a", "b", "c", "d"].map((modelId, i) => ({ role: i < 3 ? "proposer" : "aggregator", modelId })))),
    ]) as ChainTask;
    expect(graphBox(renderToStaticMarkup(<ChainView task={mixture} />))).toContain("height:min(400px, 70vh)");
  });

  it("renders a step node with its test id, status, model name and 1-based step number, and the side panel for it", () => {
    const model = prepareChainGraph(fullTask, live([ev.delta(0, "Four")], events.length), modelName);
    const node = model.nodes.find((n): n is StepNode => n.id === "step:0");
    if (!node) throw new Error("no step node");
    const nodeHtml = renderStepNode(node);
    expect(nodeHtml).toContain('data-testid="chain-node-0"');
    expect(nodeHtml).toContain('data-status="running"');
    expect(nodeHtml).toContain("Four");
    expect(nodeHtml).toContain(">Small Sim</span>");
    expect(nodeHtml).toContain('title="Small Sim (sim-small)"');
    expect(nodeHtml).toContain("answer · #1");

    const panelHtml = renderToStaticMarkup(<ChainPanel detail={node.data.step} label={(id) => id} onClose={() => {}} />);
    expect(panelHtml).toContain('data-testid="chain-step-panel"');
    expect(panelHtml).toContain("Output (streaming)");
    expect(panelHtml).toContain("prompt for sim-small");
    expect(panelHtml).toContain(">Small Sim</h3>");
    expect(panelHtml).toContain("answer · step 1 · sim-small");
    expect(panelHtml).toContain("#1</dd>");
  });
});
