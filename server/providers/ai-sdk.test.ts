import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { MessageChannel } from "node:worker_threads";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "@/server/orchestrator/errors";
import type { GenerateRequest, ModelClient, ModelSpec, ProviderKind, StreamPart } from "@/server/orchestrator/spec";
import { createAiSdkClient } from "./ai-sdk";
import { serveProviderCalls } from "./remote/call-host";
import { createRemoteModelClients } from "./remote/remote-client";
import {
  anthropicError,
  anthropicMessage,
  anthropicMessageStream,
  chatCompletion,
  chatCompletionStream,
  openAiError,
  startFakeServer,
  type FakeServer,
} from "./testing/openai-fake-server";

function spec(providerKind: ProviderKind, remoteModel = "fake-model"): ModelSpec {
  return {
    id: `test-${providerKind}`,
    name: "Test",
    providerId: "p1",
    providerKind,
    remoteModel,
    contextWindow: 8000,
    pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 1 },
    enabled: true,
  };
}

const ask: GenerateRequest = {
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "What is 6 * 7?" },
  ],
  maxOutputTokens: 50,
};

async function collect(client: ModelClient, request: GenerateRequest = ask): Promise<{ parts: StreamPart[]; error?: unknown }> {
  const parts: StreamPart[] = [];
  try {
    for await (const part of client.stream(request)) parts.push(part);
    return { parts };
  } catch (error) {
    return { parts, error };
  }
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

// the production server makes provider calls on its I/O thread: the same client, reached over a message port
// (here both ends on one thread; the messages are cloned all the same)
const providerThread = new MessageChannel();
serveProviderCalls(providerThread.port2);
const remote = createRemoteModelClients(providerThread.port1);
afterAll(() => providerThread.port1.close());

// the openai-compatible contract, as a table so another client for that kind must pass the same suite
const openAiCompatibleClients: Array<[string, typeof createAiSdkClient]> = [
  ["AI SDK client", createAiSdkClient],
  ["AI SDK client across the provider thread's port", (model, connection) => remote.open(model, connection)],
];

describe.each(openAiCompatibleClients)("%s, openai-compatible against a local chat-completions server", (_name, create) => {
  const client = () => create(spec("openai-compatible"), { baseUrl: server.baseUrl, apiKey: "sk-test" });

  it("completes a plain call with the provider's usage and the request as sent", async () => {
    server.enqueue(chatCompletion("42", { usage: { prompt_tokens: 17, completion_tokens: 1 } }));
    const result = await client().generate(ask);
    expect(result).toMatchObject({ text: "42", usage: { inputTokens: 17, outputTokens: 1 }, finishReason: "stop" });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.firstTokenMs).toBeUndefined();
    const sent = server.requests[0];
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe("Bearer sk-test");
    expect(sent?.body).toMatchObject({ model: "fake-model", max_tokens: 50, messages: [{ role: "system" }, { role: "user", content: "What is 6 * 7?" }] });
  });

  it("forwards the caller's sampling settings: temperature, top_p, stop", async () => {
    server.enqueue(chatCompletion("ok"));
    await client().generate({ ...ask, temperature: 0.3, topP: 0.9, stop: ["\n\n"] });
    expect(server.requests[0]?.body).toMatchObject({ temperature: 0.3, top_p: 0.9, stop: ["\n\n"], max_tokens: 50 });
  });

  it("streams deltas, then one finish part with usage, latency and time to first token", async () => {
    server.enqueue(chatCompletionStream(["The ", "answer ", "is 42."], { usage: { prompt_tokens: 12, completion_tokens: 5 }, delayMsBetweenEvents: 5 }));
    const { parts, error } = await collect(client());
    expect(error).toBeUndefined();
    expect(parts.filter((p) => p.type === "text-delta").map((p) => p.text)).toEqual(["The ", "answer ", "is 42."]);
    const finish = parts.at(-1);
    expect(finish?.type).toBe("finish");
    if (finish?.type !== "finish") return;
    expect(finish.result).toMatchObject({ text: "The answer is 42.", usage: { inputTokens: 12, outputTokens: 5 }, finishReason: "stop" });
    expect(finish.result.firstTokenMs).toBeGreaterThan(0);
    expect(finish.result.latencyMs).toBeGreaterThanOrEqual(finish.result.firstTokenMs ?? 0);
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("maps a 500 with an OpenAI error body to kind server, carrying the provider's message verbatim", async () => {
    server.enqueue(openAiError(500, "The server had an error while processing your request. Sorry about that!"));
    const error = await failure(client().generate(ask));
    expect(error.kind).toBe("server");
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("The server had an error while processing your request. Sorry about that!");
  });

  it("maps the same 500 on a stream to kind server", async () => {
    server.enqueue(openAiError(503, "Model is overloaded, try later"));
    const { parts, error } = await collect(client());
    expect(parts).toEqual([]);
    expect(error).toMatchObject({ kind: "server", status: 503, message: expect.stringContaining("Model is overloaded, try later") });
  });

  it("maps an error event sent mid-stream to its kind with the provider's message, after the deltas before it", async () => {
    const stream = chatCompletionStream(["Hel", "lo"], { cutAfter: 1 });
    if (stream.kind !== "sse") throw new Error("expected an event stream");
    server.enqueue({ ...stream, events: [...stream.events, { error: { message: "Rate limit reached mid-stream", type: "rate_limit_error" } }] });
    const { parts, error } = await collect(client());
    expect(parts).toEqual([{ type: "text-delta", text: "Hel" }]);
    expect(error).toMatchObject({ kind: "rate-limit", message: "Rate limit reached mid-stream" });
  });

  it("sends no stop field for an empty stop list", async () => {
    server.enqueue(chatCompletion("ok"));
    await client().generate({ ...ask, stop: [] });
    expect(server.requests[0]?.body).not.toHaveProperty("stop");
  });

  it("maps a 200 with a malformed body to kind bad-response", async () => {
    server.enqueue({ kind: "raw", body: "{ this is not json" });
    expect((await failure(client().generate(ask))).kind).toBe("bad-response");
    server.enqueue({ kind: "json", body: { unexpected: "shape" } });
    expect((await failure(client().generate(ask))).kind).toBe("bad-response");
  });

  it("maps a 429 to kind rate-limit with Retry-After in milliseconds", async () => {
    server.enqueue(openAiError(429, "Rate limit reached for requests", { type: "requests", headers: { "retry-after": "7" } }));
    const error = await failure(client().generate(ask));
    expect(error).toMatchObject({ kind: "rate-limit", status: 429, retryAfterMs: 7000 });
    expect(error.message).toContain("Rate limit reached for requests");
  });

  it("maps 401 to auth and other 4xx to bad-request, keeping non-OpenAI error bodies verbatim", async () => {
    server.enqueue(openAiError(401, "Incorrect API key provided: sk-test", { type: "invalid_request_error", code: "invalid_api_key" }));
    expect(await failure(client().generate(ask))).toMatchObject({ kind: "auth", status: 401, message: expect.stringContaining("Incorrect API key provided") });
    // Ollama answers an unknown model with {"error": "..."}, which is not the OpenAI shape
    server.enqueue({ kind: "json", status: 404, body: { error: "model 'llama9' not found, try pulling it first" } });
    expect(await failure(client().generate(ask))).toMatchObject({ kind: "bad-request", status: 404, message: expect.stringContaining("model 'llama9' not found") });
  });

  it("reports a stream that stops before its finish reason as cut-stream, after the deltas that did arrive", async () => {
    server.enqueue(chatCompletionStream(["Once ", "upon ", "a time"], { cutAfter: 2 }));
    const closed = await collect(client());
    expect(closed.parts).toEqual([
      { type: "text-delta", text: "Once " },
      { type: "text-delta", text: "upon " },
    ]);
    expect(closed.error).toMatchObject({ kind: "cut-stream" });

    server.enqueue(chatCompletionStream(["Once ", "upon ", "a time"], { cutAfter: 2, end: "destroy" }));
    const dropped = await collect(client());
    expect(dropped.parts.some((p) => p.type === "finish")).toBe(false);
    expect(dropped.error).toMatchObject({ kind: "cut-stream" });
  });

  it("maps a refused connection to kind network with the socket error", async () => {
    const closed = await startFakeServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await failure(create(spec("openai-compatible"), { baseUrl }).generate(ask));
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it("maps an abort to kind aborted, plain and streamed", async () => {
    server.enqueue({ kind: "hang" }, { kind: "hang" });
    const plain = new AbortController();
    setTimeout(() => plain.abort(), 50);
    expect((await failure(client().generate({ ...ask, signal: plain.signal }))).kind).toBe("aborted");
    const streamed = new AbortController();
    setTimeout(() => streamed.abort(), 50);
    expect((await collect(client(), { ...ask, signal: streamed.signal })).error).toMatchObject({ kind: "aborted" });
  });

  it("keeps the caller's ProviderError as the abort reason", async () => {
    server.enqueue({ kind: "hang" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new ProviderError("timeout", "step timed out after 50 ms")), 50);
    expect(await failure(client().generate({ ...ask, signal: controller.signal }))).toMatchObject({ kind: "timeout", message: "step timed out after 50 ms" });
  });

  it("closes the upstream response when the consumer stops reading early", async () => {
    // one delta, then the upstream keeps the response open until the client goes away
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const upstream = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 0, model: "fake-model", choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }] })}\n\n`);
      res.on("close", upstreamClosed);
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = upstream.address() as AddressInfo;
      for await (const part of create(spec("openai-compatible"), { baseUrl: `http://127.0.0.1:${port}/v1` }).stream(ask)) {
        expect(part).toEqual({ type: "text-delta", text: "Hi" });
        break;
      }
      await closed;
    } finally {
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it("fails with bad-request when no base URL is configured", async () => {
    const error = await failure(create(spec("openai-compatible"), {}).generate(ask));
    expect(error.kind).toBe("bad-request");
  });
});

