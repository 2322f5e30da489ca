import { afterEach, describe, expect, it } from "vitest";
import { createHarness, waitForTask } from "../testing/harness";

const submit = (prompt: string) => ({ prompt, constraints: {}, strategy: "single" as const, policy: "balanced" as const });

describe("durable queue through tasks.*", () => {
  const saved = process.env.ENSEMBLE_WORKERS;
  afterEach(() => {
    if (saved === undefined) delete process.env.ENSEMBLE_WORKERS;
    else process.env.ENSEMBLE_WORKERS = saved;
  });

  it("accepts tasks as queued rows and runs them ENSEMBLE_WORKERS at a time", async () => {
    process.env.ENSEMBLE_WORKERS = "1";
    const h = await createHarness();
    const operator = h.as("operator");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await operator.tasks.submit(submit(`What is ${i} + ${i}?`))).id);
    const viewer = h.as("viewer");
    expect(await viewer.tasks.queue()).toEqual({ depth: 3, active: 0, workers: 1 });
    // one worker: the first task is taken, the others wait their turn in the database
    await new Promise((r) => setImmediate(r));
    expect((await viewer.tasks.queue()).depth).toBe(2);
    const done = [];
    for (const id of ids) done.push(await waitForTask(h, id));
    expect(done.map((t) => t.status)).toEqual(["completed", "completed", "completed"]);
    // oldest first: each started after the previous one ended
    for (let i = 1; i < done.length; i++) expect(done[i]!.startedAt!).toBeGreaterThanOrEqual(done[i - 1]!.completedAt!);
    expect(await viewer.tasks.queue()).toEqual({ depth: 0, active: 0, workers: 1 });
  });

  it("cancels a queued task before any work is done on it", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    const { id } = await operator.tasks.submit(submit("Describe the moon in one sentence."));
    expect(await operator.tasks.cancel({ id })).toEqual({ status: "cancelled" });
    await h.services.queue.idle();
    const task = await h.as("viewer").tasks.get({ id });
    expect(task.status).toBe("cancelled");
    expect(task.events.map((e) => e.type)).toEqual(["task.queued", "task.failed"]);
    expect(await operator.tasks.cancel({ id })).toEqual({ status: "cancelled" }); // a second cancel changes nothing
  });
});
