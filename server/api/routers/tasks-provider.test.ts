import { afterEach, describe, expect, it } from "vitest";
import { chatCompletionStream, openAiError, startFakeServer, type FakeServer } from "@/server/providers/testing/openai-fake-server";
import { createHarness, waitForTask, type Harness } from "../testing/harness";

/** A roster of one real OpenAI-compatible model served by a local fake upstream. */
async function withRealProvider(server: FakeServer): Promise<Harness> {
  const h = await createHarness();
  const admin = h.as("admin");
  for (const m of await admin.models.list()) await admin.models.setEnabled({ id: m.id, enabled: false });
  const provider = await admin.providers.create({ name: "Local", kind: "openai-compatible", baseUrl: server.baseUrl, apiKey: "sk-local" });
  await admin.models.create({
    id: "local-model", name: "Local", providerId: provider.id, remoteModel: "fake-model", contextWindow: 8000,
    inputUsdPerMTok: 1, outputUsdPerMTok: 2, enabled: true,
  });
  return h;
}

const submit = (prompt: string) => ({ prompt, constraints: {}, strategy: "single" as const, policy: "balanced" as const });

describe("tasks on a real OpenAI-compatible provider", () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it("streams a completion into a completed task with tokens and cost", async () => {
    server = await startFakeServer({ handler: () => chatCompletionStream(["Bonjour", " le", " monde"], { usage: { prompt_tokens: 12, completion_tokens: 3 } }) });
    const h = await withRealProvider(server);
    const { id } = await h.as("operator").tasks.submit(submit("Say hello in French"));
    const task = await waitForTask(h, id);
    expect(task.status).toBe("completed");
    expect(task.output).toBe("Bonjour le monde");
    expect(task.inputTokens).toBe(12);
    expect(task.outputTokens).toBe(3);
    expect(task.costUsd).toBeCloseTo((12 * 1 + 3 * 2) / 1e6, 12);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-local");
  });

  it("fails the task with the provider's own message on a 500", async () => {
    server = await startFakeServer({ handler: () => openAiError(500, "The upstream model crashed (trace 42)") });
    const h = await withRealProvider(server);
    const { id } = await h.as("operator").tasks.submit(submit("Say hello"));
    const task = await waitForTask(h, id);
    expect(task.status).toBe("failed");
    expect(task.error).toContain("The upstream model crashed (trace 42)");
  }, 60_000);

  it("fails the task on a malformed body, and keeps it", async () => {
    server = await startFakeServer({ handler: () => ({ kind: "raw", body: "this is not json", contentType: "text/event-stream" }) });
    const h = await withRealProvider(server);
    const { id } = await h.as("operator").tasks.submit(submit("Say hello"));
    const task = await waitForTask(h, id);
    expect(task.status).toBe("failed");
    expect(task.error).toBeTruthy();
    expect((await h.as("viewer").tasks.list({ page: 1, pageSize: 10 })).items.map((t) => t.id)).toContain(id);
  }, 60_000);
});
