import { describe, expect, it } from "vitest";
import { DomainError, InvalidInputError } from "../../errors";
import { CAPABILITIES, type Capability, type ModelCapabilities } from "../../spec";
import { createManualClock } from "../../testing/clock";
import { createSeededRandom } from "../../testing/random";
import type { ProbeItem, ProbeOutcome, Prober, ProbeSource } from "./ports";
import type { DiscoveryProgress } from "./progress";
import { assertDiscovered, mergeDiscovered } from "./result";
import { runDiscovery, type DiscoveryOptions } from "./run-discovery";
import { bernoulliProber, listSource, type HiddenModel } from "./test-support/hidden-skill";

type Cap = "math" | "code" | "chat";
const CAPS: readonly Cap[] = ["math", "code", "chat"];

const sourcesFor = (size = 500): Record<Cap, ProbeSource> => ({ math: listSource("math", size), code: listSource("code", size), chat: listSource("chat", size) });

function hidden(skills: Partial<Record<Capability, number>>, seed = 11): HiddenModel {
  return { id: "m", seed, skills: { ...(Object.fromEntries(CAPABILITIES.map((c) => [c, 0.5])) as Record<Capability, number>), ...skills } };
}

function options(prober: Prober, extra: Partial<DiscoveryOptions<Cap, ProbeItem>> = {}): DiscoveryOptions<Cap, ProbeItem> {
  return { model: { id: "m" }, capabilities: CAPS, sources: sourcesFor(), prober, random: createSeededRandom(3), ...extra };
}

/** A prober that answers by a rule on the item id, counting calls and the most in flight at once. */
function scripted(rule: (id: string, call: number) => ProbeOutcome, delayMs = 0) {
  const stats = { calls: 0, inFlight: 0, maxInFlight: 0, ids: [] as string[] };
  const prober: Prober = {
    async probe(item) {
      stats.calls += 1;
      stats.ids.push(item.id);
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      stats.inFlight -= 1;
      return rule(item.id, stats.calls);
    },
  };
  return { prober, stats };
}

describe("runDiscovery: adaptive probing", () => {
  it("stops a near-certain capability early and spends the probes where the skill is uncertain", async () => {
    const model = hidden({ math: 0.98, code: 0.5, chat: 0.75 });
    const result = await runDiscovery(options(bernoulliProber(model), { budgetProbes: Number.POSITIVE_INFINITY }));
    const { math, code, chat } = result.capabilities;
    console.log(`probes: math(0.98) ${math.probes}, chat(0.75) ${chat.probes}, code(0.5) ${code.probes}`);
    expect(math.stopReason).toBe("target");
    expect(math.high - math.low).toBeLessThanOrEqual(0.2);
    expect(math.probes).toBeLessThan(chat.probes);
    expect(chat.probes).toBeLessThan(code.probes);
    expect(code.probes).toBeLessThanOrEqual(80);
    expect(result.probesUsed).toBe(math.probes + code.probes + chat.probes);
    expect(result.status).toBe("complete");
  });

  it("reports counts, posterior, latency and cost per capability", async () => {
    const result = await runDiscovery(options(bernoulliProber(hidden({ math: 0.7 }))));
    const math = result.capabilities.math;
    expect(math.passes + math.failures).toBe(math.probes);
    expect(math.alpha).toBe(1 + math.passes);
    expect(math.beta).toBe(1 + math.failures);
    expect(math.mean).toBeCloseTo(math.alpha / (math.alpha + math.beta), 15);
    expect(math.latencyMsAvg).toBe(100);
    expect(math.costUsdTotal).toBeCloseTo(math.probes * 1e-5, 12);
  });

  it("keeps within the budget, closing what is still open as 'budget'", async () => {
    const result = await runDiscovery(options(bernoulliProber(hidden({})), { budgetProbes: 45 }));
    expect(result.probesUsed).toBe(45);
    for (const cap of CAPS) expect(result.capabilities[cap].stopReason).toBe("budget");
    // the level start and the greedy rule spread the budget evenly over three equally uncertain capabilities
    for (const cap of CAPS) expect(result.capabilities[cap].probes).toBeGreaterThanOrEqual(13);
  });

  it("defaults the budget to 40 graded probes per capability", async () => {
    const result = await runDiscovery(options(bernoulliProber(hidden({}))));
    expect(result.probesUsed).toBe(120);
  });

  it("stops a capability whose suite runs dry", async () => {
    const result = await runDiscovery(options(bernoulliProber(hidden({})), { sources: { ...sourcesFor(), chat: listSource("chat", 7) } }));
    expect(result.capabilities.chat.stopReason).toBe("exhausted");
    expect(result.capabilities.chat.probes).toBe(7);
  });

  it("is deterministic under a seed", async () => {
    const run = () => runDiscovery(options(bernoulliProber(hidden({ code: 0.3 })), { random: createSeededRandom(9) }));
    expect(await run()).toEqual(await run());
  });

  it("never asks the same item twice, also with probes in flight concurrently", async () => {
    const rule = (id: string): ProbeOutcome => ({ pass: !id.endsWith("1"), latencyMs: 5, costUsd: 0 });
    const serial = await runDiscovery(options(scripted(rule).prober));
    const { prober, stats } = scripted(rule, 1);
    const parallel = await runDiscovery(options(prober, { concurrency: 4 }));
    expect(stats.maxInFlight).toBe(4);
    expect(new Set(stats.ids).size).toBe(stats.ids.length);
    // a probe launched before its capability closed still counts: at most concurrency − 1 more per capability
    for (const cap of CAPS) {
      expect(Math.abs(parallel.capabilities[cap].probes - serial.capabilities[cap].probes)).toBeLessThanOrEqual(3);
    }
    expect(parallel.probesUsed).toBeLessThanOrEqual(120);
  });
});

