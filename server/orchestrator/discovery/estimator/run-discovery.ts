import { InvalidInputError } from "../../errors";
import type { Capability, Clock, RandomSource } from "../../spec";
import { resolveLimits, type DiscoveryLimits, type DiscoveryLimitsInput } from "./options";
import { isBroken, isGraded, type ProbeItem, type ProbeOutcome, type Prober, type ProbeSource } from "./ports";
import type { DiscoveryProgress } from "./progress";
import { pickNext } from "./scheduler";
import { CapabilityTally, type CapabilityEstimate, type StopReason } from "./tally";

export interface DiscoveryOptions<C extends Capability, I extends ProbeItem> extends DiscoveryLimitsInput {
  model: { id: string };
  capabilities: readonly C[];
  sources: Readonly<Record<C, ProbeSource<I>>>;
  prober: Prober<I>;
  /** breaks ties between equally uncertain capabilities; seeded in tests */
  random: RandomSource;
  /** waits out a 429's Retry-After and times the run; without one neither happens */
  clock?: Clock;
  onProgress?: (event: DiscoveryProgress) => void;
  /** stops launching probes; in-flight ones get the signal and the run returns "cancelled" */
  signal?: AbortSignal;
}

export interface DiscoveryError {
  capability: Capability;
  itemId: string;
  message: string;
}

export interface DiscoveryResult<C extends Capability> {
  modelId: string;
  /**
   * "complete": every capability stopped on its own rule (target, cap, budget, suite ran dry).
   * "failed": maxConsecutiveErrors calls in a row failed; `failure` holds the provider's last message.
   * The estimates gathered until then are still returned, marked stopReason "failed".
   */
  status: "complete" | "failed" | "cancelled";
  failure?: { message: string; consecutiveErrors: number };
  capabilities: Record<C, CapabilityEstimate>;
  /** graded probes (the figure the budget and the caps count) */
  probesUsed: number;
  /** every call made, including broken items and errors */
  callsMade: number;
  errors: DiscoveryError[];
  /** wall time by the clock, when one was given */
  elapsedMs?: number;
}

/** A probe handed to a worker: the capability it belongs to and the item to ask. */
interface Launch<I extends ProbeItem> {
  tally: CapabilityTally<I>;
  item: I;
}

/**
 * Adaptive capability discovery for one model.
 *
 * Each capability holds a Beta posterior, starting from a weak prior (options.ts). The next probe goes to
 * the most uncertain capability still open (scheduler.ts); a capability closes when its exact 90% interval
 * is at most `targetWidth` wide (after `minProbesPerCapability`), at `maxProbesPerCapability`, or when its
 * suite runs dry; the run ends when all are closed or `budgetProbes` graded probes are spent (by default 40
 * per capability: the greedy allocation gives the uncertain ones more and the settled ones less).
 *
 * A broken item is recorded by id and skipped: it says nothing about the model. A failed call counts
 * towards `maxConsecutiveErrors`; reaching it ends the run with status "failed" and the provider's message
 * (returned, not thrown, so the partial estimates and every error stay visible; `assertDiscovered` turns it
 * into a DomainError for callers that prefer one). Up to `concurrency` probes run at once; the choice of
 * capability and item is serialised so two probes never get the same item.
 */
