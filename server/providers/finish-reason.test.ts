import { describe, expect, it } from "vitest";
import { executeChain } from "@/server/orchestrator/engine";
import { createManualClock, createSeededRandom, makeChain, makeRequirements, makeSpec, makeTask } from "@/server/orchestrator/testing";
import type { ModelClient, ModelSpec, TaskEvent } from "@/server/orchestrator/spec";
import { createSimulatedClient } from "./simulated";

const instant = () => Promise.resolve();

function simulated(id: string, cutStreamRate: number): ModelSpec {
  return makeSpec(id, {
    simulated: {
      seed: 7,
      skills: { math: 0.9 },
      latency: { ttftMs: 10, tokensPerSec: 1000, jitter: 0 },
      faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate },
    },
  });
}

/** A task on a simulated model whose every reply is cut before its finish part, with a healthy fallback. */
async function run(stream: boolean) {
  const specs = { cut: simulated("cut", 1), whole: simulated("whole", 0) };
  const clients: Record<string, ModelClient> = {
    cut: createSimulatedClient(specs.cut, { sleep: instant }),
    whole: createSimulatedClient(specs.whole, { sleep: instant }),
  };
  const events: TaskEvent[] = [];
  const outcome = await executeChain(
    {
      task: makeTask({ prompt: "What is 12 * 12?" }),
      requirements: makeRequirements(),
      chain: makeChain("single", [
        { role: "answer", modelId: "cut" },
        { role: "fallback", modelId: "whole" },
      ]),
      stream,
    },
    {
      client: (id) => clients[id as keyof typeof clients]!,
      model: (id) => specs[id as keyof typeof specs],
      emit: (e) => void events.push(e),
      clock: createManualClock(),
      random: createSeededRandom(1),
    },
  );
  return { outcome, events };
}

describe("a simulated reply without a finish reason is a failure that falls back, never a result", () => {
  it.each([
    ["streaming", true],
    ["plain", false],
  ])("%s", async (_mode, stream) => {
    const { outcome, events } = await run(stream);
    expect(outcome.steps.map((s) => s.modelId)).toEqual(["whole"]);
    const failed = events.find((e) => e.type === "step.failed");
    expect(failed).toMatchObject({ modelId: "cut" });
    expect(failed?.type === "step.failed" && failed.error).toMatch(stream ? /without a finish part/ : /connection closed mid-response/);
    // a cut is not retried: the text so far may already have been shown, so the chain moves on
    expect(events.some((e) => e.type === "step.retried")).toBe(false);
    expect(events.find((e) => e.type === "fallback.taken")).toMatchObject({ fromModelId: "cut", toModelId: "whole" });
  });
});
