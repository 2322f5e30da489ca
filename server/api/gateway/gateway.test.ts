import { createServer } from "node:http";
import { MessageChannel } from "node:worker_threads";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RESILIENCE_SETTINGS } from "@/server/orchestrator/spec";
import { serveProviderCalls } from "@/server/providers/remote/call-host";
import { createRemoteModelClients } from "@/server/providers/remote/remote-client";
import {
  chatCompletion,
  chatCompletionStream,
  echoHandler,
  openAiError,
  startFakeServer,
  type FakeHandler,
  type FakeServer,
} from "@/server/providers/testing/openai-fake-server";
import type { ServiceOptions } from "@/server/services/app";
import { createHarness, waitForTask, type Harness } from "../testing/harness";
import { createGatewayHandlers, createNodeGateway } from "./index";
import { addOpenAiModel, listen } from "./testing/fixtures";
import { serveFetch } from "./testing/node-adapter";

let h: Harness;
let good: FakeServer;
let bad: FakeServer;
/** answers "length" (or "content_filter" when the prompt says filter) as its finish reason */
let limited: FakeServer;
/** streams two deltas, then the connection just ends */
let cutting: FakeServer;
let app: { origin: string; close(): Promise<void> };
let key: string;
let client: OpenAI;

/** The production entry's way: node:http straight into the gateway (server.ts), no web Request/Response. */
async function serveNode() {
  const gateway = createNodeGateway(() => h.services);
  return listen(
    createServer((req, res) => {
      if (!gateway(req, res)) res.writeHead(404).end();
    }),
  );
}

/** Provider calls made across the provider thread's port, as the production server makes them (both ends on one thread here). */
function remoteProviderCalls(): ServiceOptions {
  const channel = new MessageChannel();
  serveProviderCalls(channel.port2);
  return { remoteModels: createRemoteModelClients(channel.port1) };
}

/** Next's way: the fetch handlers the app/api/v1 route files export. */
async function serveRouteHandlers() {
  const gateway = createGatewayHandlers(() => h.services);
  return serveFetch({ "POST /api/v1/chat/completions": gateway.chatCompletions, "GET /api/v1/models": gateway.models });
}

beforeAll(async () => {
  good = await startFakeServer();
  bad = await startFakeServer({ handler: () => openAiError(500, "upstream exploded") });
  const finishing: FakeHandler = (request) => {
    const body = request.body as { stream?: boolean; messages: Array<{ content: string }> };
    const finishReason = body.messages.at(-1)?.content.includes("filter") ? "content_filter" : "length";
    return body.stream ? chatCompletionStream(["cut ", "short"], { finishReason }) : chatCompletion("cut short", { finishReason });
  };
  limited = await startFakeServer({ handler: finishing });
  cutting = await startFakeServer({ handler: () => chatCompletionStream(["partial ", "answer ", "never ", "finished"], { cutAfter: 2 }) });
});

afterAll(async () => {
  await good?.close();
  await bad?.close();
  await limited?.close();
  await cutting?.close();
});