describe("AI SDK client: a reply without a finish reason is a failure", () => {
  it("reports a plain reply without a finish reason as cut-stream, not as an answer", async () => {
    const cut = chatCompletion("The answer is");
    if (cut.kind !== "json") throw new Error("expected a JSON reply");
    const body = cut.body as { choices: Array<{ finish_reason: string | null }> };
    body.choices[0]!.finish_reason = null;
    server.enqueue(cut);
    const error = await failure(createAiSdkClient(spec("openai-compatible"), { baseUrl: server.baseUrl, apiKey: "sk-test" }).generate(ask));
    expect(error.kind).toBe("cut-stream");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("without a finish reason");
  });
});

describe("AI SDK client, openai (chat-completions, not the Responses API)", () => {
  it("calls /chat/completions", async () => {
    server.enqueue(chatCompletion("hi there"));
    const result = await createAiSdkClient(spec("openai", "gpt-4o-mini"), { baseUrl: server.baseUrl, apiKey: "sk-test" }).generate(ask);
    expect(result.text).toBe("hi there");
    expect(server.requests[0]?.path).toBe("/v1/chat/completions");
  });
});

describe("AI SDK client, anthropic against a local Messages API server", () => {
  const client = () => createAiSdkClient(spec("anthropic", "claude-test"), { baseUrl: server.baseUrl, apiKey: "sk-ant-test" });

  it("completes a plain call with usage, sending the system prompt apart", async () => {
    server.enqueue(anthropicMessage("42", { usage: { input_tokens: 21, output_tokens: 2 } }));
    const result = await client().generate(ask);
    expect(result).toMatchObject({ text: "42", usage: { inputTokens: 21, outputTokens: 2 }, finishReason: "stop" });
    const sent = server.requests[0];
    expect(sent?.path).toBe("/v1/messages");
    expect(sent?.headers["x-api-key"]).toBe("sk-ant-test");
    expect(sent?.body).toMatchObject({ model: "claude-test", max_tokens: 50, system: [{ type: "text", text: "Be brief." }] });
  });

  it("streams, and treats a stream without message_delta/stop as cut", async () => {
    server.enqueue(anthropicMessageStream(["4", "2"]));
    const ok = await collect(client());
    expect(ok.parts.at(-1)).toMatchObject({ type: "finish", result: { text: "42", finishReason: "stop" } });
    server.enqueue(anthropicMessageStream(["4", "2"], { cutAfter: 1 }));
    const cut = await collect(client());
    expect(cut.error).toMatchObject({ kind: "cut-stream" });
  });

  it("maps a 429 to rate-limit with Retry-After, plain and streamed", async () => {
    server.enqueue(anthropicError(429, "Number of request tokens has exceeded your rate limit", "rate_limit_error", { "retry-after": "3" }));
    expect(await failure(client().generate(ask))).toMatchObject({
      kind: "rate-limit",
      status: 429,
      retryAfterMs: 3000,
      message: expect.stringContaining("Number of request tokens has exceeded your rate limit"),
    });
    server.enqueue(anthropicError(429, "Slow down", "rate_limit_error", { "retry-after": "2" }));
    expect((await collect(client())).error).toMatchObject({ kind: "rate-limit", retryAfterMs: 2000 });
  });

  it("maps an overloaded error body verbatim", async () => {
    server.enqueue(anthropicError(529, "Overloaded", "overloaded_error"));
    expect(await failure(client().generate(ask))).toMatchObject({ kind: "server", status: 529, message: expect.stringContaining("Overloaded") });
  });
});
