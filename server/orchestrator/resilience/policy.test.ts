import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors";
import { createManualClock, createSeededRandom } from "../testing";
import { createModelGuard } from "./guard";
import { callWithResilience, DEFAULT_RESILIENCE, retryDelayMs, type ResilienceOptions } from "./policy";
import type { AttemptProgress } from "./timeout";

const options: ResilienceOptions = { ...DEFAULT_RESILIENCE, baseDelayMs: 100 };

function failing(errors: ProviderError[], value = "ok") {
  let calls = 0;
  const fn = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return value;
  };
  return { fn, calls: () => calls };
}

describe("retryDelayMs", () => {
  it("doubles from the base and honours Retry-After on 429", () => {
    const server = new ProviderError("server", "x", 500);
    expect([1, 2, 3].map((n) => retryDelayMs(n, server, options))).toEqual([100, 200, 400]);
    expect(retryDelayMs(1, new ProviderError("rate-limit", "x", 429, 1234), options)).toBe(1234);
    expect(retryDelayMs(1, new ProviderError("rate-limit", "x", 429, 10 ** 9), options)).toBe(options.maxDelayMs);
  });

  it("jitters within ±25% when given randomness, deterministically per seed", () => {
    const server = new ProviderError("server", "x", 500);
    const a = retryDelayMs(1, server, options, createSeededRandom(1));
    expect(a).toBeGreaterThanOrEqual(75);
    expect(a).toBeLessThanOrEqual(125);
    expect(retryDelayMs(1, server, options, createSeededRandom(1))).toBe(a);
  });
});

