import { describe, expect, it } from "vitest";
import { AnswerKeyBook, builtinAnswerKeys } from "@/server/orchestrator/discovery/answer-keys";
import { ProviderError } from "@/server/orchestrator/errors";
import { CAPABILITIES, type Capability, type FaultProfile, type GenerateRequest, type ModelClient, type ModelSpec, type SimulatedConfig, type StreamPart } from "@/server/orchestrator/spec";
import { createSimulatedClient } from "./simulated";
import type { Sleep } from "./simulation/sleep";

const NO_FAULTS: FaultProfile = { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 };

function simulatedSpec(config: Partial<SimulatedConfig> = {}, id = "sim-test"): ModelSpec {
  return {
    id,
    name: id,
    providerId: "builtin",
    providerKind: "simulated",
    remoteModel: id,
    contextWindow: 32_000,
    pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
    enabled: true,
    simulated: {
      seed: 7,
      skills: {},
      latency: { ttftMs: 300, tokensPerSec: 50, jitter: 0 },
      faults: NO_FAULTS,
      ...config,
    },
  };
}

function uniformSkills(skill: number): SimulatedConfig["skills"] {
  return Object.fromEntries(CAPABILITIES.map((c) => [c, skill])) as Record<Capability, number>;
}

/** A sleep that returns at once and remembers what it was asked for. */
function recordingSleep(): { sleep: Sleep; requested: number[] } {
  const requested: number[] = [];
  return { requested, sleep: async (ms) => void requested.push(ms) };
}

const instantly: Sleep = async () => {};
const ask = (content: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({ messages: [{ role: "user", content }], ...extra });

async function collect(client: ModelClient, request: GenerateRequest): Promise<{ parts: StreamPart[]; error?: unknown }> {
  const parts: StreamPart[] = [];
  try {
    for await (const part of client.stream(request)) parts.push(part);
    return { parts };
  } catch (error) {
    return { parts, error };
  }
}

async function outcome(promise: Promise<unknown>): Promise<ProviderError | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => {
      if (!(error instanceof ProviderError)) throw error;
      return error;
    },
  );
}

