import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../testing/harness";

// imported data sets go under <dataDir>/lab; point the data directory at a scratch folder
process.env.DATABASE_URL = path.join(mkdtempSync(path.join(tmpdir(), "ensemble-lab-")), "ensemble.db");

const models = JSON.stringify([
  { id: "cheap-a", inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.2 },
  { id: "cheap-b", inputUsdPerMTok: 0.2, outputUsdPerMTok: 0.4 },
  { id: "strong", inputUsdPerMTok: 5, outputUsdPerMTok: 15 },
]);
const ids = Array.from({ length: 40 }, (_, i) => `q-${i}`);
const items = ids.map((id, i) => JSON.stringify({ id, family: i % 2 ? "gsm" : "other", prompt: `What is ${i} + ${i}? Answer with a number.` })).join("\n");
const outcomes = ids
  .flatMap((id, i) => [
    { id, model: "cheap-a", correct: i % 3 !== 0, answer: i % 3 !== 0 ? String(2 * i) : "0", outputChars: 40 },
    { id, model: "cheap-b", correct: i % 4 !== 0, answer: i % 4 !== 0 ? String(2 * i) : "1", outputChars: 40 },
    { id, model: "strong", correct: true, answer: String(2 * i), outputChars: 200 },
  ])
  .map((o) => JSON.stringify(o))
  .join("\n");

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe("lab router", () => {
  it("lets a viewer list data sets but not import", async () => {
    expect((await h.as("viewer").lab.datasets())[0]?.history).toBe(true);
    await expect(h.as("viewer").lab.import({ name: "x", items, outcomes, models })).rejects.toThrow(/operator/);
  });

  it("rejects a bad file naming the file and line", async () => {
    await expect(h.as("operator").lab.import({ name: "bad", items: `${items}\n{"id":"z"}`, outcomes, models })).rejects.toThrow(/items\.jsonl line 41/);
  });

  it("imports, runs and reports every policy", async () => {
    await h.as("operator").lab.import({ name: "tiny", items, outcomes, models });
    expect((await h.as("viewer").lab.datasets()).map((d) => d.name)).toContain("tiny");
    const { runId } = await h.as("operator").lab.start({ dataset: "tiny" });
    let run = await h.as("viewer").lab.get({ runId });
    for (let i = 0; run.status === "running" && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 20));
      run = await h.as("viewer").lab.get({ runId });
    }
    expect(run.error).toBeUndefined();
    expect(run.status).toBe("complete");
    const names = run.report?.policies.map((p) => p.name) ?? [];
    for (const n of ["balanced", "cheap-a", "strong", "oracle", "zero-router"]) expect(names).toContain(n);
  });
});
