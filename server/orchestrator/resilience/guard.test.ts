import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors";
import type { BreakerSettings } from "../spec";
import { createManualClock } from "../testing";
import { createModelGuard, PROBE_RESERVATION_MS, type BreakerTransition } from "./guard";

const BREAKER: BreakerSettings = { consecutiveFailures: 3, failureRatio: null, window: 10, halfOpenAfterMs: 1000 };
const ROOMY = { maxConcurrent: 100, maxQueued: 100 };

const fail = (kind: ProviderError["kind"] = "server") => () => Promise.reject(new ProviderError(kind, `${kind} failure`, kind === "server" ? 500 : undefined));
const ok = () => Promise.resolve("ok");

async function settle<T>(promise: Promise<T>): Promise<T | ProviderError> {
  return promise.catch((error: ProviderError) => error);
}

function setup(breaker: Partial<BreakerSettings> = {}, bulkhead = ROOMY) {
  const clock = createManualClock({ start: 10_000, auto: false });
  const seen: BreakerTransition[] = [];
  const guard = createModelGuard("m", { breaker: { ...BREAKER, ...breaker }, bulkhead }, { clock, onTransition: (t) => seen.push(t) });
  return { clock, guard, seen };
}

describe("model guard: circuit breaker", () => {
  it("opens after the configured failures in a row, then refuses at once with circuit-open", async () => {
    const { guard, seen } = setup();
    for (let i = 0; i < 2; i++) await settle(guard.execute(fail()));
    expect(guard.snapshot()).toEqual({ modelId: "m", state: "closed", failures: 2, openedAt: null, nextProbeAt: null });
    const mine: BreakerTransition[] = [];
    await settle(guard.execute(fail(), { onTransition: (t) => mine.push(t) }));
    expect(guard.snapshot()).toEqual({ modelId: "m", state: "open", failures: 3, openedAt: 10_000, nextProbeAt: 11_000 });
    expect(mine).toEqual([{ modelId: "m", from: "closed", to: "open", at: 10_000, nextProbeAt: 11_000 }]);
    expect(seen).toEqual(mine);

    let called = false;
    const refused = await settle(guard.execute(() => ((called = true), ok())));
    expect(refused).toMatchObject({ kind: "circuit-open", message: "m: circuit breaker open, next probe in 1000 ms" });
    expect(called).toBe(false);
    expect(() => guard.assertAvailable()).toThrow(/circuit breaker open/);
  });

  it("lets one probe through once half-open-after has passed on the clock; success closes it", async () => {
    const { clock, guard, seen } = setup();
    for (let i = 0; i < 3; i++) await settle(guard.execute(fail()));
    await clock.advance(999);
    expect(() => guard.assertAvailable()).toThrow(/next probe in 1 ms/);
    await clock.advance(1);
    guard.assertAvailable();

    let release: (value: string) => void = () => undefined;
    const mine: BreakerTransition[] = [];
    const probe = guard.execute(() => new Promise<string>((resolve) => (release = resolve)), { onTransition: (t) => mine.push(t) });
    expect(guard.snapshot()).toMatchObject({ state: "half-open", nextProbeAt: null, openedAt: 10_000 });
    // while the probe runs, everyone else is refused rather than queued behind it
    expect(await settle(guard.execute(ok))).toMatchObject({ kind: "circuit-open", message: expect.stringContaining("probe call is still running") });
    release("fine");
    await expect(probe).resolves.toBe("fine");
    expect(guard.snapshot()).toEqual({ modelId: "m", state: "closed", failures: 0, openedAt: null, nextProbeAt: null });
    expect(mine.map((t) => `${t.from}→${t.to}`)).toEqual(["open→half-open", "half-open→closed"]);
    expect(seen.map((t) => `${t.from}→${t.to}`)).toEqual(["closed→open", "open→half-open", "half-open→closed"]);
    await expect(guard.execute(ok)).resolves.toBe("ok");
  });

  it("re-opens when the probe fails, with a fresh probe time", async () => {
    const { clock, guard, seen } = setup();
    for (let i = 0; i < 3; i++) await settle(guard.execute(fail()));
    await clock.advance(1500);
    expect(await settle(guard.execute(fail("timeout")))).toMatchObject({ kind: "timeout" });
    expect(guard.snapshot()).toMatchObject({ state: "open", openedAt: 11_500, nextProbeAt: 12_500 });
    expect(seen.at(-1)).toEqual({ modelId: "m", from: "half-open", to: "open", at: 11_500, nextProbeAt: 12_500 });
  });

  it("does not count bad requests or cancellations against the model", async () => {
    const { guard } = setup();
    for (let i = 0; i < 5; i++) await settle(guard.execute(fail("bad-request")));
    for (let i = 0; i < 5; i++) await settle(guard.execute(fail("aborted")));
    expect(guard.snapshot()).toMatchObject({ state: "closed", failures: 0 });
  });

  it("does not count a task's own deadline against the model, nor let it reset a run of failures", async () => {
    const { clock, guard } = setup();
    for (let i = 0; i < 5; i++) expect(await settle(guard.execute(fail("deadline")))).toMatchObject({ kind: "deadline" });
    expect(guard.snapshot()).toMatchObject({ state: "closed", failures: 0 });
    await settle(guard.execute(fail()));
    await settle(guard.execute(fail()));
    await settle(guard.execute(fail("deadline")));
    await settle(guard.execute(fail()));
    expect(guard.snapshot()).toMatchObject({ state: "open", failures: 3 });

    // a probe the task's deadline cut off proved nothing: still open, its probe due at once
    await clock.advance(1500);
    expect(await settle(guard.execute(fail("deadline")))).toMatchObject({ kind: "deadline" });
    await new Promise((r) => setTimeout(r, 0));
    expect(guard.snapshot()).toMatchObject({ state: "open", failures: 3, nextProbeAt: 11_000 });
    expect(guard.refusing()).toBe(false);
  });

  it("resets the run of failures on a success", async () => {
    const { guard } = setup();
    await settle(guard.execute(fail()));
    await settle(guard.execute(fail()));
    await guard.execute(ok);
    await settle(guard.execute(fail()));
    expect(guard.snapshot()).toMatchObject({ state: "closed", failures: 1 });
  });

  it("also opens on a failure ratio over the last calls, without failures in a row", async () => {
    const { guard } = setup({ consecutiveFailures: 100, failureRatio: 0.5, window: 10 });
    // two failures to one success: never 100 in a row, but above half of the window once it holds 5 calls
    for (let i = 0; i < 12 && guard.snapshot().state === "closed"; i++) await settle(guard.execute(i % 3 === 2 ? ok : fail()));
    expect(guard.snapshot().state).toBe("open");
  });
});