export async function runDiscovery<C extends Capability, I extends ProbeItem>(options: DiscoveryOptions<C, I>): Promise<DiscoveryResult<C>> {
  const limits = resolveLimits(pickLimits(options), options.capabilities.length);
  const { model, prober, random, clock, onProgress, signal } = options;
  const tallies = buildTallies(options, limits);
  const startedAt = clock?.now();
  const errors: DiscoveryError[] = [];
  let probesUsed = 0;
  let callsMade = 0;
  let consecutiveErrors = 0;
  let failure: DiscoveryResult<C>["failure"];
  let halted = false;
  /** capabilities whose closing the UI has been told of (an event with done: true) */
  const announced = new Set<CapabilityTally<I>>();

  const inFlightTotal = () => tallies.reduce((sum, t) => sum + t.inFlight, 0);
  const itemsTotal = () => {
    const reachable = tallies.reduce((sum, t) => sum + (t.stopped ? t.probes : Math.max(t.probes, limits.maxProbesPerCapability)), 0);
    return Math.max(probesUsed, Math.min(limits.budgetProbes, reachable));
  };
  const emit = (tally: CapabilityTally<I>, kind: DiscoveryProgress["kind"], extra: { itemId?: string; detail?: string } = {}) => {
    if (tally.stopped) announced.add(tally);
    onProgress?.({
      modelId: model.id,
      kind,
      capability: tally.capability,
      ...extra,
      probesDone: tally.probes,
      estimate: tally.summary(),
      done: tally.stopped,
      stopReason: tally.stopReason,
      itemsDone: probesUsed,
      itemsTotal: itemsTotal(),
    });
  };
  const stopAll = (reason: StopReason) => {
    halted = true;
    for (const tally of tallies) if (!tally.stopped) tally.stopReason = reason;
  };

  /** Chooses the capability and fetches its item. Serialised: nextItem may be async. */
  async function nextLaunch(): Promise<Launch<I> | undefined> {
    for (;;) {
      if (halted) return undefined;
      if (signal?.aborted) {
        stopAll("cancelled");
        return undefined;
      }
      if (probesUsed + inFlightTotal() >= limits.budgetProbes) {
        // in-flight probes may still fail and free budget; only a spent budget closes the rest
        if (inFlightTotal() === 0) stopAll("budget");
        return undefined;
      }
      const tally = pickNext(tallies, limits, random);
      if (!tally) return undefined;
      let item: I | undefined;
      try {
        item = await tally.source.nextItem(tally.asked);
      } catch (error) {
        // a suite that crashes is closed, not the run: the other capabilities still get measured
        const message = error instanceof Error ? error.message : String(error);
        errors.push({ capability: tally.capability, itemId: "", message: `probe source failed: ${message}` });
        tally.stopReason = "broken-suite";
        emit(tally, "stopped", { detail: message });
        continue;
      }
      // a source that repeats an asked id would loop forever: treat it as run dry
      if (!item || tally.asked.has(item.id)) {
        tally.stopReason = "exhausted";
        emit(tally, "stopped");
        continue;
      }
      tally.asked.add(item.id);
      tally.inFlight += 1;
      callsMade += 1;
      return { tally, item };
    }
  }

  async function settle({ tally, item }: Launch<I>, outcome: ProbeOutcome): Promise<void> {
    tally.inFlight -= 1;
    if (isGraded(outcome)) {
      consecutiveErrors = 0;
      probesUsed += 1;
      tally.record(outcome.pass, outcome.latencyMs, outcome.costUsd);
      tally.evaluate(limits);
      emit(tally, "result", { itemId: item.id });
      return;
    }
    if (isBroken(outcome)) {
      // the model answered; the item is what failed
      consecutiveErrors = 0;
      tally.broken.push(item.id);
      if (!tally.stopped && tally.broken.length >= limits.maxProbesPerCapability) tally.stopReason = "broken-suite";
      emit(tally, "broken", { itemId: item.id, detail: outcome.detail });
      return;
    }
    // calls failing because we cancelled them say nothing about the provider
    if (!signal?.aborted) consecutiveErrors += 1;
    errors.push({ capability: tally.capability, itemId: item.id, message: outcome.error });
    if (consecutiveErrors >= limits.maxConsecutiveErrors && !failure) {
      failure = { message: outcome.error, consecutiveErrors };
      stopAll("failed");
    }
    emit(tally, "error", { itemId: item.id, detail: outcome.error });
    if (!halted && clock && outcome.retryAfterMs !== undefined && outcome.retryAfterMs > 0) {
      await clock.sleep(Math.min(outcome.retryAfterMs, limits.maxRetryWaitMs), signal).catch(() => undefined);
    }
  }

  const serial = createSerial();
  async function worker(): Promise<void> {
    for (;;) {
      const launch = await serial(nextLaunch);
      if (!launch) return;
      await settle(launch, await safeProbe(prober, launch.item, signal));
    }
  }
  await Promise.all(Array.from({ length: limits.concurrency }, worker));

  if (signal?.aborted && !failure) stopAll("cancelled");
  // whatever is still open here ran out of budget; close it, and tell the UI of every close it has not seen
  for (const tally of tallies) {
    if (!tally.stopped) tally.stopReason = "budget";
    if (!announced.has(tally)) emit(tally, "stopped");
  }
  return {
    modelId: model.id,
    status: failure ? "failed" : signal?.aborted ? "cancelled" : "complete",
    ...(failure ? { failure } : {}),
    capabilities: Object.fromEntries(tallies.map((t) => [t.capability, t.estimate()])) as Record<C, CapabilityEstimate>,
    probesUsed,
    callsMade,
    errors,
    ...(clock && startedAt !== undefined ? { elapsedMs: clock.now() - startedAt } : {}),
  };
}

function pickLimits(options: DiscoveryLimitsInput): DiscoveryLimitsInput {
  const { targetWidth, minProbesPerCapability, maxProbesPerCapability, budgetProbes, maxConsecutiveErrors, concurrency, maxRetryWaitMs, prior } =
    options;
  return { targetWidth, minProbesPerCapability, maxProbesPerCapability, budgetProbes, maxConsecutiveErrors, concurrency, maxRetryWaitMs, prior };
}

function buildTallies<C extends Capability, I extends ProbeItem>(options: DiscoveryOptions<C, I>, limits: DiscoveryLimits): CapabilityTally<I>[] {
  if (options.capabilities.length === 0) throw new InvalidInputError("discovery.capabilities", "name at least one capability");
  if (new Set(options.capabilities).size !== options.capabilities.length) {
    throw new InvalidInputError("discovery.capabilities", "each capability may be listed once");
  }
  return options.capabilities.map((capability) => {
    const source = options.sources[capability];
    if (!source) throw new InvalidInputError(`discovery.sources.${capability}`, "no probe source for this capability");
    if (source.capability !== capability) {
      throw new InvalidInputError(`discovery.sources.${capability}`, `the source serves "${source.capability}"`);
    }
    return new CapabilityTally(capability, source, limits.prior);
  });
}

/** A prober that throws is treated as one that reported the error: the run must not die on one bad call. */
async function safeProbe<I extends ProbeItem>(prober: Prober<I>, item: I, signal: AbortSignal | undefined): Promise<ProbeOutcome> {
  try {
    return await prober.probe(item, signal);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs async sections one at a time, in call order. */
function createSerial(): <T>(section: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(section: () => Promise<T>) => {
    const run = tail.then(section);
    tail = run.catch(() => undefined);
    return run;
  };
}
