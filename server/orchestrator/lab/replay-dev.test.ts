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
    ].join("\n"),
  );
}, 180_000);

describe("routing lab on the recorded dev set (held-out split)", () => {
  it("reports one entry per policy, every single model by its id", () => {
    const names = report.policies.map((p) => p.name);
    for (const n of ["balanced", "quality", "cost", "explore", "cheapest", "random", "oracle", "zero-router", "vote", "gpt-4o-2024-08-06", "gemma-2-2b-it"]) expect(names).toContain(n);
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
   * items (see the lab README): this guards what is reached — within 3.5 points of the best single model at
   * under a third of its cost — and prints the verdict on the full target with the figures above.
   */
  it("balanced comes within 3.5 points of the best single model at under a third of its cost", () => {
    const balanced = report.policies.find((p) => p.name === "balanced");
    const best = report.policies.filter((p) => p.kind === "single").sort((a, b) => b.accuracy - a.accuracy)[0];
    expect(balanced && best).toBeTruthy();
    expect(balanced!.accuracy).toBeGreaterThanOrEqual(best!.accuracy - 0.035);
    expect(balanced!.totalCostUsd).toBeLessThanOrEqual(best!.totalCostUsd / 3);
  });

});