describe("simulated provider: answers keyed questions with its hidden skill", () => {
  const keys = builtinAnswerKeys.keys();

  it("has at least 2,000 keyed questions to measure on", () => {
    expect(keys.length).toBeGreaterThanOrEqual(2000);
  });

  for (const skill of [0.1, 0.35, 0.6, 0.85, 0.95]) {
    it(`observes accuracy within 3 points of a skill of ${skill}`, async () => {
      const client = createSimulatedClient(simulatedSpec({ seed: 1234, skills: uniformSkills(skill) }), { sleep: instantly });
      let correct = 0;
      for (const key of keys) {
        const result = await client.generate(ask(key.prompt));
        const right = result.text === key.answer;
        if (!right) expect(key.wrongAnswers).toContain(result.text);
        expect(result.simulatedTruth).toEqual({ correct: right, capability: key.capability });
        if (right) correct++;
      }
      const observed = correct / keys.length;
      console.log(`simulated accuracy: skill ${skill.toFixed(2)} → observed ${observed.toFixed(4)} over ${keys.length} keyed questions`);
      expect(Math.abs(observed - skill)).toBeLessThanOrEqual(0.03);
    });
  }

  it("uses each capability's own skill, and the default for capabilities left out", async () => {
    const client = createSimulatedClient(simulatedSpec({ seed: 99, skills: { math: 0.9 } }), { sleep: instantly });
    const accuracy = async (capability: Capability) => {
      const subset = builtinAnswerKeys.keys(capability);
      let correct = 0;
      for (const key of subset) if ((await client.generate(ask(key.prompt))).text === key.answer) correct++;
      return correct / subset.length;
    };
    const math = await accuracy("math");
    const knowledge = await accuracy("knowledge");
    console.log(`per-capability: math skill 0.90 → ${math.toFixed(4)}; knowledge default 0.20 → ${knowledge.toFixed(4)} (85 questions)`);
    expect(Math.abs(math - 0.9)).toBeLessThanOrEqual(0.03);
    expect(knowledge).toBeLessThan(0.4);
  });

  it("gives templated replies to other prompts, with hidden correctness drawn from the hinted skill", async () => {
    const client = createSimulatedClient(simulatedSpec({ seed: 5, skills: { writing: 0.7 } }), { sleep: instantly });
    let correct = 0;
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const result = await client.generate(ask(`Write a short poem about lighthouse number ${i} on a stormy coast.`, { capabilityHint: "writing" }));
      expect(result.simulatedTruth?.capability).toBe("writing");
      expect(result.text.length).toBeGreaterThan(60);
      if (result.simulatedTruth?.correct) correct++;
    }
    console.log(`templated replies: writing skill 0.70 → hidden correctness ${(correct / n).toFixed(4)} over ${n} prompts`);
    expect(Math.abs(correct / n - 0.7)).toBeLessThanOrEqual(0.03);
    const chat = await client.generate(ask("How are you today?"));
    expect(chat.simulatedTruth?.capability).toBe("chat");
  });

  it("follows the orchestrator's format instructions", async () => {
    const client = createSimulatedClient(simulatedSpec({ skills: uniformSkills(1) }), { sleep: instantly });
    const json = await client.generate({
      messages: [
        { role: "system", content: "Reply with valid JSON only: no prose and no code fences." },
        { role: "user", content: "Extract the name and age from: Ann is 31." },
      ],
      capabilityHint: "extraction",
    });
    expect(() => JSON.parse(json.text)).not.toThrow();
    const code = await client.generate(ask("Implement a function that sums a list", { capabilityHint: "code" }));
    expect(code.text).toMatch(/```\w+\n[\s\S]+\n```/);
    const key = builtinAnswerKeys.keys("math")[0];
    const short = await client.generate({
      messages: [
        { role: "system", content: "Be brief. End with a final line of the form 'Answer: <answer>'." },
        { role: "user", content: key?.prompt ?? "" },
      ],
    });
    expect(short.text).toBe(`Answer: ${key?.answer}`);
  });

  it("estimates token usage at about four characters a token, and stops at maxOutputTokens", async () => {
    const client = createSimulatedClient(simulatedSpec(), { sleep: instantly });
    const result = await client.generate(ask("Tell me about the history of tea in a few sentences.", { capabilityHint: "knowledge" }));
    expect(result.usage.outputTokens).toBe(Math.ceil(result.text.length / 4));
    expect(result.usage.inputTokens).toBeGreaterThanOrEqual(Math.ceil("Tell me about the history of tea in a few sentences.".length / 4));
    const capped = await client.generate(ask("Tell me about the history of tea in a few sentences.", { maxOutputTokens: 5 }));
    expect(capped.finishReason).toBe("length");
    expect(capped.text.length).toBeLessThanOrEqual(20);
  });

  it("answers from a custom answer-key book", async () => {
    const book = new AnswerKeyBook();
    book.register({ capability: "reasoning", prompt: "Is a whale a fish?", answer: "no", wrongAnswers: ["yes"] });
    const client = createSimulatedClient(simulatedSpec({ skills: { reasoning: 1 } }), { sleep: instantly, answerKeys: book });
    expect(await client.generate(ask("is a whale a fish?"))).toMatchObject({ text: "no", simulatedTruth: { correct: true, capability: "reasoning" } });
  });
});

describe("simulated provider: determinism", () => {
  const prompts = [
    ...builtinAnswerKeys.keys().slice(0, 200).map((k) => k.prompt),
    "Summarise the plot of a heist film.",
    "Brainstorm names for a bakery",
  ];
  const faults: FaultProfile = { errorRate: 0.1, rateLimitRate: 0.1, timeoutRate: 0, cutStreamRate: 0.1 };

  async function run(seed: number): Promise<string[]> {
    const client = createSimulatedClient(simulatedSpec({ seed, skills: uniformSkills(0.5), faults, latency: { ttftMs: 200, tokensPerSec: 40, jitter: 0.5 } }), {
      sleep: instantly,
    });
    const transcript: string[] = [];
    for (const prompt of prompts) {
      const { parts, error } = await collect(client, ask(prompt, { capabilityHint: "summarization" }));
      const finish = parts.find((p) => p.type === "finish");
      transcript.push(error ? `error:${(error as ProviderError).kind}` : finish ? `${finish.result.text}@${finish.result.latencyMs}` : "cut");
    }
    return transcript;
  }

  it("replays the same answers, faults and latencies for the same seed", async () => {
    expect(await run(42)).toEqual(await run(42));
  });

  it("differs for another seed", async () => {
    const [a, b] = [await run(42), await run(43)];
    const differing = a.filter((entry, i) => entry !== b[i]).length;
    expect(differing).toBeGreaterThan(prompts.length / 4);
  });

  it("keeps an answer's verdict across retries while the fault stream moves on", async () => {
    const key = builtinAnswerKeys.keys("math")[3];
    if (!key) throw new Error("no keys");
    const client = createSimulatedClient(simulatedSpec({ seed: 3, skills: uniformSkills(0.5), faults: { ...NO_FAULTS, errorRate: 0.5 } }), { sleep: instantly });
    const answers = new Set<string>();
    let failures = 0;
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        answers.add((await client.generate(ask(key.prompt))).text);
      } catch {
        failures++;
      }
    }
    expect(answers.size).toBe(1);
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(35);
  });
});

