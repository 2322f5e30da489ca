import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { tempDirs } from "@/db/testing/temp-dirs";
import { ProviderError } from "@/server/orchestrator/errors";
import type { ChainStep, ModelChain, TaskEvent } from "@/server/orchestrator/spec";
import { bootstrap, createServices, type Services } from "./app";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

/**
 * A crash, in one test process: services A run a task on a file database until a chosen step is in flight, then
 * stop making progress (their model calls hang), as a killed process would; services B open the same file and
 * recover. A's writes are committed (group commit flushes every turn), B sees exactly what a restart would.
 */
const tempDir = tempDirs();

function tempDb(): string {
  return path.join(tempDir("ensemble-resume-"), "ensemble.db");
}

const turns = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

async function servicesOn(file: string, sleep: (ms: number, signal?: AbortSignal) => Promise<void>): Promise<Services> {
  const services = createServices(createDb(file), { sleep });
  await bootstrap(services, () => undefined);
  return services;
}

/**
 * Runs until `until` sees its event, then freezes every model call: the process is as good as dead. `prepare`
 * sets the first process up before the task is submitted.
 */
async function crashWhen(
  file: string,
  input: Parameters<Services["tasks"]["submit"]>[0],
  until: (event: TaskEvent) => boolean,
  prepare: (services: Services) => Promise<void> = async () => undefined,
) {
  let frozen = false;
  const a = await servicesOn(file, (_ms, signal) => (frozen ? new Promise<void>(() => void signal) : Promise.resolve()));
  await prepare(a);
  let reached!: () => void;
  const atCrash = new Promise<void>((resolve) => (reached = resolve));
  a.bus.subscribe("*", ({ event }) => {
    if (!frozen && until(event)) {
      frozen = true;
      reached();
    }
  });
  const { id } = a.tasks.submit(input, { source: "cli" });
  await atCrash;
  await turns();
  return id;
}

async function untilTerminal(services: Services, id: string) {
  for await (const { event } of services.tasks.watch(id, 0)) if (event.type === "task.completed" || event.type === "task.failed") break;
  return services.tasks.get(id);
}

const pipelineTask = { prompt: "Write a short paragraph about lighthouses.", constraints: {}, strategy: "pipeline" as const, policy: "balanced" as const, cache: false };

describe("resume after a crash", () => {
  it("continues from the last committed step: completed steps are neither re-run nor re-billed", async () => {
    const file = tempDb();
    const id = await crashWhen(file, pipelineTask, (e) => e.type === "step.started" && e.stepIndex === 1);

    const b = await servicesOn(file, () => Promise.resolve());
    const before = b.tasks.get(id);
    expect(before.status).toBe("running");
    expect(before.steps.map((s) => [s.stepIndex, s.status])).toEqual([
      [0, "completed"],
      [1, "running"],
    ]);
    const draft = before.steps[0]!;

    const recovered = b.tasks.recover();
    expect(recovered.resumed).toEqual([id]);
    expect(recovered.interrupted).toEqual([]);
    const task = await untilTerminal(b, id);

    expect(task.status).toBe("completed");
    const events = task.events.map((e) => e.payload);
    const started = (i: number) => events.filter((e) => e.type === "step.started" && e.stepIndex === i).length;
    const completed = (i: number) => events.filter((e) => e.type === "step.completed" && e.stepIndex === i).length;
    // step 0 ran once, in the first process; step 1 was cut short, closed as interrupted and run again
    expect(started(0)).toBe(1);
    expect(completed(0)).toBe(1);
    expect(started(1)).toBe(2);
    expect(events.some((e) => e.type === "step.failed" && e.stepIndex === 1 && e.error.startsWith("interrupted"))).toBe(true);
    expect(completed(1)).toBe(1);
    // the replayed draft is the recorded one, untouched
    const step0 = task.steps.find((s) => s.stepIndex === 0)!;
    expect(step0.output).toBe(draft.output);
    expect(step0.costUsd).toBe(draft.costUsd);
    // billed exactly what the committed steps cost, and one terminal event
    const sum = task.steps.filter((s) => s.status === "completed").reduce((acc, s) => acc + s.costUsd, 0);
    expect(task.costUsd).toBeCloseTo(sum, 12);
    expect(task.steps.every((s) => s.status === "completed")).toBe(true);
    expect(events.filter((e) => e.type === "task.completed" || e.type === "task.failed")).toHaveLength(1);
  });

  it("ends a task whose plan cannot run any more (its model was disabled) failed: interrupted", async () => {
    const file = tempDb();
    const id = await crashWhen(file, { ...pipelineTask, strategy: "single" }, (e) => e.type === "step.started");
    const b = await servicesOn(file, () => Promise.resolve());
    const modelId = b.tasks.get(id).steps[0]!.modelId;
    b.roster.setEnabled(modelId, false);

    expect(b.tasks.recover()).toMatchObject({ resumed: [], interrupted: [id] });
    await turns();
    const task = b.tasks.get(id);
    expect(task.status).toBe("failed");
    expect(task.error).toBe("interrupted");
    expect(task.steps[0]?.status).toBe("failed");
    const failed = task.events.map((e) => e.payload).find((e) => e.type === "task.failed");
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining(`interrupted: the plan's model ${modelId}`) });
  });

  it("lets an operator cancel a task waiting to resume", async () => {
    const file = tempDb();
    const id = await crashWhen(file, pipelineTask, (e) => e.type === "step.started" && e.stepIndex === 1);
    const b = await servicesOn(file, () => Promise.resolve());
    b.tasks.recover();
    expect(b.tasks.cancel(id)).toEqual({ status: "cancelled" });
    await b.queue.idle();
    const task = b.tasks.get(id);
    expect(task.status).toBe("cancelled");
    expect(task.events.filter((e) => e.type === "step.started")).toHaveLength(2); // nothing ran after the cancel
  });
});

