import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelSpec, ProviderKind } from "@/server/orchestrator/spec";
import { createModelClient, testConnection } from "./index";
import { chatCompletion, openAiError, startFakeServer, type FakeServer } from "./testing/openai-fake-server";

function spec(providerKind: ProviderKind): ModelSpec {
  return {
    id: `m-${providerKind}`,
    name: "M",
    providerId: "p",
    providerKind,
    remoteModel: "fake-model",
    contextWindow: 8000,
    pricing: { inputUsdPerMTok: 0, outputUsdPerMTok: 0 },
    enabled: true,
    simulated:
      providerKind === "simulated"
        ? { seed: 1, skills: {}, latency: { ttftMs: 10, tokensPerSec: 1000, jitter: 0 }, faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 } }
        : undefined,
  };
}

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});

describe("createModelClient", () => {
  it("builds a simulated client that needs no connection", async () => {
    const client = createModelClient(spec("simulated"), {}, { sleep: async () => {} });
    const result = await client.generate({ messages: [{ role: "user", content: "hello" }] });
    expect(result.simulatedTruth).toBeDefined();
  });

  it("builds an AI SDK client for network providers", async () => {
    server.enqueue(chatCompletion("pong"));
    const client = createModelClient(spec("openai-compatible"), { baseUrl: server.baseUrl });
    expect((await client.generate({ messages: [{ role: "user", content: "ping" }] })).text).toBe("pong");
    expect(client.modelId).toBe("m-openai-compatible");
  });
});

describe("testConnection", () => {
  it("reports success with the latency and the reply", async () => {
    server.enqueue(chatCompletion("ok"));
    const result = await testConnection(spec("openai-compatible"), { baseUrl: server.baseUrl });
    expect(result).toMatchObject({ ok: true, text: "ok" });
    expect(result.ok && result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("marks a reply cut at the probe's token cap as cut", async () => {
    server.enqueue(chatCompletion("Sure! Here is a long answer that meets the re", { finishReason: "length" }));
    const result = await testConnection(spec("openai-compatible"), { baseUrl: server.baseUrl });
    expect(result).toMatchObject({ ok: true, text: "Sure! Here is a long answer that meets the re…" });
  });

  it("returns the provider's own error text verbatim", async () => {
    server.enqueue(openAiError(404, "The model `fake-model` does not exist or you do not have access to it.", { type: "invalid_request_error", code: "model_not_found" }));
    const result = await testConnection(spec("openai-compatible"), { baseUrl: server.baseUrl });
    expect(result).toMatchObject({ ok: false, kind: "bad-request" });
    expect(!result.ok && result.error).toContain("The model `fake-model` does not exist or you do not have access to it.");
  });

  it("reports a refused connection, and a missing base URL, without throwing", async () => {
    const closed = await startFakeServer();
    await closed.close();
    const refused = await testConnection(spec("openai-compatible"), { baseUrl: closed.baseUrl });
    expect(refused).toMatchObject({ ok: false, kind: "network", error: expect.stringMatching(/ECONNREFUSED/) });
    // fetch (under the AI SDK) refuses some ports outright (9 is one): still network, with fetch's reason
    const blocked = await testConnection(spec("openai-compatible"), { baseUrl: "http://127.0.0.1:9/v1" });
    expect(blocked).toMatchObject({ ok: false, kind: "network", error: expect.stringMatching(/bad port/) });
    expect(await testConnection(spec("openai-compatible"), {})).toMatchObject({ ok: false, kind: "bad-request" });
  });

  it("gives up after its timeout", async () => {
    server.enqueue({ kind: "hang" });
    const result = await testConnection(spec("openai-compatible"), { baseUrl: server.baseUrl }, { timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, kind: "timeout" });
  });

  it("works for simulated models", async () => {
    expect(await testConnection(spec("simulated"), {}, { sleep: async () => {} })).toMatchObject({ ok: true });
  });
});
