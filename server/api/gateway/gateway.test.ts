import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeServer, openAiError, echoHandler, type FakeServer } from "@/server/providers/testing/openai-fake-server";
import { createHarness, waitForTask, type Harness } from "../testing/harness";
import { createGatewayHandlers } from "./index";
import { serveFetch } from "./testing/node-adapter";

let h: Harness;
let good: FakeServer;
let bad: FakeServer;
let app: Awaited<ReturnType<typeof serveFetch>>;
let key: string;
let client: OpenAI;

function addOpenAiModel(name: string, baseUrl: string, score: number) {
  const provider = h.services.providers.create({ name, kind: "openai-compatible", baseUrl });
  h.services.roster.create({
    id: name,
    name,
    providerId: provider.id,
    remoteModel: "fake-model",
    contextWindow: 16_000,
    inputUsdPerMTok: 1,
    outputUsdPerMTok: 2,
    enabled: true,
    initialScores: Object.fromEntries(["chat", "writing", "knowledge", "reasoning", "math", "code", "summarization"].map((c) => [c, score])),
  });
}

beforeAll(async () => {
  h = await createHarness();
  good = await startFakeServer();
  bad = await startFakeServer({ handler: () => openAiError(500, "upstream exploded") });
  addOpenAiModel("up-good", good.baseUrl, 0.6);
  addOpenAiModel("up-bad", bad.baseUrl, 0.99);
  const gateway = createGatewayHandlers(() => h.services);
  app = await serveFetch({ "POST /v1/chat/completions": gateway.chatCompletions, "GET /v1/models": gateway.models });
  key = h.services.apiKeys.create({ name: "test" }).key;
  client = new OpenAI({ baseURL: `${app.origin}/v1`, apiKey: key, maxRetries: 0 });
});

afterAll(async () => {
  await app?.close();
  await good?.close();
  await bad?.close();
});

describe("gateway, driven by the official openai client", () => {
  it("lists the roster and the routed names", async () => {
    const ids = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(expect.arrayContaining(["auto", "ensemble/cascade", "up-good", "sim-swift-mini"]));
  });

  it("answers a plain completion pinned to a roster model, as a gateway task", async () => {
    const { data, response } = await client.chat.completions
      .create({ model: "up-good", messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hello there" }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe("You said: hello there");
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-ensemble-models")).toBe("up-good");
    expect(Number(response.headers.get("x-ensemble-overhead-ms"))).toBeGreaterThanOrEqual(0);
    const task = h.services.tasks.get(response.headers.get("x-ensemble-task-id") ?? "");
    expect(task).toMatchObject({ source: "gateway", status: "completed", pinnedModelId: "up-good", modelId: "up-good" });
    // the whole conversation went upstream, verbatim
    expect(good.requests.at(-1)?.body).toMatchObject({ messages: [{ role: "system", content: "be brief" }, { role: "user", content: "hello there" }] });
  });

  it("answers a simulated model too", async () => {
    const data = await client.chat.completions.create({ model: "sim-swift-mini", messages: [{ role: "user", content: "Say hi" }] });
    expect(data.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it("streams SSE chunks, then usage, then [DONE]", async () => {
    const stream = await client.chat.completions.create({
      model: "up-good",
      messages: [{ role: "user", content: "stream me please" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage: number | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage.total_tokens;
    }
    expect(text).toBe("You said: stream me please");
    expect(finish).toBe("stop");
    expect(usage).toBeGreaterThan(0);
  });

  it("refuses a bad key with 401 invalid_api_key", async () => {
    const bad = new OpenAI({ baseURL: `${app.origin}/v1`, apiKey: "ens_not-a-real-key", maxRetries: 0 });
    await expect(bad.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      status: 401,
      code: "invalid_api_key",
    });
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401 });
  });

  it("refuses a revoked key at once", async () => {
    const created = h.services.apiKeys.create({ name: "short-lived" });
    h.services.apiKeys.revoke(created.id);
    const revoked = new OpenAI({ baseURL: `${app.origin}/v1`, apiKey: created.key, maxRetries: 0 });
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
    const raw = await fetch(`${app.origin}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: "{not json" });
    expect(raw.status).toBe(400);
    const big = await fetch(`${app.origin}/v1/chat/completions`, {
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

  it("answers 502 when a pinned model's upstream fails (no silent fallback)", async () => {
    await expect(client.chat.completions.create({ model: "up-bad", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      status: 502,
      code: "upstream_error",
    });
  }, 20_000);

  it("rate-limits a key with 429 rate_limit_exceeded", async () => {
    const limited = new OpenAI({ baseURL: `${app.origin}/v1`, apiKey: h.services.apiKeys.create({ name: "slow", rateLimitPerMinute: 2 }).key, maxRetries: 0 });
    await limited.models.list();
    await limited.models.list();
    await expect(limited.models.list()).rejects.toMatchObject({ status: 429, code: "rate_limit_exceeded" });
  });

  it("refuses a key whose monthly budget is spent with 429 insufficient_quota", async () => {
    const created = h.services.apiKeys.create({ name: "broke", monthlyBudgetUsd: 0.0000001 });
    const broke = new OpenAI({ baseURL: `${app.origin}/v1`, apiKey: created.key, maxRetries: 0 });
    await broke.chat.completions.create({ model: "up-good", messages: [{ role: "user", content: "spend" }] });
    await expect(broke.chat.completions.create({ model: "up-good", messages: [{ role: "user", content: "more" }] })).rejects.toMatchObject({
      status: 429,
      code: "insufficient_quota",
    });
  });
});

void echoHandler;
