import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { bootstrap, createServices } from "./app";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

describe("result cache and the roster", () => {
  it("does not serve a cached answer once its model is disabled: the next task is routed again", async () => {
    const services = createServices(createDb(":memory:"), { sleep: () => Promise.resolve() });
    await bootstrap(services, () => undefined);
    const input = { prompt: "What is the capital of France?", strategy: "single", policy: "quality", constraints: {}, cache: true } as const;

    const first = await services.tasks.runToCompletion(input, { source: "cli" });
    expect(first.status).toBe("completed");
    const author = first.modelId as string;
    const again = await services.tasks.runToCompletion(input, { source: "cli" });
    expect(again.cachedFromTaskId).toBe(first.id);

    services.roster.setEnabled(author, false);
    const after = await services.tasks.runToCompletion(input, { source: "cli" });
    expect(after.cachedFromTaskId ?? null).toBeNull();
    expect(after.modelId).not.toBe(author);
  });
});
