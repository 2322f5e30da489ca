import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Capability } from "../spec/capability";
import { createTaskAnalyzer } from "./analyzer";

/**
 * Benchmark prompts exactly as LLM APIs receive them (ZeroEval's GSM8K, MATH level 5 and CRUXEval
 * wrappers, with their JSON answer template), read from ../shared: evaluation data, never copied
 * into the project or trained on. CRUXEval asks what a program returns, which is code (README).
 */
const ITEMS = new URL("../../../../shared/data/replay-dev/items.jsonl", import.meta.url);
const EXPECTED: Record<string, Capability> = { gsm: "math", "math-l5": "math", crux: "code" };

describe("benchmark prompts from the replay set", () => {
  it("are routed to math (GSM8K, MATH) and code (CRUXEval)", () => {
    if (!existsSync(ITEMS)) throw new Error(`replay-dev items not found at ${ITEMS.pathname}: the test reads ../shared/data/replay-dev`);
    const analyzer = createTaskAnalyzer();
    const tally = new Map<string, { total: number; correct: number }>();
    for (const line of readFileSync(ITEMS, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const item = JSON.parse(line) as { family: string; prompt: string };
      const expected = EXPECTED[item.family];
      if (expected === undefined) continue;
      const t = tally.get(item.family) ?? { total: 0, correct: 0 };
      t.total++;
      if (analyzer.analyzeSync({ prompt: item.prompt, constraints: {} }).primary === expected) t.correct++;
      tally.set(item.family, t);
    }
    for (const [family, t] of tally) {
      console.log(`replay ${family.padEnd(8)} → ${EXPECTED[family]}: ${((t.correct / t.total) * 100).toFixed(1)}% (${t.correct}/${t.total})`);
      expect(t.correct / t.total).toBeGreaterThanOrEqual(0.95);
    }
  });
});
