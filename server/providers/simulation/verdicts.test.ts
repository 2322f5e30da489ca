import { describe, expect, it } from "vitest";
import { VERIFIER_QUESTION } from "@/server/orchestrator/chains/gates";
import { builtinAnswerKeys } from "@/server/orchestrator/discovery/answer-keys";
import type { ModelSpec } from "@/server/orchestrator/spec";
import { createSimulatedClient } from "../simulated";

function verifierModel(skill: number, seed = 11): ModelSpec {
  return {
    id: `verifier-${skill}`, name: "verifier", providerId: "simulated", providerKind: "simulated", remoteModel: "v",
    contextWindow: 8000, pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 1 }, enabled: true,
    simulated: { seed, skills: { math: skill }, latency: { ttftMs: 0, tokensPerSec: 1000, jitter: 0 }, faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 } },
  };
}

const ask = (question: string, proposed: string) =>
  [{ role: "user" as const, content: `Question:\n${question}\n\nProposed answer:\n${proposed}\n\n${VERIFIER_QUESTION}` }];

describe("simulated verifier", () => {
  const keys = builtinAnswerKeys.keys("math").slice(0, 400);

  it("says YES to right answers and NO to wrong ones as often as its skill", async () => {
    const client = createSimulatedClient(verifierModel(0.9), { sleep: async () => undefined });
    let agreeRight = 0;
    let agreeWrong = 0;
    for (const key of keys) {
      const right = await client.generate({ messages: ask(key.prompt, `Answer: ${key.answer}`), capabilityHint: "math" });
      const wrong = await client.generate({ messages: ask(key.prompt, `Answer: ${key.wrongAnswers[0]}`), capabilityHint: "math" });
      if (right.text === "YES") agreeRight++;
      if (wrong.text === "NO") agreeWrong++;
    }
    const accuracy = (agreeRight + agreeWrong) / (2 * keys.length);
    console.log(`simulated verifier with skill 0.90: ${(accuracy * 100).toFixed(1)}% correct verdicts over ${2 * keys.length}`);
    expect(accuracy).toBeGreaterThan(0.86);
    expect(accuracy).toBeLessThan(0.94);
  });

  it("is no better than chance-ish when its skill is low", async () => {
    const client = createSimulatedClient(verifierModel(0.3, 5), { sleep: async () => undefined });
    let correct = 0;
    for (const key of keys) {
      const verdict = await client.generate({ messages: ask(key.prompt, `Answer: ${key.answer}`), capabilityHint: "math" });
      if (verdict.text === "YES") correct++;
    }
    expect(correct / keys.length).toBeLessThan(0.4);
  });
});
