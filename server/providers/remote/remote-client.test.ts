import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { ProviderError } from "@/server/orchestrator/errors";
import type { GenerateRequest, ModelClient, ModelSpec, StreamPart } from "@/server/orchestrator/spec";
import { serveProviderCalls } from "./call-host";
import type { ProviderCallMessage, ProviderReplyMessage } from "./protocol";
import { createRemoteModelClients } from "./remote-client";

const model: ModelSpec = {
  id: "far-model",
  name: "Far",
  providerId: "p1",
  providerKind: "openai-compatible",
  remoteModel: "far",
  contextWindow: 8000,
  pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 1 },
  enabled: true,
};
const ask: GenerateRequest = { messages: [{ role: "user", content: "hi" }], maxOutputTokens: 5, temperature: 0.2 };
const done = { text: "hello", usage: { inputTokens: 1, outputTokens: 1 }, finishReason: "stop" as const, latencyMs: 1 };

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.port1.close();
});

/** A remote client pair whose far end runs `far` (a stand-in for the AI SDK client); records what crossed. */
function connect(far: (request: GenerateRequest) => ModelClient) {
  const channel = new MessageChannel();
  channels.push(channel);
  const sent: ProviderCallMessage[] = [];
  const requests: GenerateRequest[] = [];
  channel.port2.on("message", (message: ProviderCallMessage) => sent.push(message));
  serveProviderCalls(channel.port2, () => ({
    modelId: model.id,
    generate: (request) => {
      requests.push(request);
      return far(request).generate(request);
    },
    stream: (request) => {
      requests.push(request);
      return far(request).stream(request);
    },
  }));
  return { remote: createRemoteModelClients(channel.port1), sent, requests };
}

/** A far client that never answers until aborted, then fails as the AI SDK client does. */
const hanging = (): ModelClient => ({
  modelId: model.id,
  generate: (request) =>
    new Promise((_resolve, reject) => request.signal?.addEventListener("abort", () => reject(new ProviderError("aborted", "far side aborted")))),
  async *stream(request) {
    yield { type: "text-delta", text: "par" };
    await new Promise((_resolve, reject) => request.signal?.addEventListener("abort", () => reject(new ProviderError("aborted", "far side aborted"))));
  },
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe("remote model clients (the provider thread's port)", () => {
  it("sends the request without its signal, opens the connection once, and resolves with the far result", async () => {
    const { remote, sent, requests } = connect(() => ({ modelId: model.id, generate: async () => done, stream: async function* () {} }));
    const client = remote.open(model, { baseUrl: "http://upstream/v1", apiKey: "sk-1" });
    const signal = new AbortController().signal;
    expect(await client.generate({ ...ask, signal })).toEqual(done);
    expect(await client.generate(ask)).toEqual(done);
    expect(sent.filter((m) => m.type === "open")).toEqual([{ type: "open", clientId: 1, model, connection: { baseUrl: "http://upstream/v1", apiKey: "sk-1" } }]);
    expect(requests[0]).toMatchObject({ messages: ask.messages, maxOutputTokens: 5, temperature: 0.2 });
    expect(requests[0]?.signal).toBeInstanceOf(AbortSignal); // the far side's own
  });

  it("rebuilds a ProviderError with its kind, status and retry-after", async () => {
    const { remote } = connect(() => ({
      modelId: model.id,
      generate: async () => {
        throw new ProviderError("rate-limit", "slow down", 429, 7000);
      },
      stream: async function* () {},
    }));
    const error = await remote.open(model, {}).generate(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: "rate-limit", message: "slow down", status: 429, retryAfterMs: 7000, retryable: true });
  });

  it("settles an aborted call at once with the caller's reason and tells the far side to stop", async () => {
    const { remote, sent } = connect(hanging);
    const controller = new AbortController();
    const pending = remote.open(model, {}).generate({ ...ask, signal: controller.signal });
    await until(() => sent.some((m) => m.type === "call"));
    controller.abort(new ProviderError("timeout", "step timed out after 50 ms"));
    await expect(pending).rejects.toMatchObject({ kind: "timeout", message: "step timed out after 50 ms" });
    await until(() => sent.some((m) => m.type === "abort"));
  });

  it("refuses a call whose signal is already aborted without sending it", async () => {
    const { remote, sent } = connect(hanging);
    const controller = new AbortController();
    controller.abort();
    await expect(remote.open(model, {}).generate({ ...ask, signal: controller.signal })).rejects.toMatchObject({ kind: "aborted" });
    expect(sent.some((m) => m.type === "call")).toBe(false);
  });

  it("streams deltas then the finish part, and a consumer that leaves early aborts the far call", async () => {
    const { remote, sent } = connect(() => ({
      modelId: model.id,
      generate: async () => done,
      async *stream() {
        yield { type: "text-delta", text: "hel" };
        yield { type: "text-delta", text: "lo" };
        yield { type: "finish", result: done };
      },
    }));
    const parts: StreamPart[] = [];
    for await (const part of remote.open(model, {}).stream(ask)) parts.push(part);
    expect(parts).toEqual([{ type: "text-delta", text: "hel" }, { type: "text-delta", text: "lo" }, { type: "finish", result: done }]);
    expect(sent.some((m) => m.type === "abort")).toBe(false);

    const early = connect(hanging);
    for await (const part of early.remote.open(model, {}).stream(ask)) {
      expect(part).toEqual({ type: "text-delta", text: "par" });
      break;
    }
    await until(() => early.sent.some((m) => m.type === "abort"));
  });

  it("a client the far side cannot build fails its calls with the reason instead of taking the thread down", async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    serveProviderCalls(channel.port2, () => {
      throw new Error("no such provider kind");
    });
    const client = createRemoteModelClients(channel.port1).open(model, {});
    await expect(client.generate(ask)).rejects.toMatchObject({ message: "no such provider kind" });
    await expect((async () => {
      for await (const part of client.stream(ask)) void part;
    })()).rejects.toMatchObject({ message: "no such provider kind" });
  });

  it("a closed client is forgotten on the far side", async () => {
    const { remote } = connect(() => ({ modelId: model.id, generate: async () => done, stream: async function* () {} }));
    const client = remote.open(model, {});
    client.close();
    await expect(client.generate(ask)).rejects.toMatchObject({ kind: "bad-request", message: expect.stringContaining("no client") });
  });

  it("passes a far failure after streamed deltas through as it is", async () => {
    const { remote } = connect(() => ({
      modelId: model.id,
      generate: async () => done,
      async *stream() {
        yield { type: "text-delta", text: "Once" };
        throw new ProviderError("cut-stream", "Connection closed mid-response");
      },
    }));
    const parts: StreamPart[] = [];
    const error = await (async () => {
      for await (const part of remote.open(model, {}).stream(ask)) parts.push(part);
    })().catch((e: unknown) => e);
    expect(parts).toEqual([{ type: "text-delta", text: "Once" }]);
    expect(error).toMatchObject({ kind: "cut-stream", message: "Connection closed mid-response" });
  });
});

// a reply for a call already settled by an abort arrives later: it is dropped (a throw would surface as an uncaught error)
it("ignores replies to calls it no longer waits for", async () => {
  const channel = new MessageChannel();
  channels.push(channel);
  const received: ProviderReplyMessage[] = [];
  channel.port1.on("message", (message: ProviderReplyMessage) => received.push(message));
  createRemoteModelClients(channel.port1);
  channel.port2.postMessage({ type: "result", callId: 99, result: done } satisfies ProviderReplyMessage);
  await until(() => received.length === 1);
});
