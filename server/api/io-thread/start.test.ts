import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAiError, startFakeServer, type FakeServer } from "@/server/providers/testing/openai-fake-server";
import { createHarness, type Harness } from "../testing/harness";
import { startIoThread, type IoThread } from "./start";

let upstream: FakeServer;
let io: IoThread;
let h: Harness;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeServer();
  io = startIoThread();
  h = await createHarness({ remoteModels: io.remoteModels });
  const provider = h.services.providers.create({ name: "far", kind: "openai-compatible", baseUrl: upstream.baseUrl, apiKey: "sk-far" });
  h.services.roster.create({ id: "far-model", name: "Far", providerId: provider.id, remoteModel: "fake-model", contextWindow: 8000, inputUsdPerMTok: 1, outputUsdPerMTok: 2, enabled: true });
  const port = await io.openGateway(() => h.services, 0, "127.0.0.1");
  client = new OpenAI({ baseURL: `http://127.0.0.1:${port}/api/v1`, apiKey: h.services.apiKeys.create({ name: "io" }).key, maxRetries: 0 });
}, 30_000);

afterAll(async () => {
  await io?.stop();
  await upstream?.close();
});

describe("the I/O thread (a real worker thread, as server.ts starts it)", () => {
  it("serves the gateway port and makes the provider call over there, the task recorded on this thread", async () => {
    const { data, response } = await client.chat.completions.create({ model: "far-model", messages: [{ role: "user", content: "across threads" }] }).withResponse();
    expect(data.choices[0]?.message.content).toBe("You said: across threads");
    expect(upstream.requests.at(-1)?.headers.authorization).toBe("Bearer sk-far");
    expect(h.services.tasks.get(response.headers.get("x-ensemble-task-id") ?? "")).toMatchObject({ source: "gateway", status: "completed", modelId: "far-model" });
  });

  it("streams through both hops", async () => {
    const stream = await client.chat.completions.create({ model: "far-model", messages: [{ role: "user", content: "stream across" }], stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("You said: stream across");
    expect(upstream.requests.at(-1)?.body).toMatchObject({ stream: true });
  });

  it("answers the route table there: retrieve-model, and a wrong method as 405 with Allow", async () => {
    expect(await client.models.retrieve("far-model")).toMatchObject({ id: "far-model", object: "model", owned_by: "far" });
    const wrong = await fetch(`${client.baseURL}/chat/completions`);
    expect([wrong.status, wrong.headers.get("allow")]).toEqual([405, "POST"]);
    expect(await wrong.json()).toMatchObject({ error: { code: "method_not_allowed" } });
  });

  it("brings a provider failure back classified", async () => {
    upstream.enqueue(openAiError(429, "Rate limit reached", { headers: { "retry-after": "4" } }));
    const far = io.remoteModels.open(h.services.roster.spec("far-model"), { baseUrl: upstream.baseUrl });
    await expect(far.generate({ messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({ kind: "rate-limit", status: 429, retryAfterMs: 4000 });
  });

  it("reports a gateway port that is taken, with the reason", async () => {
    const taken = Number(new URL(client.baseURL).port);
    await expect(io.openGateway(() => h.services, taken, "127.0.0.1")).rejects.toThrow(/already open/);
    const second = startIoThread();
    try {
      await expect(second.openGateway(() => h.services, taken, "127.0.0.1")).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await second.stop();
    }
  });
});
