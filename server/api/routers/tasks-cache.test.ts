import { describe, expect, it } from "vitest";
import { createHarness, waitForTask } from "../testing/harness";

const submit = (prompt: string, extra: Record<string, unknown> = {}) => ({ prompt, constraints: {}, strategy: "single" as const, policy: "balanced" as const, ...extra });

describe("result cache through tasks.submit", () => {
  it("answers a repeated request from the cache at no cost, marked cached with the original task", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    const first = await waitForTask(h, (await operator.tasks.submit(submit("What is the capital of France?"))).id);
    expect(first.status).toBe("completed");
    expect(first.cacheHit).toBe(false);
    expect(first.costUsd).toBeGreaterThan(0);

    // the same request, re-spaced: spaces, tabs and blank lines do not change the key (line breaks do: see result-cache.test.ts)
    const second = await waitForTask(h, (await operator.tasks.submit(submit("\n  What is  the capital\tof France? \n\n"))).id);
    expect(second.status).toBe("completed");
    expect(second.cacheHit).toBe(true);
    expect(second.cachedFromTaskId).toBe(first.id);
    expect(second.output).toBe(first.output);
    expect(second.modelId).toBe(first.modelId);
    expect(second.costUsd).toBe(0);
    expect(second.steps).toHaveLength(0);
    const completed = second.events.find((e) => e.type === "task.completed")?.payload;
    expect(completed).toMatchObject({ type: "task.completed", cached: true, cachedFromTaskId: first.id });
    // the list says which rows were served from the cache, so their $0 and 0 ms are not mistaken for a free, instant model
    const listed = (await h.as("viewer").tasks.list({ page: 1, pageSize: 10 })).items;
    expect(Object.fromEntries(listed.map((t) => [t.id, t.cacheHit]))).toEqual({ [first.id]: false, [second.id]: true });

    expect(await h.as("viewer").tasks.cacheStats({})).toEqual({ hits: 1, misses: 1, entries: 1 });
  });

  it("skips the cache for a task that opts out, and does not store its answer", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    const optOut = await waitForTask(h, (await operator.tasks.submit(submit("Name three primary colours.", { cache: false }))).id);
    expect(optOut.status).toBe("completed");
    expect(optOut.cacheHit).toBeNull();
    const next = await waitForTask(h, (await operator.tasks.submit(submit("Name three primary colours."))).id);
    expect(next.cacheHit).toBe(false); // nothing was stored by the opted-out task
    expect(next.steps.length).toBeGreaterThan(0);
    const again = await waitForTask(h, (await operator.tasks.submit(submit("Name three primary colours.", { cache: false }))).id);
    expect(again.cacheHit).toBeNull();
    expect(again.steps.length).toBeGreaterThan(0);
    expect(await h.as("viewer").tasks.cacheStats({})).toEqual({ hits: 0, misses: 1, entries: 1 });
  });

  it("keys on the strategy: another strategy for the same prompt is a miss", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    await waitForTask(h, (await operator.tasks.submit(submit("Translate 'thank you' into German."))).id);
    const other = await waitForTask(h, (await operator.tasks.submit(submit("Translate 'thank you' into German.", { strategy: "fallback" }))).id);
    expect(other.cacheHit).toBe(false);
  });

  it("never caches a failed task", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    const input = submit("Summarise this text please", { strategy: "auto", constraints: { maxCostUsd: 0.000000001 } });
    const failed = await waitForTask(h, (await operator.tasks.submit(input)).id);
    expect(failed.status).toBe("failed");
    const again = await waitForTask(h, (await operator.tasks.submit(input)).id);
    expect(again.status).toBe("failed");
    expect(again.cacheHit).toBe(false);
    expect((await h.as("viewer").tasks.cacheStats({})).entries).toBe(0);
  });

  it("refuses a non-boolean cache flag, naming the field", async () => {
    const h = await createHarness();
    await expect(h.as("operator").tasks.submit({ ...submit("hello"), cache: "no" as unknown as boolean })).rejects.toThrow(/cache/);
  });
});