describe.each([
  ["the node entry (server.ts)", serveNode, () => ({})],
  ["Next's route handlers", serveRouteHandlers, () => ({})],
  ["the node entry, provider calls across the provider thread's port (as in production)", serveNode, remoteProviderCalls],
])("gateway through %s, driven by the official openai client", (_transport, serve, options) => {
  beforeAll(async () => {
    // a fresh app per transport: its own roster, result cache and circuit breakers
    h = await createHarness(options());
    addOpenAiModel(h.services, "up-good", good.baseUrl, { score: 0.6 });
    addOpenAiModel(h.services, "up-bad", bad.baseUrl, { score: 0.99 });
    addOpenAiModel(h.services, "up-broken", bad.baseUrl, { score: 0.1 });
    addOpenAiModel(h.services, "up-limited", limited.baseUrl, { score: 0.1 });
    addOpenAiModel(h.services, "up-cutting", cutting.baseUrl, { score: 0.1 });
    key = h.services.apiKeys.create({ name: "test" }).key;
    app = await serve();
    client = new OpenAI({ baseURL: `${app.origin}/api/v1`, apiKey: key, maxRetries: 0 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("lists the roster and the routed names", async () => {
    const ids = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(expect.arrayContaining(["auto", "ensemble/cascade", "up-good", "sim-swift-mini"]));
  });

  it("answers a plain completion pinned to a roster model, as a gateway task", async () => {
    const { data, response, request_id } = await client.chat.completions
      .create({ model: "up-good", messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hello there" }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe("You said: hello there");
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-ensemble-models")).toBe("up-good");
    expect(Number(response.headers.get("x-ensemble-overhead-ms"))).toBeGreaterThanOrEqual(0);
    expect(request_id).toBe(response.headers.get("x-ensemble-task-id"));
    expect(data.choices[0]?.finish_reason).toBe("stop");
    const task = h.services.tasks.get(response.headers.get("x-ensemble-task-id") ?? "");
    expect(task).toMatchObject({ source: "gateway", status: "completed", pinnedModelId: "up-good", modelId: "up-good", streamTokens: false });
    // the whole conversation went upstream, verbatim, asked as one whole reply: nobody reads a plain request's tokens live
    expect(good.requests.at(-1)?.body).toMatchObject({ messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hello there" }] });
    expect(good.requests.at(-1)?.body).not.toHaveProperty("stream", true);
  });

  it("serves a repeated request from the result cache with the answer and the model that computed it", async () => {
    const ask = () => client.chat.completions.create({ model: "up-good", messages: [{ role: "user", content: "cache me please" }] }).withResponse();
    const first = await ask();
    const second = await ask();
    expect(first.response.headers.get("x-ensemble-cache")).toBeNull();
    expect(second.response.headers.get("x-ensemble-cache")).toBe("hit");
    expect(second.data.choices[0]?.message.content).toBe("You said: cache me please");
    expect(second.data.model).toBe("up-good");
    expect(second.response.headers.get("x-ensemble-models")).toBe("up-good");
    expect(h.services.tasks.get(second.response.headers.get("x-ensemble-task-id") ?? "")).toMatchObject({ source: "gateway", cacheHit: true });
  });

  it("skips the result cache for a request sent with x-ensemble-cache: off, plain or streamed", async () => {
    const body = { model: "up-good", messages: [{ role: "user" as const, content: "fresh every time" }] };
    const off = { headers: { "x-ensemble-cache": "off" } };
    await client.chat.completions.create(body);
    const plain = await client.chat.completions.create(body, off).withResponse();
    expect(plain.response.headers.get("x-ensemble-cache")).toBeNull();
    expect(h.services.tasks.get(plain.response.headers.get("x-ensemble-task-id") ?? "")).toMatchObject({ useCache: false, cacheHit: null });
    const streamed = await client.chat.completions.create({ ...body, stream: true }, off).withResponse();
    for await (const chunk of streamed.data) void chunk;
    expect(streamed.response.headers.get("x-ensemble-cache")).toBeNull();
    expect(h.services.tasks.get(streamed.response.headers.get("x-ensemble-task-id") ?? "")).toMatchObject({ useCache: false });
  });

  it("answers a simulated model too", async () => {
    const data = await client.chat.completions.create({ model: "sim-swift-mini", messages: [{ role: "user", content: "Say hi" }] });
    expect(data.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it("streams SSE chunks, then usage, then [DONE]", async () => {
    const { data: stream, response, request_id } = await client.chat.completions
      .create({
        model: "up-good",
        messages: [{ role: "user", content: "stream me please" }],
        stream: true,
        stream_options: { include_usage: true },
      })
      .withResponse();
    let text = "";
    let usage: number | undefined;
    let finish: string | null | undefined;
    const usageFields: unknown[] = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usageFields.push(chunk.usage);
      if (chunk.usage) usage = chunk.usage.total_tokens;
    }
    expect(text).toBe("You said: stream me please");
    expect(good.requests.at(-1)?.body).toMatchObject({ stream: true });
    expect(finish).toBe("stop");
    expect(usage).toBeGreaterThan(0);
    // as OpenAI's: every chunk before the usage chunk says `"usage": null`
    expect(usageFields.slice(0, -1).every((u) => u === null)).toBe(true);
    expect(usageFields.length).toBeGreaterThan(2);
    expect(request_id).toBe(response.headers.get("x-ensemble-task-id"));
    expect(response.headers.get("x-accel-buffering")).toBe("no");
  });

  it("leaves `usage` out of the chunks when it was not asked for", async () => {
    const response = await fetch(`${app.origin}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "up-good", messages: [{ role: "user", content: "no usage please" }], stream: true }),
    });
    const chunks = (await response.text()).split("\n\n").filter((l) => l.startsWith("data: {"));
    expect(chunks.length).toBeGreaterThan(2);
    for (const line of chunks) expect(JSON.parse(line.slice(6))).not.toHaveProperty("usage");
  });

  it("says the answer was cut by the output limit (finish_reason length, content_filter), plain and streamed", async () => {
    const plain = await client.chat.completions.create({ model: "up-limited", messages: [{ role: "user", content: "a long story" }], max_tokens: 2 });
    expect(plain.choices[0]).toMatchObject({ finish_reason: "length", message: { content: "cut short" } });
    const filtered = await client.chat.completions.create({ model: "up-limited", messages: [{ role: "user", content: "filter this" }] });
    expect(filtered.choices[0]?.finish_reason).toBe("content_filter");
    const stream = await client.chat.completions.create({
      model: "up-limited",
      messages: [{ role: "user", content: "a long story, streamed" }],
      stream: true,
    });
    const finishes = [];
    for await (const chunk of stream) finishes.push(chunk.choices[0]?.finish_reason);
    expect(finishes.at(-1)).toBe("length");
    expect(finishes.slice(0, -1).every((f) => f === null)).toBe(true);
  });

  it("cancels the task when a streamed answer breaks off: the fallback's answer would never reach the caller, so it is neither made nor billed", async () => {
    const created = h.services.apiKeys.create({ name: "cut-off" });
    const caller = new OpenAI({ baseURL: `${app.origin}/api/v1`, apiKey: created.key, maxRetries: 0 });
    const goodCalls = good.requests.length;
    const params = { model: "up-cutting", models: ["up-good"], messages: [{ role: "user", content: "break off please" }], stream: true };
    const { data: stream, response } = await caller.chat.completions.create(params as OpenAI.ChatCompletionCreateParamsStreaming).withResponse();
    let text = "";
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    })().catch((e: unknown) => e);
    expect(text).toBe("partial answer ");
    expect(error).toMatchObject({ message: expect.stringContaining("failed after its answer began streaming") });
    const task = await waitForTask(h, response.headers.get("x-ensemble-task-id") ?? "");
    expect(task.status).toBe("cancelled");
    // a cut stream has no usage, so its step bills nothing; the fallback never completed (nor, here, was called)
    expect(task.steps.filter((s) => s.status === "completed")).toEqual([]);
    expect(task.events.some((e) => e.type === "step.completed")).toBe(false);
    expect(task.costUsd).toBe(0);
    expect(h.services.apiKeys.list().find((k) => k.id === created.id)?.spentThisMonthUsd).toBe(0);
    expect(good.requests.length).toBe(goodCalls);
  }, 20_000);

  it("refuses a bad key with 401 invalid_api_key", async () => {
    const bad = new OpenAI({ baseURL: `${app.origin}/api/v1`, apiKey: "ens_not-a-real-key", maxRetries: 0 });
    await expect(bad.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      status: 401,
      code: "invalid_api_key",
    });
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401 });
  });

  it("refuses a revoked key at once", async () => {
    const created = h.services.apiKeys.create({ name: "short-lived" });
    h.services.apiKeys.revoke(created.id);
    const revoked = new OpenAI({ baseURL: `${app.origin}/api/v1`, apiKey: created.key, maxRetries: 0 });
    await expect(revoked.models.list()).rejects.toMatchObject({ status: 401 });
    expect(JSON.stringify(h.services.apiKeys.list())).not.toContain(created.key);
  });

  it("answers an unknown model with 404 model_not_found", async () => {
    await expect(client.chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      status: 404,
      code: "model_not_found",
      param: "model",
    });
  });

  it("names the bad field with 400, never a 500", async () => {
    await expect(
      client.chat.completions.create({ model: "auto", messages: [{ role: "robot" as "user", content: "x" }] }),
    ).rejects.toMatchObject({ status: 400, type: "invalid_request_error", param: "messages[0].role" });
    await expect(client.chat.completions.create({ model: "auto", messages: [] })).rejects.toMatchObject({ status: 400, param: "messages" });
    const raw = await fetch(`${app.origin}/api/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: "{not json" });
    expect(raw.status).toBe(400);
    const big = await fetch(`${app.origin}/api/v1/chat/completions`, {
      method: "POST",
      // the body is refused unread, so this connection must not be reused by the next test
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", connection: "close" },
      body: JSON.stringify({ model: "auto", messages: [{ role: "user", content: "x".repeat(1_100_000) }] }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { type: "invalid_request_error", code: "request_too_large" } });
  });

  it("falls back when the routed model's upstream fails (auto)", async () => {
    for (const m of h.services.roster.list()) if (m.isSimulated) h.services.roster.setEnabled(m.id, false);
    try {
      const { data, response } = await client.chat.completions
        .create({ model: "auto", messages: [{ role: "user", content: "Tell me something friendly" }] })
        .withResponse();
      expect(data.choices[0]?.message.content).toContain("You said:");
      expect(response.headers.get("x-ensemble-models")).toBe("up-good");
      const task = await waitForTask(h, response.headers.get("x-ensemble-task-id") ?? "");
      expect(task.events.map((e) => e.type)).toContain("fallback.taken");
      expect(bad.requests.length).toBeGreaterThan(0);
    } finally {
      for (const m of h.services.roster.list()) if (m.isSimulated) h.services.roster.setEnabled(m.id, true);
    }
  }, 20_000);

  it("falls back to the caller's `models` list when the pinned model's upstream fails", async () => {
    const params = { model: "up-bad", models: ["up-good"], messages: [{ role: "user", content: "fall back please" }] };
    const { data, response } = await client.chat.completions.create(params as OpenAI.ChatCompletionCreateParamsNonStreaming).withResponse();
    expect(data.choices[0]?.message.content).toBe("You said: fall back please");
    expect(response.headers.get("x-ensemble-models")).toBe("up-good");
    const task = await waitForTask(h, response.headers.get("x-ensemble-task-id") ?? "");
    expect(task).toMatchObject({ status: "completed", pinnedModelId: "up-bad", pinnedFallbacks: ["up-good"], modelId: "up-good" });
    expect(task.events.map((e) => e.type)).toContain("fallback.taken");
    expect(task.plan?.steps).toEqual([
      { role: "answer", modelId: "up-bad" },
      { role: "fallback", modelId: "up-good" },
    ]);
  }, 20_000);

  it("refuses a `models` list it cannot honour, naming the field", async () => {
    const unknown = { model: "up-good", models: ["no-such-model"], messages: [{ role: "user", content: "x" }] };
    await expect(client.chat.completions.create(unknown as OpenAI.ChatCompletionCreateParamsNonStreaming)).rejects.toMatchObject({
      status: 404,
      code: "model_not_found",
      param: "models[0]",
    });
    const routed = { model: "auto", models: ["up-good"], messages: [{ role: "user", content: "x" }] };
    await expect(client.chat.completions.create(routed as OpenAI.ChatCompletionCreateParamsNonStreaming)).rejects.toMatchObject({ status: 400, param: "models" });
  });

  it("forwards temperature, top_p, max_tokens and stop to the upstream model", async () => {
    await client.chat.completions.create({
      model: "up-good",
      messages: [{ role: "user", content: "sample me" }],
      temperature: 0.3,
      top_p: 0.5,
      max_tokens: 7,
      stop: "END",
    });
    expect(good.requests.at(-1)?.body).toMatchObject({ temperature: 0.3, top_p: 0.5, max_tokens: 7, stop: ["END"] });
    await expect(client.chat.completions.create({ model: "up-good", messages: [{ role: "user", content: "x" }], temperature: 3 })).rejects.toMatchObject({
      status: 400,
      param: "temperature",
    });
  });

  it("answers 502 when a pinned model's upstream fails and no fallback was named", async () => {
    // a model no other test calls, so its circuit breaker is still closed and the call really goes out
    await expect(client.chat.completions.create({ model: "up-broken", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      status: 502,
      code: "upstream_error",
      requestID: expect.stringMatching(/.+/),
    });
  }, 20_000);

  it("answers 503 while a pinned model's circuit breaker is open: the call is refused, not sent", async () => {
    addOpenAiModel(h.services, "up-fragile", bad.baseUrl, { score: 0.1, resilience: {
      ...DEFAULT_RESILIENCE_SETTINGS,
      maxRetries: 0,
      breaker: { ...DEFAULT_RESILIENCE_SETTINGS.breaker, consecutiveFailures: 1 },
    } });
    const ask = () => client.chat.completions.create({ model: "up-fragile", messages: [{ role: "user", content: "x" }] });
    await expect(ask()).rejects.toMatchObject({ status: 502, code: "upstream_error" });
    const sent = bad.requests.length;
    const refused = await ask().catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 503, code: "no_model_available", message: expect.stringContaining("circuit breaker open") });
    // the breaker's next probe is 30 s away (the default half-open delay): the client is told to wait that long
    expect(Number((refused as { headers: Headers }).headers.get("retry-after"))).toBeGreaterThanOrEqual(29);
    expect(Number((refused as { headers: Headers }).headers.get("retry-after"))).toBeLessThanOrEqual(30);
    expect(bad.requests.length).toBe(sent);
  });

  it("rate-limits a key with 429 rate_limit_exceeded", async () => {
    const limited = new OpenAI({ baseURL: `${app.origin}/api/v1`, apiKey: h.services.apiKeys.create({ name: "slow", rateLimitPerMinute: 2 }).key, maxRetries: 0 });
    await limited.models.list();
    await limited.models.list();
    await expect(limited.models.list()).rejects.toMatchObject({ status: 429, code: "rate_limit_exceeded" });
  });

  it("refuses a key whose monthly budget is spent with 429 insufficient_quota", async () => {
    const created = h.services.apiKeys.create({ name: "broke", monthlyBudgetUsd: 0.0000001 });
    const broke = new OpenAI({ baseURL: `${app.origin}/api/v1`, apiKey: created.key, maxRetries: 0 });
    await broke.chat.completions.create({ model: "up-good", messages: [{ role: "user", content: "spend" }] });
    await expect(broke.chat.completions.create({ model: "up-good", messages: [{ role: "user", content: "more" }] })).rejects.toMatchObject({
      status: 429,
      code: "insufficient_quota",
    });
  });
});

void echoHandler;
