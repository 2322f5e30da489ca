import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RESILIENCE_SETTINGS } from "@/server/orchestrator/spec";
import { chatCompletionStream, openAiError, startFakeServer, type FakeServer } from "@/server/providers/testing/openai-fake-server";
import { createHarness, waitForTask, type Harness } from "../testing/harness";
import { createChatCompletions } from "./chat-completions";
import { fromNodeRequest, sendNodeReply } from "./node-adapter";
import { KEEP_ALIVE_LINE, type StreamTiming } from "./stream";
import { addOpenAiModel } from "./testing/fixtures";

/**
 * A stream whose first token is slow: the headers go out after the (here shortened) initial window, then
 * keep-alive comments until the first token; a failure after the window is an error event, not a status.
 */
const TIMING: StreamTiming = { headersWithinMs: 40, keepAliveEveryMs: 30 };
const FIRST_TOKEN_AFTER_MS = 400;

let h: Harness;
let slow: FakeServer;
let lateFail: FakeServer;
let quickFail: FakeServer;
let app: { origin: string; close(): Promise<void> };
let key: string;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));


beforeAll(async () => {
  h = await createHarness();
  slow = await startFakeServer({
    handler: async () => {
      await pause(FIRST_TOKEN_AFTER_MS);
      return chatCompletionStream(["slow ", "but ", "sure"]);
    },
  });
  lateFail = await startFakeServer({
    handler: async () => {
      await pause(FIRST_TOKEN_AFTER_MS);
      return openAiError(500, "upstream gave up");
    },
  });
  quickFail = await startFakeServer({ handler: () => openAiError(500, "upstream gave up") });
  const noRetries = { resilience: { ...DEFAULT_RESILIENCE_SETTINGS, maxRetries: 0 } };
  addOpenAiModel(h.services, "up-slow", slow.baseUrl, noRetries);
  addOpenAiModel(h.services, "up-late-fail", lateFail.baseUrl, noRetries);
  addOpenAiModel(h.services, "up-quick-fail", quickFail.baseUrl, noRetries);
  key = h.services.apiKeys.create({ name: "stream" }).key;
  const handler = createChatCompletions({ streamTiming: TIMING });
  const server = createServer((req, res) => {
    void handler(h.services, fromNodeRequest(req, res)).then((reply) => sendNodeReply(reply, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  app = {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
});

afterAll(async () => {
  await app?.close();
  await slow?.close();
  await lateFail?.close();
  await quickFail?.close();
});

/** The raw stream: when the headers came, and each piece of the body with when it came. */
async function rawStream(model: string) {
  const began = performance.now();
  const response = await fetch(`${app.origin}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "x-ensemble-cache": "off" },
    body: JSON.stringify({ model, messages: [{ role: "user", content: "take your time" }], stream: true }),
  });
  const headersAfterMs = performance.now() - began;
  const pieces: Array<{ text: string; atMs: number }> = [];
  const decoder = new TextDecoder();
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) pieces.push({ text: decoder.decode(bytes), atMs: performance.now() - began });
  return { response, headersAfterMs, body: pieces.map((p) => p.text).join(""), pieces };
}

describe("a stream whose first token is slow", () => {
  it("sends its headers after the initial window and keep-alive comments until the first token", async () => {
    const { response, headersAfterMs, body } = await rawStream("up-slow");
    expect(response.status).toBe(200);
    expect(headersAfterMs).toBeLessThan(FIRST_TOKEN_AFTER_MS);
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("x-request-id")).toBe(response.headers.get("x-ensemble-task-id"));
    const firstData = body.indexOf("data: ");
    const comments = body.slice(0, firstData).split(KEEP_ALIVE_LINE);
    // only keep-alives before the first chunk, at least two of them (headers at 40 ms, then every 30 ms until 400 ms)
    expect(comments.every((c) => c === "")).toBe(true);
    expect(comments.length - 1).toBeGreaterThanOrEqual(2);
    // none once the tokens flow
    expect(body.slice(firstData)).not.toContain(KEEP_ALIVE_LINE);
    expect(body.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("is read as usual by the openai client (comments are skipped)", async () => {
    const client = new OpenAI({ baseURL: `${app.origin}/v1`, apiKey: key, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "up-slow", messages: [{ role: "user", content: "slowly" }], stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("slow but sure");
  });

  it("reports a failure after the headers went out as an error event", async () => {
    const { response, body } = await rawStream("up-late-fail");
    expect(response.status).toBe(200);
    expect(body.startsWith(KEEP_ALIVE_LINE)).toBe(true);
    expect(body).toMatch(/data: \{"error":\{"message":"[^"]*upstream gave up/);
    expect(body).not.toContain("[DONE]");
    const task = await waitForTask(h, response.headers.get("x-ensemble-task-id") ?? "");
    expect(task.status).toBe("failed");
  });

  it("still answers a failure within the initial window with a real status", async () => {
    const { response, body } = await rawStream("up-quick-fail");
    expect(response.status).toBe(502);
    expect(response.headers.get("x-request-id")).toBe(response.headers.get("x-ensemble-task-id"));
    expect(JSON.parse(body)).toMatchObject({ error: { code: "upstream_error" } });
  });
});
