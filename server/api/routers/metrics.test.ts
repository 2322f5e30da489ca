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
  });

  it("serves one model's view and 404s an unknown one", async () => {
    const overview = await h.as("viewer").metrics.overview({ range: "1h" });
    const model = await h.as("viewer").metrics.model({ id: overview.byModel[0]!.key, range: "1h" });
    expect(model.totals.requests).toBeGreaterThan(0);
    await expect(h.as("viewer").metrics.model({ id: "nope", range: "1h" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses anonymous callers and bad ranges", async () => {
    await expect(h.as(null).metrics.overview({ range: "1h" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // @ts-expect-error an unknown range is a bad request
    await expect(h.as("viewer").metrics.overview({ range: "2y" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
