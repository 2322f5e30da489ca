import { describe, expect, it } from "vitest";
import { builtinSuites, gradeItem, suiteFor, type GraderPorts, type SuiteItem } from "@/server/orchestrator/discovery";
import { taskMessages } from "@/server/orchestrator/chains/prompts";
import { CAPABILITIES, type Capability, type GenerateResult, type ModelSpec } from "@/server/orchestrator/spec";
import { createSimulatedClient } from "@/server/providers/simulated";
import { createCodeSandbox } from "./runner";

/**
 * Integration: the built-in suites, graded end to end.
 * - code items through the real sandbox (separate process);
 * - a simulated model answering every built-in item: keyed items come back from the answer key and are
 *   graded for real, the rest by the simulator's hidden truth. No item may come back broken, and the
 *   measured pass rate must track the model's hidden skill.
 */

const sandbox = createCodeSandbox({ maxConcurrent: 4 });
const reply = (text: string): GenerateResult => ({ text, usage: { inputTokens: 1, outputTokens: 1 }, finishReason: "stop", latencyMs: 1 });

function codeItem(name: string): SuiteItem {
  const item = suiteFor("code").items.find((i) => i.grader.kind === "code" && i.grader.functionName === name);
  if (!item) throw new Error(name);
  return item;
}

describe("code items through the sandbox", () => {
  it("passes a correct fenced answer and gives partial credit to a wrong one", async () => {
    const ports: GraderPorts = { runCode: sandbox.runCode };
    const right = await gradeItem(codeItem("fizzBuzz"), reply("Sure:\n```javascript\nfunction fizzBuzz(n) {\n  if (n % 15 === 0) return 'FizzBuzz';\n  if (n % 3 === 0) return 'Fizz';\n  if (n % 5 === 0) return 'Buzz';\n  return String(n);\n}\n```"), ports);
    expect(right).toMatchObject({ pass: true, score: 1, method: "grader" });
    const wrong = await gradeItem(codeItem("fizzBuzz"), reply("```js\nconst fizzBuzz = (n) => (n % 3 === 0 ? 'Fizz' : String(n));\n```"), ports);
    expect(wrong.pass).toBe(false);
    expect(wrong.score).toBeCloseTo(0.5);
    expect(wrong.detail).toMatch(/2\/4 test cases passed/);
    const hostile = await gradeItem(codeItem("sumDigits"), reply("```js\nfunction sumDigits(n) { while (true) {} }\n```"), ports);
    expect(hostile).toMatchObject({ pass: false, score: 0 });
  });
});

function simulatedModel(skill: number, seed: number): ModelSpec {
  return {
    id: `sim-${seed}`,
    name: `sim-${seed}`,
    providerId: "builtin",
    providerKind: "simulated",
    remoteModel: `sim-${seed}`,
    contextWindow: 32_000,
    pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
    enabled: true,
    simulated: {
      seed,
      skills: Object.fromEntries(CAPABILITIES.map((c) => [c, skill])) as Record<Capability, number>,
      latency: { ttftMs: 10, tokensPerSec: 1_000, jitter: 0 },
      faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 },
    },
  };
}

describe("a simulated model on every built-in suite", () => {
  it("is graded without broken items, and its pass rate tracks its hidden skill", async () => {
    const skill = 0.7;
    const client = createSimulatedClient(simulatedModel(skill, 4242), { sleep: async () => undefined });
    const rates: Record<string, string> = {};
    let passed = 0;
    let total = 0;
    for (const suite of builtinSuites()) {
      let suitePassed = 0;
      for (const item of suite.items) {
        const format = item.grader.kind === "code" ? "code" : item.grader.kind === "json" ? "json" : ["exact", "numeric", "label"].includes(item.grader.kind) ? "short-answer" : "text";
        const result = await client.generate({ messages: taskMessages(item.prompt, format), capabilityHint: item.capability });
        const graded = await gradeItem(item, result, {});
        expect(graded.broken, `${item.id}: ${graded.detail}`).toBeUndefined();
        const keyedKind = ["exact", "numeric", "label"].includes(item.grader.kind);
        expect(graded.method, item.id).toBe(keyedKind ? "grader" : "simulated-truth");
        if (graded.pass) suitePassed++;
      }
      rates[suite.capability] = `${suitePassed}/${suite.items.length}`;
      passed += suitePassed;
      total += suite.items.length;
    }
    console.log(`simulated model with skill ${skill}: pass rate per suite`, rates, `overall ${(passed / total).toFixed(3)}`);
    expect(passed / total).toBeGreaterThan(skill - 0.06);
    expect(passed / total).toBeLessThan(skill + 0.06);
  });
});