describe("model guard: bulkhead", () => {
  it("runs at most maxConcurrent calls, queues maxQueued, and refuses the rest with bulkhead-full", async () => {
    const { guard } = setup({}, { maxConcurrent: 2, maxQueued: 1 });
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const slow = () =>
      new Promise<string>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        releases.push(() => {
          running -= 1;
          resolve("done");
        });
      });
    const calls = [guard.execute(slow), guard.execute(slow), guard.execute(slow)];
    const refused = await settle(guard.execute(slow));
    expect(refused).toMatchObject({ kind: "bulkhead-full" });
    expect(refused instanceof ProviderError && refused.retryable).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(releases).toHaveLength(2);
    releases.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(releases).toHaveLength(2); // the queued call took the freed slot
    for (const release of releases.splice(0)) release();
    await expect(Promise.all(calls)).resolves.toEqual(["done", "done", "done"]);
    expect(peak).toBe(2);
    // a refused call is not the model's fault
    expect(guard.snapshot()).toMatchObject({ state: "closed", failures: 0 });
  });

  it("gives a queued call back at once when its caller aborts", async () => {
    const { guard } = setup({}, { maxConcurrent: 1, maxQueued: 5 });
    let release: () => void = () => undefined;
    const first = guard.execute(() => new Promise<string>((resolve) => (release = () => resolve("first"))));
    const controller = new AbortController();
    let ran = false;
    const queued = guard.execute(() => ((ran = true), ok()), { signal: controller.signal });
    controller.abort();
    expect(await settle(queued)).toMatchObject({ kind: "aborted" });
    release();
    await expect(first).resolves.toBe("first");
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toBe(false);
  });
});

describe("model guard: the due probe goes to one caller", () => {
  it("lets the first caller through and has the others skip the model until the probe has run or the promise lapses", async () => {
    const { clock, guard } = setup();
    for (let i = 0; i < 3; i++) await settle(guard.execute(fail()));
    await clock.advance(1000);
    guard.assertAvailable(); // promised the probe
    expect(() => guard.assertAvailable()).toThrow(/its probe call is about to start/);
    expect(guard.refusing()).toBe(false); // a call already under way may still run: it becomes the probe
    await clock.advance(PROBE_RESERVATION_MS);
    guard.assertAvailable(); // the promise lapsed (the first caller never called): someone else may probe
    await guard.execute(ok);
    expect(guard.snapshot().state).toBe("closed");
    guard.assertAvailable();
    guard.assertAvailable();
  });
});

