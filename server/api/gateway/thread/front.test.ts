import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { chatCompletionStream, startFakeServer } from "@/server/providers/testing/openai-fake-server";
import { createHarness, waitForTask } from "../../testing/harness";
import { MAX_BODY_BYTES } from "../body";
import { serveGatewayFront } from "./back";
import { createGatewayFront } from "./front";
import type { BackMessage, FrontMessage } from "./protocol";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The front on a real port; the test plays the server thread's end of the message port. */
async function frontWithScriptedBack() {
  const channel = new MessageChannel();
  cleanups.push(() => channel.port1.close());
  const received: FrontMessage[] = [];
  channel.port1.on("message", (message: FrontMessage) => received.push(message));
  const origin = await listen(createGatewayFront(channel.port2));
  const back = (message: BackMessage) => channel.port1.postMessage(message);
  return { origin, received, back };
}

const until = async (check: () => boolean, ms = 2_000) => {
  for (let waited = 0; waited < ms && !check(); waited += 5) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe("the gateway port's front (I/O thread)", () => {
  it("answers a path that is not the gateway's with an OpenAI-style 404, without bothering the server thread", async () => {
    const { origin, received } = await frontWithScriptedBack();
    const response = await fetch(`${origin}/dashboard`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error", code: "unknown_url", message: expect.stringContaining("/api/v1") } });
    expect(received).toEqual([]);
  });

  it("hands over the route, headers and the whole body, and writes the reply it gets back", async () => {
    const { origin, received, back } = await frontWithScriptedBack();
    const body = JSON.stringify({ model: "auto", messages: [{ role: "user", content: "é".repeat(100_000) }] });
    const pending = fetch(`${origin}/api/v1/chat/completions?x=1`, { method: "POST", headers: { authorization: "Bearer k1", "x-ensemble-cache": "off" }, body });
    await until(() => received.length === 1);
    const request = received[0];
    if (request?.type !== "request" || request.body === "too-large") throw new Error("expected a request with its body");
    expect(request.route).toBe("POST /api/v1/chat/completions");
    expect(request.headers).toMatchObject({ authorization: "Bearer k1", "x-ensemble-cache": "off" });
    expect(Buffer.from(request.body).toString("utf8")).toBe(body);
    await new Promise((r) => setTimeout(r, 30));
    back({
      type: "reply",
      id: request.id,
      status: 201,
      headers: { "content-type": "application/json", "x-ensemble-models": "m1", "x-ensemble-overhead-ms": "1.00" },
      body: '{"ok":true}',
      handledMs: 5,
    });
    const response = await pending;
    expect(response.status).toBe(201);
    expect(response.headers.get("x-ensemble-models")).toBe("m1");
    // the engine said 1 ms of 5 handled; the other ≥ 25 ms of the ≥ 30 the front waited were spent outside the engine
    expect(Number(response.headers.get("x-ensemble-overhead-ms"))).toBeGreaterThanOrEqual(26);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("marks a body over the limit too-large instead of reading it all", async () => {
    const { origin, received, back } = await frontWithScriptedBack();
    const pending = fetch(`${origin}/api/v1/chat/completions`, { method: "POST", headers: { connection: "close" }, body: "x".repeat(MAX_BODY_BYTES + 10) });
    await until(() => received.length === 1);
    const request = received[0];
    expect(request).toMatchObject({ type: "request", body: "too-large" });
    back({ type: "reply", id: request?.id ?? 0, status: 413, headers: {}, body: "{}", closeConnection: true, handledMs: 0 });
    expect((await pending).status).toBe(413);
  });

  it("streams the chunks it is sent, and tells the server thread when the caller leaves mid-stream", async () => {
    const { origin, received, back } = await frontWithScriptedBack();
    const controller = new AbortController();
    const response = fetch(`${origin}/api/v1/chat/completions`, { method: "POST", body: "{}", signal: controller.signal });
    await until(() => received.length === 1);
    const id = received[0]?.id ?? 0;
    back({ type: "reply", id, status: 200, headers: { "content-type": "text/event-stream" }, body: null, handledMs: 0 });
    back({ type: "chunk", id, chunk: new TextEncoder().encode("data: one\n\n") });
    const reader = (await response).body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: one\n\n");
    controller.abort();
    await until(() => received.some((m) => m.type === "abort" && m.id === id));
  });
});

describe("the server thread's end", () => {
  it("cancels the task of a caller who leaves mid-stream", async () => {
    const upstream = await startFakeServer({ handler: () => chatCompletionStream(["Hi", " there", " slowly"], { delayMsBetweenEvents: 1_000 }) });
    cleanups.push(() => upstream.close());
    const h = await createHarness();
    const provider = h.services.providers.create({ name: "slow", kind: "openai-compatible", baseUrl: upstream.baseUrl });
    h.services.roster.create({ id: "slow-model", name: "Slow", providerId: provider.id, remoteModel: "fake-model", contextWindow: 8000, inputUsdPerMTok: 1, outputUsdPerMTok: 1, enabled: true });
    const channel = new MessageChannel();
    cleanups.push(() => channel.port1.close());
    serveGatewayFront(channel.port1, () => h.services);
    const origin = await listen(createGatewayFront(channel.port2));

    const controller = new AbortController();
    const response = await fetch(`${origin}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${h.services.apiKeys.create({ name: "t" }).key}` },
      body: JSON.stringify({ model: "slow-model", stream: true, messages: [{ role: "user", content: "take your time" }] }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("Hi");
    controller.abort();
    const task = await waitForTask(h, response.headers.get("x-ensemble-task-id") ?? "");
    expect(task.status).toBe("cancelled");
  }, 15_000);
});