describe("runDiscovery: progress events", () => {
  it("reports every probe with an estimate, and a bar that only moves forward and ends full", async () => {
    const events: DiscoveryProgress[] = [];
    const result = await runDiscovery(options(bernoulliProber(hidden({ math: 0.97 })), { onProgress: (e) => events.push(e) }));
    const results = events.filter((e) => e.kind === "result");
    expect(results).toHaveLength(result.probesUsed);
    results.forEach((e, i) => expect(e.itemsDone).toBe(i + 1));
    let ratio = 0;
    for (const e of events) {
      expect(e.itemsDone).toBeLessThanOrEqual(e.itemsTotal);
      expect(e.itemsDone / e.itemsTotal).toBeGreaterThanOrEqual(ratio);
      ratio = e.itemsDone / e.itemsTotal;
      expect(e.estimate.low).toBeLessThanOrEqual(e.estimate.mean);
      expect(e.estimate.mean).toBeLessThanOrEqual(e.estimate.high);
    }
    expect(ratio).toBe(1);
    // every capability's close is announced exactly once
    for (const cap of CAPS) expect(events.filter((e) => e.capability === cap && e.done).length).toBeGreaterThanOrEqual(1);
    const lastOfMath = events.filter((e) => e.capability === "math").at(-1);
    expect(lastOfMath).toMatchObject({ done: true, stopReason: result.capabilities.math.stopReason, probesDone: result.capabilities.math.probes });
  });
});

