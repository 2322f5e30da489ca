import { describe, expect, it } from "vitest";
import { createHarness, waitForTask } from "../testing/harness";

const submit = (prompt: string, extra: Record<string, unknown> = {}) => ({ prompt, constraints: {}, strategy: "auto" as const, policy: "balanced" as const, ...extra });

describe("tasks router", () => {
  it("runs a task to completion with model, tokens, cost, latency and an explanation", async () => {
    const h = await createHarness();
    const { id } = await h.as("operator").tasks.submit(submit("What is 17 * 23? Answer with the number only.", { strategy: "single" }));
    const task = await waitForTask(h, id);
    expect(task.status).toBe("completed");
    expect(task.modelId).toBeTruthy();
    expect(task.output).toBeTruthy();
    expect(task.outputTokens).toBeGreaterThan(0);
    expect(task.costUsd).toBeGreaterThan(0);
    expect(task.latencyMs).toBeGreaterThanOrEqual(0);
    expect(task.requirements?.primary).toBe("math");
    expect(task.plan?.explanation.candidates.length).toBeGreaterThan(1);
    expect(task.steps.length).toBeGreaterThanOrEqual(1);
    const types = task.events.map((e) => e.type);
    expect(types[0]).toBe("task.queued");
    expect(types).toEqual(expect.arrayContaining(["task.analyzed", "chain.planned", "step.started", "step.completed", "task.completed"]));
  });

  it("streams output deltas to a watcher", async () => {
    const h = await createHarness();
    const { id } = await h.as("operator").tasks.submit(submit("Write a short poem about the sea.", { strategy: "single" }));
    let deltas = "";
    for await (const published of h.services.tasks.watch(id, 0)) {
      if (published.event.type === "output.delta") deltas += published.event.text;
      if (published.event.type === "task.completed" || published.event.type === "task.failed") break;
    }
    const task = h.services.tasks.get(id);
    expect(deltas.length).toBeGreaterThan(0);
    expect(task.steps.at(-1)?.output).toBe(deltas.length ? task.steps.at(-1)?.output : "");
  });

  it("lists with pagination, search and filters", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await operator.tasks.submit(submit(`Translate "good morning number ${i}" into French`, { strategy: "single" }))).id);
    ids.push((await operator.tasks.submit(submit("What is the capital of Japan?", { strategy: "single" }))).id);
    for (const id of ids) await waitForTask(h, id);
    const viewer = h.as("viewer");
    const page1 = await viewer.tasks.list({ page: 1, pageSize: 4 });
    expect(page1.total).toBe(6);
    expect(page1.items).toHaveLength(4);
    expect(page1.pages).toBe(2);
    expect((await viewer.tasks.list({ page: 2, pageSize: 4 })).items).toHaveLength(2);
    const search = await viewer.tasks.list({ page: 1, pageSize: 20, search: "capital of Japan" });
    expect(search.items.map((t) => t.id)).toEqual([ids[5]]);
    const completed = await viewer.tasks.list({ page: 1, pageSize: 20, status: "completed" });
    expect(completed.total).toBe(6);
    const byModel = await viewer.tasks.list({ page: 1, pageSize: 20, modelId: completed.items[0]!.modelId! });
    expect(byModel.items.every((t) => t.modelId === completed.items[0]!.modelId)).toBe(true);
    expect((await viewer.tasks.list({ page: 1, pageSize: 20, from: Date.now() + 60_000 })).total).toBe(0);
  });

  it("counts tasks per status, finished ones from the rollups, equal to a count of the rows", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await operator.tasks.submit(submit(`What is ${i} + 2?`, { strategy: "single" }))).id);
    for (const id of ids) await waitForTask(h, id);
    const { id: cancelled } = await operator.tasks.submit(submit("Write a long essay about rivers.", { strategy: "single" }));
    await operator.tasks.cancel({ id: cancelled });
    await waitForTask(h, cancelled);
    const counts = await h.as("viewer").tasks.counts();
    const rows = h.services.db.$client.prepare("select status, count(*) as n from tasks group by status").all() as Array<{ status: string; n: number }>;
    const expected = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0, ...Object.fromEntries(rows.map((r) => [r.status, r.n])) };
    expect(counts).toEqual(expected);
    expect(counts.completed + counts.failed).toBe(4);
    expect(counts.cancelled).toBe(1);
  });

  it("rejects empty and oversized prompts and unknown strategies with the field named", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    await expect(operator.tasks.submit(submit("   "))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^prompt: is empty/) });
    await expect(operator.tasks.submit(submit("x".repeat(1_000_000)))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/prompt: must be at most 100,000 characters/) });
    await expect(operator.tasks.submit(submit("hi", { strategy: "telepathy" }))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/strategy: must be one of/) });
    await expect(operator.tasks.submit(submit("hi", { constraints: { maxCostUsd: -1 } }))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/constraints.maxCostUsd/) });
  });

  it("fails a task whose provider errors, with the provider's message, and keeps it", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const provider = await admin.providers.create({ name: "Down", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1" });
    for (const m of await admin.models.list()) await admin.models.setEnabled({ id: m.id, enabled: false });
    await admin.models.create({ id: "down-model", name: "Down", providerId: provider.id, remoteModel: "m", contextWindow: 8000, inputUsdPerMTok: 1, outputUsdPerMTok: 1, enabled: true });
    const { id } = await h.as("operator").tasks.submit(submit("Say hello", { strategy: "single" }));
    const task = await waitForTask(h, id);
    expect(task.status).toBe("failed");
    expect(task.error).toBeTruthy();
    expect(task.steps[0]?.status).toBe("failed");
  });

  it("reports constraints nothing can meet, naming the constraint", async () => {
    const h = await createHarness();
    const { id } = await h.as("operator").tasks.submit(submit("Summarise this text please", { constraints: { maxCostUsd: 0.000000001 } }));
    const task = await waitForTask(h, id);
    expect(task.status).toBe("failed");
    expect(task.error).toMatch(/within \$0\.000000001/);
  });
});