describe("model guard: a probe that ends without an answer", () => {
  /** an attempt that runs until its caller aborts, then fails as the engine's cancelled calls do */
  const untilCancelled = (signal: AbortSignal) => () =>
    new Promise<string>((_, reject) => signal.addEventListener("abort", () => reject(new ProviderError("aborted", "cancelled")), { once: true }));
  const tick = () => new Promise((r) => setTimeout(r, 0));

  async function dueProbe(breaker: Partial<BreakerSettings> = {}) {
    const s = setup(breaker);
    for (let i = 0; i < 3; i++) await settle(s.guard.execute(fail()));
    await s.clock.advance(1500);
    return s;
  }

  it("a cancelled probe leaves the breaker open with its probe still due; the next call probes, and its success closes it", async () => {
    const { clock, guard, seen } = await dueProbe();
    guard.assertAvailable();
    const controller = new AbortController();
    const probe = guard.execute(untilCancelled(controller.signal), { signal: controller.signal });
    expect(guard.snapshot().state).toBe("half-open");
    controller.abort();
    expect(await settle(probe)).toMatchObject({ kind: "aborted" });
    await tick();

    // no evidence either way: still open, same open period, the probe due at once, nothing counted
    expect(guard.snapshot()).toEqual({ modelId: "m", state: "open", failures: 3, openedAt: 10_000, nextProbeAt: 11_000 });
    expect(seen.map((t) => `${t.from}→${t.to}`)).toEqual(["closed→open", "open→half-open", "half-open→open"]);
    expect(seen.at(-1)).toEqual({ modelId: "m", from: "half-open", to: "open", at: 11_500, nextProbeAt: 11_000 });
    expect(guard.refusing()).toBe(false);

    // the next caller is promised the probe, the one after it skips the model, and the probe's call goes through
    guard.assertAvailable();
    expect(() => guard.assertAvailable()).toThrow(/its probe call is about to start/);
    let release: (value: string) => void = () => undefined;
    const next = guard.execute(() => new Promise<string>((resolve) => (release = resolve)));
    expect(guard.snapshot().state).toBe("half-open");
    expect(await settle(guard.execute(ok))).toMatchObject({ kind: "circuit-open" });
    release("fine");
    await expect(next).resolves.toBe("fine");
    expect(guard.snapshot()).toEqual({ modelId: "m", state: "closed", failures: 0, openedAt: null, nextProbeAt: null });

    // closed for real: it takes the configured failures in a row to open it again
    await clock.advance(10);
    for (let i = 0; i < 2; i++) await settle(guard.execute(fail()));
    expect(guard.snapshot()).toMatchObject({ state: "closed", failures: 2 });
    await settle(guard.execute(fail()));
    expect(guard.snapshot()).toMatchObject({ state: "open", failures: 3, openedAt: 11_510, nextProbeAt: 12_510 });
  });

  it("a probe refused before anything reached the provider (a bad request without an HTTP status) leaves it open and due", async () => {
    const { guard } = await dueProbe();
    const refused = await settle(guard.execute(() => Promise.reject(new ProviderError("bad-request", "address blocked"))));
    expect(refused).toMatchObject({ kind: "bad-request", message: "address blocked" });
    await tick();
    expect(guard.snapshot()).toEqual({ modelId: "m", state: "open", failures: 3, openedAt: 10_000, nextProbeAt: 11_000 });
    await expect(guard.execute(ok)).resolves.toBe("ok");
    expect(guard.snapshot().state).toBe("closed");
  });

  it("a probe the provider answered with a 4xx closes the breaker as a success would: the model is reachable", async () => {
    const { guard, seen } = await dueProbe();
    const answered = await settle(guard.execute(() => Promise.reject(new ProviderError("bad-request", "HTTP 400: context too long", 400))));
    expect(answered).toMatchObject({ kind: "bad-request", status: 400 });
    expect(guard.snapshot()).toEqual({ modelId: "m", state: "closed", failures: 0, openedAt: null, nextProbeAt: null });
    expect(seen.map((t) => `${t.from}→${t.to}`)).toEqual(["closed→open", "open→half-open", "half-open→closed"]);
    // the run of failures starts over: one more failure does not re-open it
    for (let i = 0; i < 2; i++) await settle(guard.execute(fail()));
    expect(guard.snapshot()).toMatchObject({ state: "closed", failures: 2 });
  });

  it("a counted failure of the probe still re-opens it with a fresh probe time", async () => {
    const { guard } = await dueProbe();
    expect(await settle(guard.execute(fail("network")))).toMatchObject({ kind: "network" });
    expect(guard.snapshot()).toMatchObject({ state: "open", openedAt: 11_500, nextProbeAt: 12_500 });
  });
});
