import { describe, expect, it } from "vitest";
import { nodeLabel, resolveSelection } from "./chain-selection";
import { prepareChainGraph } from "./prepare-chain-graph";
import { ev, live, plan, task } from "./test-fixtures";
import type { ChainGraphModel, StepNode } from "./types";

const stepNode = (model: ChainGraphModel, id: string) => model.nodes.find((n): n is StepNode => n.id === id && n.type === "chainStep");
const edgeIds = (model: ChainGraphModel) => model.edges.map((e) => e.id).sort();
const position = (model: ChainGraphModel, id: string) => model.nodes.find((n) => n.id === id)?.position;

describe("prepareChainGraph", () => {
  it("draws a single-model task: input → step → result, with its numbers", () => {
    const t = task([
      ev.queued(),
      ev.planned(plan("single", [{ role: "answer", modelId: "sim-small" }])),
      ev.message("input", "step:0", "prompt"),
      ev.started(0, "sim-small", "answer"),
      ev.completed(0, "sim-small", "4", { inputTokens: 12, outputTokens: 3, costUsd: 0.0002, latencyMs: 420, firstTokenMs: 90 }),
      ev.message("step:0", "result", "response", "4"),
      ev.done(),
    ]);
    const model = prepareChainGraph(t, []);

    expect(model.nodes.map((n) => n.id)).toEqual(["input", "step:0", "result"]);
    expect(stepNode(model, "step:0")?.data.step).toMatchObject({
      status: "completed",
      modelId: "sim-small",
      role: "answer",
      planIndex: 0,
      output: "4",
      inputTokens: 12,
      outputTokens: 3,
      costUsd: 0.0002,
      latencyMs: 420,
      firstTokenMs: 90,
      input: [{ role: "user", content: "prompt for sim-small" }],
    });
    expect(model.edges.map((e) => [e.source, e.target, e.label, e.animated])).toEqual([
      ["input", "step:0", "prompt", false],
      ["step:0", "result", "response", false],
    ]);
    expect(position(model, "input")).toEqual({ x: 0, y: 0 });
    expect(position(model, "step:0")).toEqual({ x: 300, y: 0 });
    expect(position(model, "result")).toEqual({ x: 600, y: 0 });
    expect(model.result).toMatchObject({ status: "completed", output: "4", inputTokens: 12, outputTokens: 3, costUsd: 0.0002 });
    expect(model.steps["step:0"]?.incoming.map((m) => m.kind)).toEqual(["prompt"]);
    expect(model.steps["step:0"]?.outgoing.map((m) => m.to)).toEqual(["result"]);
  });

  const mixturePlan = plan("mixture", [
    { role: "proposer", modelId: "p-a" },
    { role: "proposer", modelId: "p-b" },
    { role: "proposer", modelId: "p-c" },
    { role: "aggregator", modelId: "agg" },
  ]);

  it("draws a mixture: three proposers in one column feeding the aggregator", () => {
    const t = task([
      ev.planned(mixturePlan),
      ...[0, 1, 2].flatMap((i) => [ev.message("input", `step:${i}`, "prompt"), ev.started(i, ["p-a", "p-b", "p-c"][i] ?? "", "proposer")]),
      ev.completed(0, "p-a", "A"),
      ev.completed(1, "p-b", "B"),
      ev.completed(2, "p-c", "C"),
      ev.message("input", "step:3", "prompt"),
      ev.message("step:0", "step:3", "response", "A"),
      ev.message("step:1", "step:3", "response", "B"),
      ev.message("step:2", "step:3", "response", "C"),
      ev.started(3, "agg", "aggregator"),
      ev.completed(3, "agg", "ABC"),
      ev.message("step:3", "result", "response", "ABC"),
      ev.done(),
    ]);
    const model = prepareChainGraph(t, []);

    expect(model.nodes.map((n) => n.id)).toEqual(["input", "step:0", "step:1", "step:2", "step:3", "result"]);
    const toAggregator = model.edges.filter((e) => e.target === "step:3" && e.source !== "input");
    expect(toAggregator.map((e) => [e.source, e.label])).toEqual([
      ["step:0", "response"],
      ["step:1", "response"],
      ["step:2", "response"],
    ]);
    expect([0, 1, 2].map((i) => position(model, `step:${i}`))).toEqual([
      { x: 300, y: -160 },
      { x: 300, y: 0 },
      { x: 300, y: 160 },
    ]);
    // no critique stage in a mixture: the aggregator takes the next column instead of leaving one empty
    expect(position(model, "step:3")).toEqual({ x: 600, y: 0 });
    expect(position(model, "result")).toEqual({ x: 900, y: 0 });
    expect(model.rows).toBe(3);
    expect(model.edges.some((e) => e.data?.variant === "planned")).toBe(false);
    // the prompt reaching the aggregator crosses the proposer column: drawn quiet, without a label
    const toAggregatorPrompt = model.edges.find((e) => e.id === "input->step:3:prompt");
    expect(toAggregatorPrompt?.data?.quiet).toBe(true);
    expect(toAggregatorPrompt?.label).toBeUndefined();
    expect(model.edges.find((e) => e.id === "input->step:1:prompt")).toMatchObject({ label: "prompt", data: { quiet: false } });
    expect(model.steps["step:3"]?.incoming.map((m) => m.from)).toEqual(["input", "step:0", "step:1", "step:2"]);
    expect(model.result.costUsd).toBeCloseTo(0.004);
  });

  it("shows a failed proposer in red with its error, and no edge from it to the aggregator", () => {
    const t = task([
      ev.planned(mixturePlan),
      ev.started(0, "p-a", "proposer"),
      ev.started(1, "p-b", "proposer"),
      ev.started(2, "p-c", "proposer"),
      ev.completed(0, "p-a", "A"),
      ev.retried(1, "p-b", 1, "429 rate limited"),
      ev.failed(1, "p-b", "p-b: 503 upstream unavailable"),
      ev.completed(2, "p-c", "C"),
      ev.message("step:0", "step:3", "response", "A"),
      ev.message("step:2", "step:3", "response", "C"),
      ev.started(3, "agg", "aggregator"),
    ]);
    const model = prepareChainGraph(t, []);

    const failed = stepNode(model, "step:1")?.data.step;
    expect(failed).toMatchObject({ status: "failed", error: "p-b: 503 upstream unavailable", output: "" });
    expect(failed?.retries).toEqual([{ attempt: 1, error: "429 rate limited", at: expect.any(Number) }]);
    expect(model.edges.filter((e) => e.source === "step:1")).toEqual([]);
    expect(model.edges.filter((e) => e.target === "step:3").map((e) => [e.source, e.animated])).toEqual([
      ["step:0", true],
      ["step:2", true],
    ]);
    expect(model.result.costUsd).toBeCloseTo(0.002);
  });

  it("adds a fallback step when it starts, not before, and notes why it ran", () => {
    const before = [
      ev.planned(plan("single", [{ role: "answer", modelId: "cheap" }])),
      ev.message("input", "step:0", "prompt"),
      ev.started(0, "cheap", "answer"),
      ev.failed(0, "cheap", "timeout after 30000 ms"),
      ev.fallback("cheap", "strong", "timeout after 30000 ms"),
      ev.message("input", "step:1", "prompt"),
    ];
    const waiting = prepareChainGraph(task(before), []);
    expect(waiting.nodes.map((n) => n.id)).toEqual(["input", "step:0", "result"]);
    expect(waiting.edges.map((e) => e.target)).toEqual(["step:0"]);

    const started = prepareChainGraph(task(before), live([ev.started(1, "strong", "fallback"), ev.delta(1, "Fo")], before.length));
    const fallback = stepNode(started, "step:1")?.data.step;
    expect(fallback).toMatchObject({ status: "running", planIndex: null, role: "fallback", streamed: "Fo" });
    expect(fallback?.fallbackFrom).toMatchObject({ fromModelId: "cheap", toModelId: "strong", reason: "timeout after 30000 ms" });
    expect(position(started, "step:0")).toEqual({ x: 300, y: -80 });
    expect(position(started, "step:1")).toEqual({ x: 300, y: 80 });
    expect(started.edges.find((e) => e.target === "step:1")).toMatchObject({ source: "input", animated: true });
    expect(started.result.notes).toEqual([]);
  });

  it("accumulates live deltas into the running step until step.completed replaces them with the output", () => {
    const snapshot = [ev.planned(plan("single", [{ role: "answer", modelId: "m" }])), ev.message("input", "step:0", "prompt"), ev.started(0, "m", "answer")];
    const t = task(snapshot);
    const deltas = live([ev.delta(0, "The answer"), ev.delta(0, " is"), ev.delta(0, " 4")], snapshot.length);

    const streaming = prepareChainGraph(t, deltas);
    expect(stepNode(streaming, "step:0")?.data.step).toMatchObject({ status: "running", streamed: "The answer is 4", output: "" });
    expect(streaming.edges.find((e) => e.target === "step:0")?.animated).toBe(true);
    expect(streaming.result.status).toBe("running");

    const finished = prepareChainGraph(t, [...deltas, ...live([ev.completed(0, "m", "The answer is 4."), ev.done()], snapshot.length)]);
    expect(stepNode(finished, "step:0")?.data.step).toMatchObject({ status: "completed", streamed: "", output: "The answer is 4." });
    expect(finished.edges.find((e) => e.target === "step:0")?.animated).toBe(false);
    expect(finished.result.status).toBe("completed");
  });

  it("applies each persisted event once when the subscription replays it", () => {
    const snapshot = [ev.planned(plan("single", [{ role: "answer", modelId: "m" }])), ev.message("input", "step:0", "prompt"), ev.started(0, "m", "answer")];
    const t = task(snapshot);
    const replay = t.events.map((row) => ({ id: row.id, at: row.at, event: row.payload }));
    const tail = live([ev.message("step:0", "result", "response"), ev.completed(0, "m", "4", { outputTokens: 7 })], snapshot.length);

    const model = prepareChainGraph(t, [...replay, ...tail, ...tail, ...replay]);
    expect(model.nodes.map((n) => n.id)).toEqual(["input", "step:0", "result"]);
    expect(model.edges.map((e) => [e.id, e.data?.count])).toEqual([
      ["input->step:0:prompt", 1],
      ["step:0->result:response", 1],
    ]);
    expect(model.steps["step:0"]?.incoming).toHaveLength(1);
    expect(model.steps["step:0"]?.outputTokens).toBe(7);
  });

  it("shows planned steps as pending before they run, joined by dashed edges, and run steps take their place", () => {
    const planned = task([ev.queued(), ev.planned(mixturePlan)]);
    const model = prepareChainGraph(planned, []);

    expect(model.nodes.map((n) => n.id)).toEqual(["input", "plan:0", "plan:1", "plan:2", "plan:3", "result"]);
    expect(Object.values(model.steps).map((s) => [s.status, s.modelId, s.stepIndex])).toEqual([
      ["pending", "p-a", null],
      ["pending", "p-b", null],
      ["pending", "p-c", null],
      ["pending", "agg", null],
    ]);
    expect(model.edges.every((e) => e.data?.variant === "planned" && !e.animated)).toBe(true);
    expect(edgeIds(model)).toEqual(
      [
        "input->plan:0:planned",
        "input->plan:1:planned",
        "input->plan:2:planned",
        "plan:0->plan:3:planned",
        "plan:1->plan:3:planned",
        "plan:2->plan:3:planned",
        "plan:3->result:planned",
      ].sort(),
    );

    const running = prepareChainGraph(planned, live([ev.message("input", "step:0", "prompt"), ev.started(0, "p-a", "proposer")], 2));
    expect(running.nodes.map((n) => n.id)).toEqual(["input", "step:0", "plan:1", "plan:2", "plan:3", "result"]);
    expect(position(running, "step:0")).toEqual(position(model, "plan:0"));
    expect(edgeIds(running)).toContain("step:0->plan:3:planned");
    expect(resolveSelection(running, "plan:0")?.nodeId).toBe("step:0");
  });

  it("marks planned steps that never ran as skipped once the task ends, and unfinished ones as failed", () => {
    const t = task([
      ev.planned(plan("single", [{ role: "answer", modelId: "a" }, { role: "fallback", modelId: "b" }])),
      ev.started(0, "a", "answer"),
      ev.failedTask("interrupted: the server stopped while this task ran"),
    ]);
    const model = prepareChainGraph(t, []);
    expect(model.steps["step:0"]).toMatchObject({ status: "failed", error: expect.stringContaining("did not finish") });
    expect(model.steps["plan:1"]?.status).toBe("skipped");
    expect(model.edges.filter((e) => e.data?.variant === "planned")).toEqual([]);
    expect(model.result).toMatchObject({ status: "failed", error: "interrupted: the server stopped while this task ran" });
  });

  it("matches run steps to plan steps by role and model, not by index (cascade with a verifier)", () => {
    const t = task([
      ev.planned(
        plan("cascade", [
          { role: "answer", modelId: "small" },
          { role: "answer", modelId: "large" },
          { role: "verifier", modelId: "judge" },
        ]),
      ),
      ev.started(0, "small", "answer"),
      ev.completed(0, "small", "5"),
      ev.started(1, "judge", "verifier"),
      ev.completed(1, "judge", "NO"),
      ev.fallback("small", "large", "verifier said NO"),
      ev.started(2, "large", "answer"),
    ]);
    const model = prepareChainGraph(t, []);
    expect(Object.values(model.steps).map((s) => [s.nodeId, s.planIndex, s.modelId])).toEqual([
      ["step:0", 0, "small"],
      ["step:2", 1, "large"],
      ["step:1", 2, "judge"],
    ]);
    expect(model.steps["step:2"]?.fallbackFrom?.reason).toBe("verifier said NO");
    expect(position(model, "step:1")?.x).toBe(600);
  });

  it("lays a pipeline's critique/revise rounds out left to right", () => {
    const t = task([
      ev.planned(
        plan("pipeline", [
          { role: "draft", modelId: "d" },
          { role: "critique", modelId: "c" },
          { role: "revise", modelId: "r" },
          { role: "critique", modelId: "c" },
          { role: "revise", modelId: "r" },
        ]),
      ),
    ]);
    const model = prepareChainGraph(t, []);
    expect(model.nodes.map((n) => [n.id, n.position.x])).toEqual([
      ["input", 0],
      ["plan:0", 300],
      ["plan:1", 600],
      ["plan:2", 900],
      ["plan:3", 1200],
      ["plan:4", 1500],
      ["result", 1800],
    ]);
  });

  it("picks up a plan that arrives live, for a task that was still queued when the page loaded", () => {
    const t = task([ev.queued()]);
    expect(prepareChainGraph(t, []).nodes.map((n) => n.id)).toEqual(["input", "result"]);
    const model = prepareChainGraph(t, live([ev.planned(plan("single", [{ role: "answer", modelId: "m" }]))], 1));
    expect(model.nodes.map((n) => n.id)).toEqual(["input", "plan:0", "result"]);
    expect(model.input.strategy).toBe("single");
    expect(model.result.status).toBe("running");
  });

  it("labels steps with the roster's model names and keeps the ids", () => {
    const t = task([ev.planned(mixturePlan), ev.started(0, "p-a", "proposer")]);
    const names = new Map([["p-a", "Proposer A"], ["agg", "Aggregator"]]);
    const model = prepareChainGraph(t, [], (id) => names.get(id) ?? id);
    expect(Object.values(model.steps).map((s) => [s.nodeId, s.modelName, s.modelId])).toEqual([
      ["step:0", "Proposer A", "p-a"],
      ["plan:1", "p-b", "p-b"],
      ["plan:2", "p-c", "p-c"],
      ["plan:3", "Aggregator", "agg"],
    ]);
    expect(nodeLabel(model, "step:0")).toBe("step 1 · Proposer A");
    expect(nodeLabel(model, "plan:3")).toBe("planned step · Aggregator");
    expect(nodeLabel(model, "input")).toBe("input");
    // without a roster the ids stand in
    expect(prepareChainGraph(t, []).steps["step:0"]?.modelName).toBe("p-a");
  });

  it("shows the calls a cancel cut short as cancelled, and a call that failed on its own as failed", () => {
    const t = task(
      [
        ev.planned(mixturePlan),
        ev.started(0, "p-a", "proposer"),
        ev.started(1, "p-b", "proposer"),
        ev.started(2, "p-c", "proposer"),
        ev.completed(0, "p-a", "4"),
        ev.failed(1, "p-b", "HTTP 500"),
        ev.failed(2, "p-c", "cancelled"),
        ev.started(3, "agg", "aggregator"),
      ],
      { status: "cancelled", error: "cancelled by an operator" },
    );
    const model = prepareChainGraph(t, []);
    expect(["step:0", "step:1", "step:2", "step:3"].map((id) => stepNode(model, id)?.data.step.status)).toEqual(["completed", "failed", "cancelled", "cancelled"]);
  });

  it("knows a cache hit has no steps by design", () => {
    const cached = prepareChainGraph(task([ev.queued(), { type: "task.completed", taskId: "tsk_test", status: "completed", cached: true, cachedFromTaskId: "tsk_first" }]), []);
    expect(cached.nodes.map((n) => n.id)).toEqual(["input", "result"]);
    expect(cached.result.cached).toBe(true);
    expect(prepareChainGraph(task([ev.queued(), ev.done()]), []).result.cached).toBe(false);
  });
});
