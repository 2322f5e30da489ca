import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTaskAnalyzer } from "../analysis";
import { evaluate, type LabReport } from "./evaluate";
import { parseLabFiles } from "./parse";
import { prepare } from "./prepare";

/** The recorded dev set lives beside the repository and is never copied into it; a missing folder is a failure. */
const DIR = path.resolve(process.cwd(), "../shared/data/replay-dev");

let report: LabReport;
let elapsedMs = 0;

beforeAll(() => {
  if (!existsSync(DIR)) throw new Error(`replay-dev data set not found at ${DIR}: the lab test reads it from ../shared/data/replay-dev`);
  const started = Date.now();
  const read = (f: string) => readFileSync(path.join(DIR, f), "utf8");
  const data = parseLabFiles({ "items.jsonl": read("items.jsonl"), "outcomes.jsonl": read("outcomes.jsonl"), "models.json": read("models.json") });
  const analyzer = createTaskAnalyzer();
  report = evaluate(prepare(data, (prompt) => analyzer.analyzeSync({ prompt, constraints: {} })));
  elapsedMs = Date.now() - started;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    [
      `lab on replay-dev (eval split, ${report.split.evalItems} items; tuned on ${report.split.tuneItems}) in ${(elapsedMs / 1000).toFixed(1)} s`,
      ...report.policies.map((p) => `  ${p.name.padEnd(30)} ${pct(p.accuracy).padStart(6)}  $${p.totalCostUsd.toFixed(3).padStart(7)}  AIQ ${p.aiq.toFixed(3)}`),
      report.target.summary,
      `second split: ${report.secondSplit?.target.summary}`,
      `hindsight ceiling (same cascade family, tuned on the eval half, ≤ 30% cost): ${pct(report.ceiling?.accuracy ?? 0)} at ${pct(report.ceiling?.costShare ?? 0)}`,
      ...(report.alternatives ?? []).flatMap((a) => [`${a.target.summary} [${a.tuneHow} on tune: ${pct(a.tuneAccuracy)} at ${pct(a.tuneCostShare)}]`, `  second split: ${a.secondSplit?.summary}`]),
    ].join("\n"),
  );
}, 180_000);

describe("routing lab on the recorded dev set (held-out split)", () => {
  it("reports one entry per policy, every single model by its id", () => {
    const names = report.policies.map((p) => p.name);
    for (const n of ["balanced", "learned-gate", "learned-router", "quality", "cost", "explore", "cheapest", "random", "oracle", "zero-router", "vote", "vote (5 strongest)", "gpt-4o-2024-08-06", "gemma-2-2b-it"]) expect(names).toContain(n);
    expect(report.policies.filter((p) => p.kind === "single")).toHaveLength(15);
    expect(report.split.evalItems + report.split.tuneItems).toBe(1706);
  });

  it("the oracle bounds every policy from above", () => {
    const oracle = report.policies.find((p) => p.name === "oracle");
    for (const p of report.policies) expect(p.accuracy).toBeLessThanOrEqual((oracle?.accuracy ?? 0) + 1e-9);
  });

  it("balanced sits above the zero router at the cost it spends", () => {
    expect(report.target.zeroRouterAccuracy).not.toBeNull();
    expect(report.target.aboveZeroRouter).toBe(true);
  });

  /*
   * The full target (≥ the best single model's accuracy at ≤ 30% of its cost) is NOT met on held-out
   * items (see the lab README: even the hindsight ceiling of this cascade family misses it). This guards what is
   * reached — within 1 point of the best single model on the held-out split and 2 on a second split, at about a
   * third of its cost, above the zero router on both — and
   * prints the verdict on the full target with the figures above.
   */
  it("balanced comes within 1–2 points of the best single model at about a third of its cost, above the zero router, on both splits", () => {
    for (const t of [report.target, report.secondSplit?.target]) {
      expect(t).toBeDefined();
      expect(t!.accuracy).toBeGreaterThanOrEqual(t!.bestSingle.accuracy - 0.02);
      expect(t!.costShare).toBeLessThanOrEqual(0.35);
      expect(t!.aboveZeroRouter).toBe(true);
    }
    expect(report.target.accuracy).toBeGreaterThanOrEqual(report.target.bestSingle.accuracy - 0.01);
  });

  it("reports the hindsight ceiling of the tuned cascade family within the cost cap", () => {
    expect(report.ceiling).toBeDefined();
    expect(report.ceiling!.costShare).toBeLessThanOrEqual(0.3 + 1e-9);
    // tuned in hindsight on the same items, it can only do at least as well as any plan at that cost
    expect(report.ceiling!.accuracy).toBeGreaterThanOrEqual(report.target.costShare <= 0.3 ? report.target.accuracy : 0);
  });

  /*
   * The other policy families (see the lab README, "Other families"): a learned gate (cheap first stage, a learned
   * weighted vote, escalation when the predicted gain per predicted USD clears an out-of-fold threshold) and a learned
   * single-model router on prompt features. Both are tuned within the cost cap on the tune half and replayed on both
   * splits. Neither beats the agreement cascade here, which is why `balanced` stays the cascade: if a change makes
   * the gate more accurate than the cascade on held-out items, this fails and `balanced` should switch family.
   */
  it("tunes the other families within the cap on the tune half and reports them on both splits", () => {
    const alternatives = report.alternatives ?? [];
    expect(alternatives.map((a) => a.name)).toEqual(["learned-gate", "learned-router"]);
    for (const a of alternatives) {
      expect(a.tuneCostShare).toBeLessThanOrEqual(0.3 + 1e-9);
      expect(a.secondSplit).toBeDefined();
      expect(a.target.bestSingle.name).toBe(report.target.bestSingle.name);
    }
  });

  it("the learned gate lands within 1 point of the best single model on held-out items at about a third of its cost, above the zero router on both splits", () => {
    const gate = report.alternatives?.find((a) => a.name === "learned-gate");
    for (const t of [gate?.target, gate?.secondSplit]) {
      expect(t).toBeDefined();
      expect(t!.aboveZeroRouter).toBe(true);
      expect(t!.costShare).toBeLessThanOrEqual(0.35);
    }
    expect(gate!.target.accuracy).toBeGreaterThanOrEqual(gate!.target.bestSingle.accuracy - 0.01);
  });

  it("balanced (the agreement cascade) is at least as accurate as the learned gate on held-out items, at no more cost", () => {
    const gate = report.alternatives?.find((a) => a.name === "learned-gate");
    expect(report.target.accuracy).toBeGreaterThanOrEqual(gate!.target.accuracy);
    expect(report.target.totalCostUsd).toBeLessThanOrEqual(gate!.target.totalCostUsd * 1.01);
  });

  it("a single model per item from prompt features alone stays well below the best single model", () => {
    // evidence that per-item routing without answers cannot tell which model will be right on this data
    const router = report.alternatives?.find((a) => a.name === "learned-router");
    expect(router!.target.accuracy).toBeLessThan(report.target.bestSingle.accuracy - 0.03);
  });

  it("only a vote of the strongest models beats the best single model on held-out items — at several times its cost", () => {
    // what accuracy money buys: the engine's vote rule over the five most accurate models on the tune half
    const strong = report.policies.find((p) => p.name === "vote (5 strongest)");
    const best = report.target.bestSingle;
    expect(strong!.accuracy).toBeGreaterThan(best.accuracy + 0.01);
    expect(strong!.totalCostUsd).toBeGreaterThan(best.totalCostUsd * 2);
  });
});