describe("runDiscovery: broken items and failing providers", () => {
  it("skips broken items, listing their ids, without counting them as results", async () => {
    const events: DiscoveryProgress[] = [];
    const { prober } = scripted((id) => (id.endsWith("3") ? { broken: true, detail: `no key for ${id}` } : { pass: true, latencyMs: 1, costUsd: 0 }));
    const result = await runDiscovery(options(prober, { capabilities: ["math"], sources: sourcesFor(), onProgress: (e) => events.push(e) }));
    const math = result.capabilities.math;
    expect(math.broken.length).toBeGreaterThan(0);
    expect(math.broken.every((id) => id.endsWith("3"))).toBe(true);
    expect(math.failures).toBe(0);
    expect(math.alpha).toBe(1 + math.probes);
    expect(events.find((e) => e.kind === "broken")).toMatchObject({ capability: "math", itemId: "math-3", detail: "no key for math-3" });
    expect(result.callsMade).toBe(math.probes + math.broken.length);
  });

  it("closes a capability whose every item is broken, and measures the others", async () => {
    const { prober } = scripted((id) => (id.startsWith("chat") ? { broken: true, detail: "grader crashed" } : { pass: false, latencyMs: 1, costUsd: 0 }));
    const result = await runDiscovery(options(prober, { maxProbesPerCapability: 30 }));
    expect(result.capabilities.chat.stopReason).toBe("broken-suite");
    expect(result.capabilities.chat.broken).toHaveLength(30);
    expect(result.capabilities.math.probes).toBeGreaterThan(0);
    expect(result.status).toBe("complete");
  });

  it("ends the run with the provider's message after 5 failed calls in a row", async () => {
    const message = "HTTP 401: Incorrect API key provided";
    const { prober, stats } = scripted(() => ({ error: message }));
    const result = await runDiscovery(options(prober));
    expect(stats.calls).toBe(5);
    expect(result.status).toBe("failed");
    expect(result.failure).toEqual({ message, consecutiveErrors: 5 });
    expect(result.errors).toHaveLength(5);
    expect(result.errors[0]?.message).toBe(message);
    for (const cap of CAPS) expect(result.capabilities[cap].stopReason).toBe("failed");
    expect(() => assertDiscovered(result)).toThrow(DomainError);
    expect(() => assertDiscovered(result)).toThrow(/5 failed calls in a row: HTTP 401: Incorrect API key provided/);
  });

  it("treats a throwing prober like one that reported the error", async () => {
    const prober: Prober = {
      probe: async () => {
        throw new Error("socket hang up");
      },
    };
    const result = await runDiscovery(options(prober, { maxConsecutiveErrors: 3 }));
    expect(result.failure?.message).toBe("socket hang up");
    expect(result.callsMade).toBe(3);
  });

  it("rides out occasional errors: only consecutive ones end the run", async () => {
    const { prober } = scripted((_, call) => (call % 3 === 0 ? { error: "HTTP 500: overloaded" } : { pass: call % 2 === 0, latencyMs: 1, costUsd: 0 }));
    const result = await runDiscovery(options(prober));
    expect(result.status).toBe("complete");
    expect(result.probesUsed).toBe(120);
    expect(result.errors.length).toBeGreaterThan(50);
    expect(assertDiscovered(result)).toBe(result);
  });

  it("waits out a 429's Retry-After on the clock before the next call", async () => {
    const clock = createManualClock();
    const { prober } = scripted((_, call) => (call === 1 ? { error: "HTTP 429: slow down", retryAfterMs: 2500 } : { pass: true, latencyMs: 1, costUsd: 0 }));
    const result = await runDiscovery(options(prober, { clock, capabilities: ["math"], budgetProbes: 20 }));
    expect(result.elapsedMs).toBe(2500);
    expect(result.errors).toEqual([{ capability: "math", itemId: "math-0", message: "HTTP 429: slow down" }]);
  });

  it("closes a capability whose source throws and keeps measuring the rest", async () => {
    const crashing: ProbeSource = {
      capability: "code",
      nextItem: () => {
        throw new Error("suite file missing");
      },
    };
    const result = await runDiscovery(options(bernoulliProber(hidden({})), { sources: { ...sourcesFor(), code: crashing } }));
    expect(result.capabilities.code.stopReason).toBe("broken-suite");
    expect(result.errors[0]?.message).toBe("probe source failed: suite file missing");
    expect(result.capabilities.math.probes).toBeGreaterThan(0);
  });

  it("stops launching when cancelled and says so", async () => {
    const controller = new AbortController();
    const { prober, stats } = scripted((_, call) => {
      if (call === 10) controller.abort();
      return { pass: true, latencyMs: 1, costUsd: 0 };
    });
    const result = await runDiscovery(options(prober, { signal: controller.signal }));
    expect(result.status).toBe("cancelled");
    expect(stats.calls).toBe(10);
    expect(Object.values(result.capabilities).every((c) => c.stopReason === "cancelled")).toBe(true);
  });
});

describe("runDiscovery: input checks", () => {
  const prober = bernoulliProber(hidden({}));
  it.each([
    [{ targetWidth: 0 }, /targetWidth/],
    [{ maxProbesPerCapability: 0 }, /maxProbesPerCapability/],
    [{ minProbesPerCapability: 50, maxProbesPerCapability: 10 }, /minProbesPerCapability/],
    [{ budgetProbes: -1 }, /budgetProbes/],
    [{ prior: { alpha: 0, beta: 1 } }, /prior/],
    [{ capabilities: [] as Cap[] }, /capabilities/],
    [{ capabilities: ["math", "math"] as Cap[] }, /capabilities/],
    [{ sources: { ...sourcesFor(), chat: listSource("code") } }, /sources\.chat/],
  ] as const)("rejects %o", async (extra, field) => {
    await expect(runDiscovery(options(prober, extra))).rejects.toThrow(InvalidInputError);
    await expect(runDiscovery(options(prober, extra))).rejects.toThrow(field);
  });

  it("accepts an unbounded budget", async () => {
    const result = await runDiscovery(options(prober, { budgetProbes: Number.POSITIVE_INFINITY, capabilities: ["math"] }));
    expect(result.capabilities.math.stopReason).not.toBe("budget");
  });
});

describe("mergeDiscovered", () => {
  it("writes discovered posteriors over the profile, except manual overrides and unprobed capabilities", async () => {
    const result = await runDiscovery(options(bernoulliProber(hidden({ math: 0.9 })), { sources: { ...sourcesFor(), chat: listSource("chat", 0) } }));
    const previous = Object.fromEntries(CAPABILITIES.map((c) => [c, { alpha: 4, beta: 4, mean: 0.5, source: "seed" as const }])) as ModelCapabilities;
    previous.code = { alpha: 4, beta: 4, mean: 0.8, source: "manual" };
    const merged = mergeDiscovered(previous, result);
    expect(merged.math).toEqual({ alpha: result.capabilities.math.alpha, beta: result.capabilities.math.beta, mean: result.capabilities.math.mean, source: "discovered" });
    expect(merged.code).toBe(previous.code);
    expect(merged.chat).toBe(previous.chat);
    expect(merged.writing).toBe(previous.writing);
  });
});