describe("callWithResilience", () => {
  it("retries 5xx, timeouts and network errors up to twice, backing off on the clock", async () => {
    const clock = createManualClock();
    const script = failing([new ProviderError("server", "500", 500), new ProviderError("network", "reset")]);
    const retries: Array<[number, string, number]> = [];
    const value = await callWithResilience(script.fn, {
      modelId: "m",
      clock,
      options,
      onRetry: (attempt, error, delay) => retries.push([attempt, error.message, delay]),
    });
    expect(value).toBe("ok");
    expect(retries).toEqual([[1, "500", 100], [2, "reset", 200]]);
    expect(clock.now()).toBe(300);
  });

  it("gives up with the last error after two retries", async () => {
    const e = new ProviderError("server", "down", 503);
    const script = failing([e, e, e, e]);
    await expect(callWithResilience(script.fn, { modelId: "m", clock: createManualClock(), options })).rejects.toBe(e);
    expect(script.calls()).toBe(3);
  });

  it.each(["bad-request", "auth", "cut-stream", "bad-response"] as const)("does not retry %s", async (kind) => {
    const script = failing([new ProviderError(kind, kind)]);
    await expect(callWithResilience(script.fn, { modelId: "m", clock: createManualClock(), options })).rejects.toMatchObject({ kind });
    expect(script.calls()).toBe(1);
  });

  it("lets the caller veto a retry (e.g. no latency budget left for the delay)", async () => {
    const script = failing([new ProviderError("rate-limit", "429", 429, 5000)]);
    await expect(
      callWithResilience(script.fn, { modelId: "m", clock: createManualClock(), options, canRetry: (_e, delay) => delay < 1000 }),
    ).rejects.toMatchObject({ kind: "rate-limit" });
    expect(script.calls()).toBe(1);
  });

  it("times out each attempt on the clock and aborts the attempt's signal", async () => {
    const clock = createManualClock();
    const signals: AbortSignal[] = [];
    const hang = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>(() => undefined);
    };
    await expect(callWithResilience(hang, { modelId: "m", clock, options: { ...options, maxRetries: 0, timeoutMs: 250 } })).rejects.toMatchObject({
      kind: "timeout",
      message: "m timed out after 250 ms",
    });
    expect(signals[0]?.aborted).toBe(true);
    expect(clock.now()).toBe(250);
  });

  it("uses the tighter of the model's timeout and the caller's deadline; a cut-off by the deadline is kind deadline, not retried", async () => {
    const clock = createManualClock();
    let calls = 0;
    const hang = () => (calls++, new Promise<string>(() => undefined));
    await expect(callWithResilience(hang, { modelId: "m", clock, options, deadlineMs: () => 40 })).rejects.toMatchObject({
      kind: "deadline",
      message: "m: stopped after 40ms, when the task's latency budget (maxLatencyMs) ran out; not the model's own limit",
    });
    expect(clock.now()).toBe(40);
    expect(calls).toBe(1); // retries were left, but a deadline is not retried
  });

  it("keeps the model's own timeout a timeout when the deadline is no tighter", async () => {
    const clock = createManualClock();
    const hang = () => new Promise<string>(() => undefined);
    const own = { ...options, maxRetries: 0, timeoutMs: 100 };
    await expect(callWithResilience(hang, { modelId: "m", clock, options: own, deadlineMs: 100 })).rejects.toMatchObject({ kind: "timeout", message: "m timed out after 100 ms" });
    await expect(callWithResilience(hang, { modelId: "m", clock, options: own, deadlineMs: 5000 })).rejects.toMatchObject({ kind: "timeout" });
  });

  it("reads the deadline before each attempt: a retry that the rest of the budget cuts short is a deadline", async () => {
    const clock = createManualClock();
    const start = clock.now();
    const hang = () => new Promise<string>(() => undefined);
    const retried: string[] = [];
    await expect(
      callWithResilience(hang, {
        modelId: "m",
        clock,
        options: { ...options, baseDelayMs: 1, timeoutMs: 100 },
        deadlineMs: () => 150 - (clock.now() - start),
        onRetry: (_attempt, error) => retried.push(error.kind),
      }),
    ).rejects.toMatchObject({ kind: "deadline" });
    expect(retried).toEqual(["timeout"]);
    expect(clock.now() - start).toBe(150);
  });

  it("stops at once on abort, even during a backoff", async () => {
    const clock = createManualClock({ auto: false });
    const controller = new AbortController();
    const script = failing([new ProviderError("server", "500", 500)]);
    const running = callWithResilience(script.fn, { modelId: "m", clock, options, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    expect(clock.pending()).toBe(1); // the backoff sleep
    controller.abort();
    await expect(running).rejects.toMatchObject({ kind: "aborted" });
    expect(script.calls()).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it("does not leave a timeout sleeper behind after a fast success", async () => {
    const clock = createManualClock({ auto: false });
    await callWithResilience(async () => "fast", { modelId: "m", clock, options });
    expect(clock.pending()).toBe(0);
    expect(clock.now()).toBe(0);
  });
});

describe("callWithResilience: first-token deadline", () => {
  it("times out a stream that sends no first token, long before the total timeout", async () => {
    const clock = createManualClock();
    const silent = (signal: AbortSignal) => new Promise<string>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    await expect(
      callWithResilience(silent, { modelId: "m", clock, options: { ...options, maxRetries: 0, timeoutMs: 10_000, firstTokenTimeoutMs: 300 } }),
    ).rejects.toMatchObject({ kind: "timeout", message: "m sent no first token within 300 ms" });
    expect(clock.now()).toBe(300);
  });

  it("lifts the first-token deadline once text arrives; the total timeout still holds", async () => {
    const clock = createManualClock();
    const trickle = async (signal: AbortSignal, progress: AttemptProgress) => {
      await clock.sleep(100, signal);
      progress.firstToken();
      await clock.sleep(5000, signal);
      return "late but whole";
    };
    const opts = { ...options, maxRetries: 0, timeoutMs: 10_000, firstTokenTimeoutMs: 300 };
    await expect(callWithResilience(trickle, { modelId: "m", clock, options: opts })).resolves.toBe("late but whole");
    expect(clock.now()).toBe(5100);
    await expect(callWithResilience(trickle, { modelId: "m", clock, options: { ...opts, timeoutMs: 2000 } })).rejects.toMatchObject({
      message: "m timed out after 2000 ms",
    });
  });
});

describe("callWithResilience: through a model guard", () => {
  const breaker = { consecutiveFailures: 2, failureRatio: null, window: 10, halfOpenAfterMs: 5000 };

  it("stops retrying as soon as a failure opens the breaker, reporting the transition", async () => {
    const clock = createManualClock();
    const guard = createModelGuard("m", { breaker, bulkhead: { maxConcurrent: 4, maxQueued: 4 } }, { clock });
    const script = failing([new ProviderError("server", "500", 500), new ProviderError("server", "500 again", 500), new ProviderError("server", "never", 500)]);
    const retries: number[] = [];
    const transitions: string[] = [];
    await expect(
      callWithResilience(script.fn, {
        modelId: "m",
        clock,
        options: { ...options, maxRetries: 5 },
        guard,
        onRetry: (attempt) => retries.push(attempt),
        onBreakerChange: (t) => transitions.push(`${t.from}→${t.to}@${t.nextProbeAt}`),
      }),
    ).rejects.toMatchObject({ kind: "server", message: "500 again" });
    expect(script.calls()).toBe(2);
    expect(retries).toEqual([1]);
    expect(transitions).toEqual([`closed→open@${clock.now() + 5000}`]);
  });

  it("does not count deadline cut-offs against the model: its breaker stays closed", async () => {
    const clock = createManualClock();
    const guard = createModelGuard("m", { breaker, bulkhead: { maxConcurrent: 4, maxQueued: 4 } }, { clock });
    const slow = async (signal: AbortSignal) => {
      await clock.sleep(200, signal);
      return "fine";
    };
    for (let i = 0; i < 5; i++) {
      await expect(callWithResilience(slow, { modelId: "m", clock, options, guard, deadlineMs: 50 })).rejects.toMatchObject({ kind: "deadline" });
    }
    expect(guard.snapshot()).toMatchObject({ state: "closed", failures: 0 });
    await expect(callWithResilience(slow, { modelId: "m", clock, options, guard })).resolves.toBe("fine");
  });

  it("never retries a circuit-open refusal", async () => {
    const clock = createManualClock();
    const guard = createModelGuard("m", { breaker: { ...breaker, consecutiveFailures: 1 }, bulkhead: { maxConcurrent: 4, maxQueued: 4 } }, { clock });
    await guard.execute(() => Promise.reject(new ProviderError("network", "reset"))).catch(() => undefined);
    const script = failing([]);
    await expect(callWithResilience(script.fn, { modelId: "m", clock, options, guard })).rejects.toMatchObject({ kind: "circuit-open" });
    expect(script.calls()).toBe(0);
  });
});
