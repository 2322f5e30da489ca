import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors";
import type { GenerateRequest, StreamPart } from "../spec";
import { byPrompt, createManualClock, createScriptedClient, createSeededRandom } from "./index";

const ask = (content: string, signal?: AbortSignal): GenerateRequest => ({ messages: [{ role: "user", content }], signal });

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

describe("createManualClock", () => {
  it("auto mode fires sleepers in deadline order without wall time", async () => {
    const clock = createManualClock({ start: 1000 });
    const order: string[] = [];
    await Promise.all([clock.sleep(50).then(() => order.push(`a@${clock.now()}`)), clock.sleep(10).then(() => order.push(`b@${clock.now()}`))]);
    expect(order).toEqual(["b@1010", "a@1050"]);
  });

  it("manual mode moves only on advance", async () => {
    const clock = createManualClock({ auto: false });
    let woke = false;
    void clock.sleep(100).then(() => (woke = true));
    await clock.advance(99);
    expect(woke).toBe(false);
    await clock.advance(1);
    expect(woke).toBe(true);
    expect(clock.now()).toBe(100);
  });

  it("rejects a sleep when its signal aborts", async () => {
    const clock = createManualClock({ auto: false });
    const controller = new AbortController();
    const sleeping = clock.sleep(100, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
    expect(clock.pending()).toBe(0);
  });
});

describe("createSeededRandom", () => {
  it("repeats per seed and stays in [0, 1)", () => {
    const a = createSeededRandom(7);
    const b = createSeededRandom(7);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createSeededRandom(8).next()).not.toBe(xs[0]);
  });
});

describe("createScriptedClient", () => {
  it("answers by call index, repeating the last entry, and records calls", async () => {
    const client = createScriptedClient("m", [{ text: "one" }, { text: "two" }]);
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push((await client.generate(ask("q"))).text);
    expect(texts).toEqual(["one", "two", "two"]);
    expect(client.calls).toHaveLength(3);
  });

  it("answers by prompt predicate", async () => {
    const client = createScriptedClient("m", byPrompt([{ when: /capital/, reply: { text: "Paris" } }], { text: "?" }));
    expect((await client.generate(ask("capital of France?"))).text).toBe("Paris");
    expect((await client.generate(ask("hi"))).text).toBe("?");
  });

  it("streams deltas and a finish part with estimated usage", async () => {
    const parts = await collect(createScriptedClient("m", { text: "abcdef", chunks: 3 }).stream(ask("12345678")));
    expect(parts.slice(0, 3)).toEqual([{ type: "text-delta", text: "ab" }, { type: "text-delta", text: "cd" }, { type: "text-delta", text: "ef" }]);
    expect(parts[3]).toMatchObject({ type: "finish", result: { text: "abcdef", usage: { inputTokens: 6, outputTokens: 2 }, finishReason: "stop" } });
  });

  it("cuts a stream: deltas, then no finish part", async () => {
    const parts = await collect(createScriptedClient("m", { cut: "partial" }).stream(ask("q")));
    expect(parts.every((p) => p.type === "text-delta")).toBe(true);
    await expect(createScriptedClient("m", { cut: "partial" }).generate(ask("q"))).rejects.toMatchObject({ kind: "cut-stream" });
  });

  it("fails with the scripted error", async () => {
    const error = new ProviderError("rate-limit", "slow", 429, 100);
    await expect(createScriptedClient("m", { error }).generate(ask("q"))).rejects.toBe(error);
    await expect(collect(createScriptedClient("m", { error }).stream(ask("q")))).rejects.toBe(error);
  });

  it("delays on the clock and reports latency", async () => {
    const clock = createManualClock();
    const result = await createScriptedClient("m", { text: "x", delayMs: 250 }, { clock }).generate(ask("q"));
    expect(result.latencyMs).toBe(250);
    expect(clock.now()).toBe(250);
  });

  it("hangs until aborted", async () => {
    const controller = new AbortController();
    const pending = createScriptedClient("m", { hang: true }).generate(ask("q", controller.signal));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: "aborted" });
  });
});
