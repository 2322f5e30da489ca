import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
    const report = await evaluateInThread({ data: tiny }, 11, (p) => progress.push(p));
    expect(report).toEqual(evaluate(prepareLabData(tiny), { seed: 11 }));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it("rejects with the evaluation's own error", async () => {
    await expect(evaluateInThread({ data: { ...tiny, models: [] } }, 1, () => undefined)).rejects.toThrow(/outcomes row 1: model: model "cheap" is not in models\.json/);
  });

  it("reads an imported set's folder on the worker thread, with the lab's item minimum", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ensemble-lab-thread-"));
    try {
      writeFileSync(path.join(dir, "items.jsonl"), JSON.stringify({ id: "q-0", family: "gsm", prompt: "What is 1 + 1?" }));
      writeFileSync(path.join(dir, "outcomes.jsonl"), JSON.stringify({ id: "q-0", model: "cheap", correct: true, answer: "2", outputChars: 5 }));
      writeFileSync(path.join(dir, "models.json"), models);
      await expect(evaluateInThread({ name: "one", dir }, 1, () => undefined)).rejects.toThrow("one has 1 item; the lab needs at least 4");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps this thread turning while the 1,706-item dev set is read and evaluated", async () => {
    const dir = path.resolve(process.cwd(), "../shared/data/replay-dev");
    let turns = 0;
    let running = true;
    const turn = () => {
      turns += 1;
      if (running) setTimeout(turn, 1);
    };
    turn();
    const report = await evaluateInThread({ name: "replay-dev", dir }, undefined, () => undefined);
    running = false;
    expect(report.policies.find((p) => p.name === "balanced")?.items).toBe(report.split.evalItems);
    expect(report).toEqual(evaluate(prepareLabData(readLabDir(dir)), {}));
    // run here, preparing and tuning hold this thread for seconds at a time; the lab used to advance in ~27 pieces
    expect(turns).toBeGreaterThan(200);
  }, 120_000);
});
