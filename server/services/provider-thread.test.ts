import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelSpec, StreamPart } from "@/server/orchestrator/spec";
import { chatCompletion, chatCompletionStream, openAiError, startFakeServer, type FakeServer } from "@/server/providers/testing/openai-fake-server";
import { startProviderThread, type ProviderThread } from "./provider-thread";

const model: ModelSpec = {
  id: "far-model",
  name: "Far",
  providerId: "p1",
  providerKind: "openai-compatible",
  remoteModel: "fake-model",
  contextWindow: 8000,
  pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 1 },
  enabled: true,
};
const ask = { messages: [{ role: "user" as const, content: "across threads" }], maxOutputTokens: 20 };

let upstream: FakeServer;
let thread: ProviderThread;

beforeAll(async () => {
  upstream = await startFakeServer();
  thread = startProviderThread();
});
afterAll(async () => {
  await thread?.stop();
  await upstream?.close();
});

describe("the provider thread (a real worker thread, as server.ts starts it)", () => {
  it("makes plain and streamed calls through the AI SDK over there, with the connection's key", async () => {
    const client = thread.remoteModels.open(model, { baseUrl: upstream.baseUrl, apiKey: "sk-far" });
    upstream.enqueue(chatCompletion("42", { usage: { prompt_tokens: 9, completion_tokens: 1 } }));
    expect(await client.generate(ask)).toMatchObject({ text: "42", usage: { inputTokens: 9, outputTokens: 1 }, finishReason: "stop" });
    expect(upstream.requests.at(-1)?.headers.authorization).toBe("Bearer sk-far");

    upstream.enqueue(chatCompletionStream(["The ", "answer"]));
    const parts: StreamPart[] = [];
    for await (const part of client.stream(ask)) parts.push(part);
    expect(parts.slice(0, 2)).toEqual([{ type: "text-delta", text: "The " }, { type: "text-delta", text: "answer" }]);
    expect(parts.at(-1)).toMatchObject({ type: "finish", result: { text: "The answer" } });
  }, 20_000);

  it("brings the provider's failure back classified", async () => {
    const client = thread.remoteModels.open(model, { baseUrl: upstream.baseUrl });
    upstream.enqueue(openAiError(429, "Rate limit reached", { headers: { "retry-after": "4" } }));
    await expect(client.generate(ask)).rejects.toMatchObject({ kind: "rate-limit", status: 429, retryAfterMs: 4000 });
  });
});