describe("simulated provider: fault modes", () => {
  const CALLS = 2000;

  async function rateOf(faults: Partial<FaultProfile>, kind: ProviderError["kind"]): Promise<{ rate: number; sample?: ProviderError }> {
    const client = createSimulatedClient(simulatedSpec({ faults: { ...NO_FAULTS, ...faults } }), { sleep: instantly, maxHangMs: 1 });
    let hits = 0;
    let sample: ProviderError | undefined;
    for (let i = 0; i < CALLS; i++) {
      const error = await outcome(client.generate(ask(`question ${i}`)));
      if (error) {
        expect(error.kind).toBe(kind);
        sample = error;
        hits++;
      }
    }
    return { rate: hits / CALLS, sample };
  }

  it("fails with kind server at the error rate", async () => {
    const { rate, sample } = await rateOf({ errorRate: 0.2 }, "server");
    console.log(`fault: errorRate 0.20 → ${rate.toFixed(4)}`);
    expect(Math.abs(rate - 0.2)).toBeLessThanOrEqual(0.03);
    expect(sample).toMatchObject({ status: 500, retryable: true });
  });

  it("fails with kind rate-limit and a Retry-After at the 429 rate", async () => {
    const { rate, sample } = await rateOf({ rateLimitRate: 0.1 }, "rate-limit");
    console.log(`fault: rateLimitRate 0.10 → ${rate.toFixed(4)}`);
    expect(Math.abs(rate - 0.1)).toBeLessThanOrEqual(0.03);
    expect(sample?.status).toBe(429);
    expect(sample?.retryAfterMs).toBeGreaterThan(0);
  });

  it("hangs (here for the 1 ms max hang) and fails with kind timeout at the timeout rate", async () => {
    const { rate } = await rateOf({ timeoutRate: 0.15 }, "timeout");
    console.log(`fault: timeoutRate 0.15 → ${rate.toFixed(4)}`);
    expect(Math.abs(rate - 0.15)).toBeLessThanOrEqual(0.03);
  });

  it("cuts streams at the cut rate: some deltas, then the end without a finish part", async () => {
    const client = createSimulatedClient(simulatedSpec({ faults: { ...NO_FAULTS, cutStreamRate: 0.3 } }), { sleep: instantly });
    let cut = 0;
    const n = 1000;
    for (let i = 0; i < n; i++) {
      const { parts, error } = await collect(client, ask(`Describe city number ${i} in a few sentences.`));
      expect(error).toBeUndefined();
      const finish = parts.filter((p) => p.type === "finish");
      const deltas = parts.filter((p) => p.type === "text-delta");
      expect(deltas.length).toBeGreaterThan(0);
      if (finish.length === 0) cut++;
      else {
        expect(finish).toHaveLength(1);
        expect(parts.at(-1)?.type).toBe("finish");
      }
    }
    console.log(`fault: cutStreamRate 0.30 → ${(cut / n).toFixed(4)} of streams ended without a finish part`);
    expect(Math.abs(cut / n - 0.3)).toBeLessThanOrEqual(0.04);
  });

  it("fails a plain call with kind cut-stream when the cut fault fires", async () => {
    const client = createSimulatedClient(simulatedSpec({ faults: { ...NO_FAULTS, cutStreamRate: 1 } }), { sleep: instantly });
    expect((await outcome(client.generate(ask("hello"))))?.kind).toBe("cut-stream");
  });
});

