import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { labRuns } from "@/db/schema";
import { createLabService } from "@/server/services/lab";
import { INTERRUPTED_RUN, type LabRun } from "@/server/services/lab-runs";
import { createHarness, waitForTask, type Harness } from "../testing/harness";

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

/** The subscription on a server-side caller yields raw tracked tuples: [id, data, symbol]. */
async function follow(h: Harness, runId: string): Promise<LabRun[]> {
  const seen: LabRun[] = [];
  const stream = (await h.as("viewer").lab.watch({ runId })) as AsyncIterable<unknown>;
  for await (const event of stream) seen.push((event as [string, LabRun])[1]);
  return seen;
}

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

  it("imports, streams the progress of a run, and stores its report", async () => {
    await h.as("operator").lab.import({ name: "tiny", items, outcomes, models });
    expect((await h.as("viewer").lab.datasets()).map((d) => d.name)).toContain("tiny");
    const { runId } = await h.as("operator").lab.start({ dataset: "tiny" });
    const seen = await follow(h, runId);
    const last = seen[seen.length - 1] as LabRun;
    expect(last.error).toBeUndefined();
    expect(last.status).toBe("complete");
    // progress moved step by step before the end
    const steps = seen.filter((r) => r.status === "running").map((r) => r.progress.done);
    expect(steps.length).toBeGreaterThan(3);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    const names = last.report?.policies.map((p) => p.name) ?? [];
    for (const n of ["balanced", "cheap-a", "strong", "oracle", "zero-router"]) expect(names).toContain(n);
    expect(last.report?.secondSplit?.target.policy).toBe("balanced");

    // listed, and readable by a fresh service on the same database: it survives a restart
    expect((await h.as("viewer").lab.runs({ limit: 5 }))[0]).toMatchObject({ id: runId, status: "complete", dataset: "tiny" });
    const restarted = createLabService({ db: h.services.db, roster: h.services.roster });
    expect(restarted.get(runId).report?.policies.length).toBe(names.length);
  });

  it("refuses to import data a run could not use, naming the file, line and field", async () => {
    const op = h.as("operator").lab;
    const lines = items.split("\n");
    // a duplicate item id after a blank line: the file's line 42, first on line 4
    await expect(op.import({ name: "dup-item", items: `${items}\n\n${lines[3]}`, outcomes, models })).rejects.toThrow('items.jsonl line 42: id: duplicate item id "q-3" (first on line 4)');
    const pricey = JSON.stringify([...JSON.parse(models), { id: "a", inputUsdPerMTok: 1e308, outputUsdPerMTok: 1e308 }], null, 2);
    await expect(op.import({ name: "pricey", items, outcomes, models: pricey })).rejects.toThrow(/^models\.json line 17: inputUsdPerMTok: must be at most 10,000/);
    const twice = JSON.stringify([...JSON.parse(models), { id: "strong", inputUsdPerMTok: 1, outputUsdPerMTok: 1 }], null, 2);
    await expect(op.import({ name: "dup-model", items, outcomes, models: twice })).rejects.toThrow('models.json line 17: id: duplicate model id "strong" (first on line 12)');
    await expect(op.import({ name: "dup-outcome", items, outcomes: `${outcomes}\n${outcomes.split("\n")[0]}`, models })).rejects.toThrow(
      'outcomes.jsonl line 121: duplicate outcome for item "q-0" and model "cheap-a" (first on line 1)',
    );
    await expect(op.import({ name: "empty", items: "", outcomes, models })).rejects.toThrow(/^items\.jsonl: is empty$/);
    await expect(op.import({ name: "few", items: lines.slice(0, 3).join("\n"), outcomes: outcomes.split("\n").filter((l) => /"q-[012]"/.test(l)).join("\n"), models })).rejects.toThrow(
      /few has 3 items; the lab needs at least 4/,
    );
    expect((await h.as("viewer").lab.datasets()).map((d) => d.name)).not.toEqual(expect.arrayContaining(["dup-item", "pricey", "dup-model", "dup-outcome", "empty", "few"]));
  });

  it("refuses to replace an existing data set unless asked (CONFLICT), then replaces it", async () => {
    const op = h.as("operator").lab;
    await op.import({ name: "again", items, outcomes, models });
    const refused = await op.import({ name: "again", items, outcomes, models }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/a data set named "again" already exists/) });
    expect((await h.as("viewer").lab.datasets()).find((d) => d.name === "again")?.items).toBe(40);
    const fewer = items.split("\n").slice(0, 20).join("\n");
    const kept = outcomes.split("\n").filter((l) => Number(/"q-(\d+)"/.exec(l)?.[1]) < 20).join("\n");
    expect(await op.import({ name: "again", items: fewer, outcomes: kept, models, replace: true })).toMatchObject({ name: "again", items: 20, outcomes: 60, replaced: true });
    expect((await h.as("viewer").lab.datasets()).find((d) => d.name === "again")?.items).toBe(20);
  });

  it("ends runs a stopped server left running", () => {
    h.services.db.insert(labRuns).values({ id: "11111111-1111-4111-8111-111111111111", dataset: "tiny", status: "running", progress: { done: 3, total: 20, label: "x" }, startedAt: 1 }).run();
    const restarted = createLabService({ db: h.services.db, roster: h.services.roster, now: () => 10 });
    expect(restarted.get("11111111-1111-4111-8111-111111111111")).toMatchObject({ status: "failed", error: INTERRUPTED_RUN, elapsedMs: 9 });
  });

  it("refuses an empty history with a message that says how to grow it", async () => {
    const history = (await h.as("viewer").lab.datasets()).find((d) => d.history);
    expect(history?.items).toBe(0);
    await expect(h.as("operator").lab.start({ dataset: "ensemble-history" })).rejects.toThrow(/ensemble-history has 0 items.*vote or mixture tasks, or turn on shadow evaluation/);
  });

  it("turns vote tasks into history items, one outcome per distinct model", async () => {
    for (const prompt of ["What is 17 * 23?", "What is 12 + 30?"]) {
      const { id } = await h.as("operator").tasks.submit({ prompt, strategy: "vote" });
      await waitForTask(h, id);
    }
    const data = createLabService({ db: h.services.db, roster: h.services.roster }).load("ensemble-history");
    expect(data.items.length).toBe(2);
    for (const item of data.items) {
      const rows = data.outcomes.filter((o) => o.id === item.id);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(new Set(rows.map((o) => o.model)).size).toBe(rows.length);
    }
  });

  it("keeps shadow settings for operators, validating the fraction and the model", async () => {
    await expect(h.as("viewer").lab.shadow.update({ fraction: 0.5, shadowModelId: "sim-atlas-xl" })).rejects.toThrow(/operator/);
    await expect(h.as("operator").lab.shadow.update({ fraction: 1.5, shadowModelId: "sim-atlas-xl" })).rejects.toThrow(/fraction must be at most 1/);
    await expect(h.as("operator").lab.shadow.update({ fraction: 0.5, shadowModelId: null })).rejects.toThrow(/shadow model/);
    await expect(h.as("operator").lab.shadow.update({ fraction: 0.5, shadowModelId: "no-such-model" })).rejects.toThrow(/no-such-model/);
    expect(await h.as("operator").lab.shadow.update({ fraction: 0.25, shadowModelId: "sim-atlas-xl" })).toMatchObject({ fraction: 0.25, shadowModelId: "sim-atlas-xl" });
    expect(await h.as("viewer").lab.shadow.settings()).toMatchObject({ fraction: 0.25, shadowModelId: "sim-atlas-xl" });
    await h.as("operator").lab.shadow.update({ fraction: 0, shadowModelId: null });
  });
});
