import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, parseLabFiles, type LabProgress } from "@/server/orchestrator/lab";
import { prepareLabData, readLabDir } from "./lab-data";
import { evaluateInThread } from "./lab-thread";

const models = JSON.stringify([
  { id: "cheap", inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.2 },
  { id: "strong", inputUsdPerMTok: 5, outputUsdPerMTok: 15 },
]);
const ids = Array.from({ length: 30 }, (_, i) => `q-${i}`);
const tiny = parseLabFiles({
  "items.jsonl": ids.map((id, i) => JSON.stringify({ id, family: i % 2 ? "gsm" : "other", prompt: `What is ${i} + ${i}?` })).join("\n"),
  "outcomes.jsonl": ids
    .flatMap((id, i) => [
      { id, model: "cheap", correct: i % 3 !== 0, answer: i % 3 !== 0 ? String(2 * i) : "0", outputChars: 40 },
      { id, model: "strong", correct: true, answer: String(2 * i), outputChars: 200 },
    ])
    .map((o) => JSON.stringify(o))
    .join("\n"),
  "models.json": models,
});

describe("lab runs on a worker thread", () => {
  it("reports exactly what the same evaluation reports in process, with its progress step by step", async () => {
    const progress: LabProgress[] = [];
    const report = await evaluateInThread(tiny, 11, (p) => progress.push(p));
    expect(report).toEqual(evaluate(prepareLabData(tiny), { seed: 11 }));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it("rejects with the evaluation's own error", async () => {
    await expect(evaluateInThread({ ...tiny, models: [] }, 1, () => undefined)).rejects.toThrow(/outcomes row 1: model: model "cheap" is not in models\.json/);
  });

  it("keeps this thread turning while the 1,706-item dev set is evaluated", async () => {
    const data = readLabDir(path.resolve(process.cwd(), "../shared/data/replay-dev"));
    let turns = 0;
    let running = true;
    const turn = () => {
      turns += 1;
      if (running) setTimeout(turn, 1);
    };
    turn();
    const report = await evaluateInThread(data, undefined, () => undefined);
    running = false;
    expect(report.policies.find((p) => p.name === "balanced")?.items).toBe(report.split.evalItems);
    // run here, preparing and tuning hold this thread for seconds at a time; the lab used to advance in ~27 pieces
    expect(turns).toBeGreaterThan(200);
  }, 120_000);
});