describe("simulated provider: aborts", () => {
  it("aborts a hanging call (real timers) as soon as the signal fires", async () => {
    const client = createSimulatedClient(simulatedSpec({ faults: { ...NO_FAULTS, timeoutRate: 1 } }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error("step timed out")), 30);
    const error = await outcome(client.generate(ask("hello", { signal: controller.signal })));
    expect(error?.kind).toBe("aborted");
    expect(error?.message).toContain("step timed out");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("aborts a stream between deltas, even with a sleep that ignores the signal", async () => {
    const controller = new AbortController();
    const stubborn: Sleep = () => new Promise<void>(() => {});
    const client = createSimulatedClient(simulatedSpec({ latency: { ttftMs: 0, tokensPerSec: 10, jitter: 0 } }), { sleep: stubborn });
    const parts: StreamPart[] = [];
    let caught: unknown;
    try {
      for await (const part of client.stream(ask("Tell me a long story about dragons and knights.", { signal: controller.signal }))) {
        parts.push(part);
        controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(parts).toHaveLength(1);
    expect(caught).toMatchObject({ kind: "aborted" });
  });

  it("keeps the caller's ProviderError as the reason (the engine's timeout stays a timeout)", async () => {
    const client = createSimulatedClient(simulatedSpec({ faults: { ...NO_FAULTS, timeoutRate: 1 } }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new ProviderError("timeout", "step timed out after 20 ms")), 20);
    expect(await outcome(client.generate(ask("hello", { signal: controller.signal })))).toMatchObject({ kind: "timeout", message: "step timed out after 20 ms" });
  });

  it("rejects at once when the signal is already aborted", async () => {
    const client = createSimulatedClient(simulatedSpec(), { sleep: instantly });
    expect((await outcome(client.generate(ask("hi", { signal: AbortSignal.abort() }))))?.kind).toBe("aborted");
  });
});

describe("simulated provider: latency profile", () => {
  it("waits time-to-first-token plus output at tokens per second, and reports those durations", async () => {
    const { sleep, requested } = recordingSleep();
    const client = createSimulatedClient(simulatedSpec({ latency: { ttftMs: 500, tokensPerSec: 100, jitter: 0 } }), { sleep });
    const result = await client.generate(ask("Explain photosynthesis briefly."));
    const expected = 500 + Math.round((result.text.length / 4) * 10);
    expect(requested).toEqual([expected]);
    expect(result).toMatchObject({ latencyMs: expected, firstTokenMs: 500 });
  });

  it("paces a stream: the first delta after time-to-first-token, then each at the token rate", async () => {
    const { sleep, requested } = recordingSleep();
    const client = createSimulatedClient(simulatedSpec({ latency: { ttftMs: 250, tokensPerSec: 20, jitter: 0 } }), { sleep });
    const { parts } = await collect(client, ask("Explain photosynthesis in a few sentences."));
    const deltas = parts.filter((p): p is Extract<StreamPart, { type: "text-delta" }> => p.type === "text-delta");
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    expect(requested[0]).toBe(250);
    expect(requested.slice(1)).toEqual(deltas.slice(1).map((d) => Math.round((d.text.length / 4) * 50)));
    const finish = parts.at(-1);
    expect(finish?.type === "finish" && finish.result.latencyMs).toBe(requested.reduce((a, b) => a + b, 0));
    expect(finish?.type === "finish" && finish.result.text).toBe(deltas.map((d) => d.text).join(""));
  });

  it("jitters time-to-first-token within the configured band", async () => {
    const { sleep, requested } = recordingSleep();
    const client = createSimulatedClient(simulatedSpec({ latency: { ttftMs: 1000, tokensPerSec: 1_000_000, jitter: 0.3 } }), { sleep });
    const ttfts: number[] = [];
    for (let i = 0; i < 300; i++) ttfts.push((await client.generate(ask(`q${i}`))).firstTokenMs ?? -1);
    expect(Math.min(...ttfts)).toBeGreaterThanOrEqual(700);
    expect(Math.max(...ttfts)).toBeLessThanOrEqual(1300);
    expect(new Set(ttfts).size).toBeGreaterThan(100);
    expect(requested.length).toBe(300);
  });

  it("waits only the error delay for a fault, and the max hang for a timeout", async () => {
    const { sleep, requested } = recordingSleep();
    const client = createSimulatedClient(simulatedSpec({ latency: { ttftMs: 400, tokensPerSec: 50, jitter: 0 }, faults: { ...NO_FAULTS, errorRate: 1 } }), { sleep });
    await outcome(client.generate(ask("hi")));
    expect(requested).toEqual([100]);
    const hanging = createSimulatedClient(simulatedSpec({ faults: { ...NO_FAULTS, timeoutRate: 1 } }), { sleep, maxHangMs: 12_345 });
    expect((await outcome(hanging.generate(ask("hi"))))?.kind).toBe("timeout");
    expect(requested.at(-1)).toBe(12_345);
  });
});
