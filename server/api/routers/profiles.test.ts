import { describe, expect, it } from "vitest";
import { createHarness, waitForTask } from "../testing/harness";

describe("profiles router", () => {
  it("keeps a manual score apart from the posterior, with who and when, and resets to discovered", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const before = (await admin.models.get({ id: "sim-swift-mini" })).capabilities.math;
    await admin.profiles.setManual({ modelId: "sim-swift-mini", capability: "math", score: 0.99 });
    const manual = (await admin.models.get({ id: "sim-swift-mini" })).capabilities.math;
    expect(manual.manualScore).toBe(0.99);
    expect(manual.manualBy).toBe("admin@test.local");
    expect(manual.mean).toBeCloseTo(before.mean);
    const routed = h.services.roster.spec("sim-swift-mini").capabilities.math;
    expect(routed).toMatchObject({ mean: 0.99, source: "manual" });

    await admin.profiles.resetToDiscovered({ modelId: "sim-swift-mini", capability: "math" });
    expect((await admin.models.get({ id: "sim-swift-mini" })).capabilities.math.manualScore).toBeNull();
    const history = await admin.profiles.history({ modelId: "sim-swift-mini" });
    expect(history.some((p) => p.capability === "math" && p.source === "manual" && p.mean === 0.99)).toBe(true);
  });

  it("refuses overrides from operators and scores outside 0..1", async () => {
    const h = await createHarness();
    await expect(h.as("operator").profiles.setManual({ modelId: "sim-swift-mini", capability: "math", score: 0.5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as("admin").profiles.setManual({ modelId: "sim-swift-mini", capability: "math", score: 1.5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/score: must be at most 1/),
    });
  });

  it("learns from operator feedback on a finished task", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    const { id } = await operator.tasks.submit({ prompt: "Write a limerick about a cat.", constraints: {}, strategy: "single", policy: "balanced" });
    const task = await waitForTask(h, id);
    const modelId = task.modelId!;
    const primary = task.requirements!.primary;
    const before = (await operator.models.get({ id: modelId })).capabilities[primary];
    await operator.profiles.feedback({ taskId: id, rating: "down" });
    const after = (await operator.models.get({ id: modelId })).capabilities[primary];
    expect(after.mean).toBeLessThan(before.mean);
    expect(after.source).toBe("learned");
    // changing one's mind does not count twice
    await operator.profiles.feedback({ taskId: id, rating: "down" });
    expect((await operator.models.get({ id: modelId })).capabilities[primary].mean).toBeCloseTo(after.mean);
    expect(await operator.profiles.feedbackOf({ taskId: id })).toHaveLength(1);
  });

  it("learns from validator and vote signals when a task finishes", async () => {
    const h = await createHarness();
    const { id } = await h.as("operator").tasks.submit({ prompt: "What is 12 * 12? Answer with the number only.", constraints: {}, strategy: "vote", policy: "balanced" });
    const task = await waitForTask(h, id);
    expect(task.status).toBe("completed");
    const voters = new Set(task.steps.filter((s) => s.role === "voter").map((s) => s.modelId));
    const learned = (await h.as("viewer").models.list()).filter((m) => voters.has(m.id) && m.capabilities.math.source === "learned");
    expect(learned.length).toBeGreaterThan(0);
  });
});