/**
 * A model refused by its open breaker, then a crash: after the restart the breakers are closed again, yet the
 * resumed task must take the path on record — the refused model stays refused, nothing shifts to another index.
 */
function chainOf(strategy: ModelChain["strategy"], steps: ChainStep[]): ModelChain {
  return { strategy, steps, explanation: { policy: "balanced", summary: "fixed for the test", candidates: [] } };
}

/**
 * Plans `chain` with its first model's breaker open (tripped after planning, as when it opens under another
 * task), runs until `until` sees its event, then freezes: the process is as good as dead.
 */
async function refuseThenCrash(file: string, chain: ModelChain, until: (event: TaskEvent) => boolean): Promise<string> {
  const input = { prompt: "What is 17 * 23?", constraints: {}, strategy: chain.strategy, policy: "balanced" as const, cache: false };
  return crashWhen(file, input, until, async (a) => {
    const refused = a.breakers.guard(chain.steps[0]!.modelId);
    while (refused.snapshot().state !== "open") await refused.execute(() => Promise.reject(new ProviderError("server", "down", 500))).catch(() => undefined);
    a.routing.plan = () => chain;
  });
}

async function recoverAndFinish(file: string, id: string) {
  const b = await servicesOn(file, () => Promise.resolve());
  expect(b.tasks.recover()).toMatchObject({ resumed: [id], interrupted: [] });
  for await (const { event } of b.tasks.watch(id, 0)) if (event.type === "task.completed" || event.type === "task.failed") break;
  return b.tasks.get(id);
}

const startedModels = (events: readonly TaskEvent[]) => events.flatMap((e) => (e.type === "step.started" ? [`${e.stepIndex}:${e.modelId}`] : []));

describe("resume after a crash, with a model its breaker refused", () => {
  it("single: the refused model stays refused and the fallback that was running answers", async () => {
    const file = tempDb();
    const chain = chainOf("single", [
      { role: "answer", modelId: "sim-euclid-math" },
      { role: "fallback", modelId: "sim-atlas-xl" },
    ]);
    const id = await refuseThenCrash(file, chain, (e) => e.type === "step.started" && e.modelId === "sim-atlas-xl");

    const task = await recoverAndFinish(file, id);
    const events = task.events.map((e) => e.payload);
    expect(task.status).toBe("completed");
    expect(task.modelId).toBe("sim-atlas-xl");
    expect(startedModels(events)).toEqual(["1:sim-atlas-xl", "1:sim-atlas-xl"]);
    expect(task.steps.map((s) => [s.stepIndex, s.modelId, s.status])).toEqual([[1, "sim-atlas-xl", "completed"]]);
    // the refusal is on record once, from the first process, under the index it took
    expect(events.filter((e) => e.type === "step.refused")).toEqual([
      expect.objectContaining({ stepIndex: 0, modelId: "sim-euclid-math", error: expect.stringContaining("circuit breaker open") }),
    ]);
    expect(task.costUsd).toBeCloseTo(task.steps[0]!.costUsd, 12);
  });

  it("cascade: the refused cheap tier is neither called nor billed, and the verifier keeps its own index", async () => {
    const file = tempDb();
    const chain = chainOf("cascade", [
      { role: "answer", modelId: "sim-swift-mini" },
      { role: "answer", modelId: "sim-forge-coder" },
      { role: "verifier", modelId: "sim-atlas-xl" },
    ]);
    const id = await refuseThenCrash(file, chain, (e) => e.type === "step.started" && e.modelId === "sim-atlas-xl");

    const task = await recoverAndFinish(file, id);
    const events = task.events.map((e) => e.payload);
    expect(task.error).toBeNull();
    expect(task.status).toBe("completed");
    const started = startedModels(events);
    expect(started.slice(0, 3)).toEqual(["1:sim-forge-coder", "2:sim-atlas-xl", "2:sim-atlas-xl"]);
    expect(started.some((s) => s.endsWith(":sim-swift-mini"))).toBe(false);
    expect(task.steps.some((s) => s.modelId === "sim-swift-mini")).toBe(false);
    expect(events.filter((e) => e.type === "step.refused").map((e) => e.type === "step.refused" && [e.stepIndex, e.modelId])).toEqual([[0, "sim-swift-mini"]]);
    const billed = task.steps.filter((s) => s.status === "completed").reduce((sum, s) => sum + s.costUsd, 0);
    expect(task.costUsd).toBeCloseTo(billed, 12);
  });
});
