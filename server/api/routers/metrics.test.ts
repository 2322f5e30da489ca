import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, waitForTask, type Harness } from "../testing/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  const { id } = await h.as("operator").tasks.submit({ prompt: "What is 2 + 2? Answer with the number only.", strategy: "single", policy: "balanced", constraints: {} });
  await waitForTask(h, id);
});

describe("metrics router", () => {
  it("lets a viewer read the overview with the finished task in it", async () => {
    const overview = await h.as("viewer").metrics.overview({ range: "15m" });
    expect(overview.window.buckets).toBe(15);
    expect(overview.kpis.tasks).toBe(1);
    expect(overview.byModel.length).toBeGreaterThan(0);
    expect(overview.roster.length).toBeGreaterThan(0);
    // the recorder's rollups carry the task: its strategy, its calls and its finish in the last bucket
    expect(overview.strategies).toEqual([expect.objectContaining({ strategy: "single", tasks: 1, completed: 1 })]);
    expect(overview.totals.completed + overview.totals.failed).toBe(1);
    expect(overview.buckets.at(-1)!.tasks + overview.buckets.at(-2)!.tasks).toBe(1);
    expect(overview.byModel.reduce((n, m) => n + m.requests, 0)).toBe(overview.byCapability.reduce((n, c) => n + c.requests, 0));
    expect(overview.breakers.closed).toBeGreaterThan(0);
  });

  it("serves one model's view and 404s an unknown one", async () => {
    const overview = await h.as("viewer").metrics.overview({ range: "1h" });
    const model = await h.as("viewer").metrics.model({ id: overview.byModel[0]!.key, range: "1h" });
    expect(model.totals.requests).toBeGreaterThan(0);
    expect(model.histogram.reduce((n, b) => n + b.count, 0)).toBeLessThanOrEqual(model.totals.requests);
    expect(Array.isArray(model.profileHistory)).toBe(true);
    await expect(h.as("viewer").metrics.model({ id: "nope", range: "1h" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses anonymous callers and bad ranges", async () => {
    await expect(h.as(null).metrics.overview({ range: "1h" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // @ts-expect-error an unknown range is a bad request
    await expect(h.as("viewer").metrics.overview({ range: "2y" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
