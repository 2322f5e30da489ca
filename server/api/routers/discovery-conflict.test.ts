import { describe, expect, it } from "vitest";
import { createHarness } from "../testing/harness";

describe("discovery router: one run per model", () => {
  it("answers a second start of a running model with CONFLICT and a message the form shows as is", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const { runId } = await admin.discovery.start({ modelId: "sim-swift-mini", capabilities: ["math"] });
    const refused = await admin.discovery.start({ modelId: "sim-swift-mini", capabilities: ["classification"] }).catch((error: unknown) => error);
    // a ConflictError names no field, so the model page's "Run discovery" form shows this message as is
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already in progress/) });
    for await (const update of h.services.discovery.watch(runId)) if (update.type === "finished") break;
    const again = await admin.discovery.start({ modelId: "sim-swift-mini", capabilities: ["math"] });
    for await (const update of h.services.discovery.watch(again.runId)) if (update.type === "finished") expect(update.status).toBe("complete");
  });
});
