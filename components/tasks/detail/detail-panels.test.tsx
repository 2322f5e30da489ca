import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TaskStep } from "@/components/shared/api-types";
import type { ModelChain } from "@/server/orchestrator/spec";
import { CANCEL_QUESTION, CancelConfirm } from "./cancel-confirm";
import type { TaskOutcome } from "./panel-empty";
import { RequirementsPanel } from "./requirements-panel";
import { RoutingExplanation } from "./routing-explanation";
import { StepsTable } from "./steps-table";

const name = (id: string) => id;
const cached: TaskOutcome = { status: "completed", cacheHit: true, cachedFromTaskId: "tsk_origin" };
const cancelled: TaskOutcome = { status: "cancelled", cacheHit: false, cachedFromTaskId: null };

function step(stepIndex: number, status: TaskStep["status"], error: string | null): TaskStep {
  return {
    id: stepIndex + 1,
    taskId: "tsk_x",
    stepIndex,
    role: "proposer",
    modelId: `sim-${stepIndex}`,
    status,
    input: null,
    output: null,
    error,
    inputTokens: 10,
    outputTokens: status === "completed" ? 20 : 0,
    costUsd: 0,
    latencyMs: null,
    firstTokenMs: null,
    startedAt: 0,
    endedAt: null,
  };
}

describe("task page panels of a cached answer (server render)", () => {
  it("says the answer came from the cache and links to the original task, never to an error", () => {
    for (const html of [
      renderToStaticMarkup(<RoutingExplanation plan={null} modelName={name} task={cached} />),
      renderToStaticMarkup(<RequirementsPanel requirements={null} constraints={{}} task={cached} />),
      renderToStaticMarkup(<StepsTable steps={[]} modelName={name} task={cached} />),
    ]) {
      expect(html).toContain("result cache");
      expect(html).toMatch(/<a [^>]*data-testid="panel-cached-origin" href="\/tasks\/tsk_origin">See the original task/);
      expect(html).not.toContain("error above");
      expect(html).not.toContain("Not analysed yet");
    }
  });
});

describe("steps of a cancelled task (server render)", () => {
  it("marks the step the cancel cut short as cancelled, and keeps a real failure failed", () => {
    const steps = [step(0, "completed", null), step(1, "failed", "sim-1: HTTP 500"), step(2, "failed", "cancelled")];
    const html = renderToStaticMarkup(<StepsTable steps={steps} modelName={name} task={cancelled} />);
    const statuses = [...html.matchAll(/data-testid="step-row" data-status="(\w+)"/g)].map((m) => m[1]);
    expect(statuses).toEqual(["completed", "failed", "cancelled"]);
    expect(html).toContain("sim-1: HTTP 500");
    expect(html).toContain("bg-amber-50"); // the cancelled badge's tone, as the task's own cancelled badge
  });
});

describe("why this model (server render)", () => {
  it("lets long verdicts and role badges wrap instead of pushing the verdict out of the card", () => {
    const plan: ModelChain = {
      strategy: "mixture",
      steps: [
        { role: "proposer", modelId: "sim-a" },
        { role: "aggregator", modelId: "sim-a" },
      ],
      explanation: {
        policy: "quality",
        summary: "Mixture (requested)",
        candidates: [
          { modelId: "sim-a", score: 0.93, components: { "term.quality": 0.96 }, reason: "highest expected quality 0.96" },
          { modelId: "sim-b", score: 0.6, components: { "term.quality": 0.65 }, reason: "quality 0.65 < leader 0.96, not worth being 3× cheaper; score 0.62 vs 0.93" },
        ],
      },
    };
    const html = renderToStaticMarkup(<RoutingExplanation plan={plan} modelName={name} task={{ status: "completed", cacheHit: false, cachedFromTaskId: null }} />);
    const firstCells = [...html.matchAll(/<tr[^>]*data-testid="candidate-row"[^>]*><td class="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(firstCells).toHaveLength(2);
    for (const cls of firstCells) expect(cls).not.toContain("whitespace-nowrap");
    expect(html).toMatch(/<td class="[^"]*break-words[^"]*" data-testid="candidate-verdict">/);
    expect(html).toContain("proposer, aggregator");
  });
});

describe("the cancel confirmation (server render)", () => {
  it("asks first, with the safe answer focused", () => {
    const html = renderToStaticMarkup(<CancelConfirm pending={false} error={null} onConfirm={() => {}} onKeep={() => {}} />);
    expect(html).not.toContain("Cancel task");
    expect(html).toContain(CANCEL_QUESTION);
    expect(html).toMatch(/autofocus="">Keep running<\/button>/);
    expect(html).toMatch(/<button [^>]*class="[^"]*bg-rose-600[^"]*">Confirm<\/button>/);
  });
});
