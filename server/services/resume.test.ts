import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { tempDirs } from "@/db/testing/temp-dirs";
import type { TaskEvent } from "@/server/orchestrator/spec";
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

/** Runs until `until` sees its event, then freezes every model call: the process is as good as dead. */
async function crashWhen(file: string, input: Parameters<Services["tasks"]["submit"]>[0], until: (event: TaskEvent) => boolean) {
  let frozen = false;
  const a = await servicesOn(file, (_ms, signal) => (frozen ? new Promise<void>(() => void signal) : Promise.resolve()));
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
