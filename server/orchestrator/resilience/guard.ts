import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  CountBreaker,
  handleWhen,
  IsolatedCircuitError,
  TaskCancelledError,
  type IBackoff,
  type IBreaker,
  type IHalfOpenAfterBackoffContext,
} from "cockatiel";
import { ProviderError, type ProviderErrorKind } from "../errors";
import type { BreakerSettings, BreakerState, BulkheadSettings, Clock } from "../spec";
import { cancelledError } from "./errors";

/** One model's breaker as the roster shows it. Times are on the guard's clock (epoch ms in production). */
export interface BreakerSnapshot {
  modelId: string;
  state: BreakerState;
  /** failures in a row counted against the model (reset by a success) */
  failures: number;
  /** when the breaker last opened; null while closed */
  openedAt: number | null;
  /** when an open breaker lets its next probe call through; null unless open */
  nextProbeAt: number | null;
}

export interface BreakerTransition {
  modelId: string;
  from: BreakerState;
  to: BreakerState;
  at: number;
  nextProbeAt: number | null;
}

export interface GuardCall {
  signal?: AbortSignal;
  /** the breaker transitions this call caused (or, under concurrency, was the first to see) */
  onTransition?(transition: BreakerTransition): void;
}

/**
 * A model's circuit breaker and bulkhead, shared by every task that calls the model (the services layer
 * keeps one per model for the life of the process and hands it to the engine through `EnginePorts.guard`).
 */
export interface ModelGuard {
  readonly modelId: string;
  /**
   * Throws ProviderError "circuit-open" when a call would be refused now: the check before a step starts. When an
   * open breaker's probe is due, the first caller is let through and holds the probe for a moment, so the others
   * skip the model up front instead of starting steps that the breaker will refuse.
   */
  assertAvailable(): void;
  /** whether a call would be refused right now (no probe reservation): for deciding whether a retry is worth it */
  refusing(): boolean;
  /** Runs one attempt through the bulkhead and the breaker. */
  execute<T>(attempt: () => Promise<T>, call?: GuardCall): Promise<T>;
  snapshot(): BreakerSnapshot;
}

export interface GuardSettings {
  breaker: BreakerSettings;
  bulkhead: BulkheadSettings;
}

/**
 * Failures that say something about the model. A bad request is ours, a cancel is the operator's, a "deadline" is
 * the task running out of its own time (maxLatencyMs) before the model's timeout, and the guard's own refusals
 * would otherwise keep an open breaker open.
 */
const COUNTED: ReadonlySet<ProviderErrorKind> = new Set(["rate-limit", "server", "timeout", "network", "cut-stream", "bad-response", "auth"]);

export function countsAgainstModel(error: unknown): boolean {
  return error instanceof ProviderError && COUNTED.has(error.kind);
}

/** How long a due probe stays reserved for the caller that passed `assertAvailable`, until its call starts. */
export const PROBE_RESERVATION_MS = 1000;

/** Opens when either cockatiel breaker would: failures in a row, or a failure ratio over the last calls. */
class EitherBreaker implements IBreaker {
  constructor(private readonly parts: readonly IBreaker[]) {}

  get state(): unknown {
    return this.parts.map((p) => p.state);
  }

  set state(value: unknown) {
    if (Array.isArray(value)) value.forEach((v: unknown, i) => ((this.parts[i] as IBreaker).state = v));
  }

  success(state: CircuitState): void {
    for (const part of this.parts) part.success(state);
  }

  failure(state: CircuitState): boolean {
    let open = false;
    for (const part of this.parts) open = part.failure(state) || open;
    return open;
  }
}

function breakerFor(settings: BreakerSettings): IBreaker {
  const consecutive = new ConsecutiveBreaker(settings.consecutiveFailures);
  if (settings.failureRatio === null) return consecutive;
  const ratio = new CountBreaker({
    threshold: settings.failureRatio,
    size: settings.window,
    minimumNumberOfCalls: Math.max(1, Math.ceil(settings.window / 2)),
  });
  return new EitherBreaker([consecutive, ratio]);
}

/**
 * The open period, measured on the Clock port. Cockatiel compares its own Date.now() against `duration`, so
 * the backoff answers "still waiting" (+∞) or "probe now" (−∞) from the clock: tests drive the breaker with a
 * manual clock and production with the system clock, and cockatiel still owns the state machine.
 */
class ProbeAfter implements IBackoff<IHalfOpenAfterBackoffContext> {
  constructor(
    private readonly clock: Clock,
    private readonly waitMs: number,
    private readonly opened: (probe: ProbeAfter) => void,
    readonly openedAt: number,
  ) {
    opened(this);
  }

  get probeAt(): number {
    return this.openedAt + this.waitMs;
  }

  get duration(): number {
    return this.clock.now() >= this.probeAt ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }

  next(context: IHalfOpenAfterBackoffContext): ProbeAfter {
    // a probe that ended without an answer leaves the open period as it was: still due, the next call probes
    if ("error" in context.result && context.result.error instanceof UnansweredProbe) return this;
    return new ProbeAfter(this.clock, this.waitMs, this.opened, this.clock.now());
  }
}

function stateName(state: CircuitState): BreakerState {
  if (state === CircuitState.Closed) return "closed";
  if (state === CircuitState.HalfOpen) return "half-open";
  return "open";
}

function guardError(error: unknown, modelId: string): unknown {
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
    return new ProviderError("circuit-open", `${modelId}: circuit breaker open`);
  }
  if (error instanceof BulkheadRejectedError) {
    return new ProviderError("bulkhead-full", `${modelId}: bulkhead full (${error.message})`);
  }
  if (error instanceof TaskCancelledError) return cancelledError();
  return error;
}

/** Rejects as soon as `signal` aborts, even while the bulkhead still holds the call in its queue. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      // the queued call is dropped by the bulkhead when its turn comes (its signal is aborted)
      work.catch(() => undefined);
      reject(cancelledError());
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Stands in for a probe's error when the probe ended without an answer from the model (see throughBreaker). The
 * breaker handles it as a failure, so it re-opens instead of closing, and ProbeAfter.next keeps the due probe time.
 * It never leaves the guard: the caller gets the probe's own error.
 */
class UnansweredProbe extends Error {
  constructor(readonly original: unknown) {
    super("the probe call ended without an answer from the model");
  }
}

/**
 * Whether a failed probe still heard from the model: a ProviderError with an HTTP status is the provider's reply
 * (a 400, 404 or 422 says the model is reachable and answering). A cancel, a request refused before it was sent
 * (a bad request without a status: blocked address, missing base URL), the guard's own refusals and unknown
 * throwables say nothing about the model.
 */
function answered(error: unknown): boolean {
  return error instanceof ProviderError && error.status !== undefined;
}

/** A probe's outcome for cockatiel, which must not see a non-counted error (it would close the breaker on it). */
type ProbeOutcome<T> = { value: T } | { error: unknown };

export function createModelGuard(
  modelId: string,
  settings: GuardSettings,
  options: { clock: Clock; onTransition?: (transition: BreakerTransition) => void },
): ModelGuard {
  const { clock } = options;
  let probe: ProbeAfter | undefined;
  let state: BreakerState = "closed";
  let failures = 0;
  /** transitions not yet reported to a call */
  let unclaimed: BreakerTransition[] = [];
  /** when a caller was promised the due probe (see assertAvailable) */
  let probeReservedAt: number | undefined;

  const remember = (p: ProbeAfter) => {
    probe = p;
  };
  const breaker = circuitBreaker(handleWhen((error) => error instanceof UnansweredProbe || countsAgainstModel(error)), {
    breaker: breakerFor(settings.breaker),
    halfOpenAfter: { next: () => new ProbeAfter(clock, settings.breaker.halfOpenAfterMs, remember, clock.now()) },
  });
  const slots = bulkhead(settings.bulkhead.maxConcurrent, settings.bulkhead.maxQueued);

  breaker.onStateChange((next) => {
    const to = stateName(next);
    if (to === state) return;
    const transition: BreakerTransition = { modelId, from: state, to, at: clock.now(), nextProbeAt: to === "open" ? (probe?.probeAt ?? null) : null };
    state = to;
    probeReservedAt = undefined;
    unclaimed.push(transition);
    options.onTransition?.(transition);
  });

  /** why a call would be refused now, ignoring probe reservations */
  function refusal(): ProviderError | undefined {
    if (state === "half-open") return new ProviderError("circuit-open", `${modelId}: circuit breaker half-open, its probe call is still running`);
    if (state === "open" && probe && clock.now() < probe.probeAt) {
      return new ProviderError("circuit-open", `${modelId}: circuit breaker open, next probe in ${Math.ceil(probe.probeAt - clock.now())} ms`);
    }
    return undefined;
  }

  function assertAvailable(): void {
    const refused = refusal();
    if (refused) throw refused;
    if (state !== "open") return;
    // the probe is due: one caller gets it, the rest skip the model until it has run (or the promise lapses)
    const now = clock.now();
    if (probeReservedAt !== undefined && now - probeReservedAt < PROBE_RESERVATION_MS) {
      throw new ProviderError("circuit-open", `${modelId}: circuit breaker open, its probe call is about to start`);
    }
    probeReservedAt = now;
  }

  function assertNotRefusing(): void {
    const refused = refusal();
    if (refused) throw refused;
  }

  /**
   * Runs the attempt through the breaker. When the breaker is open, its probe is due (assertNotRefusing let the call
   * through) and this call is the probe. Cockatiel closes a half-open breaker on any error it does not count, which
   * would close it on a cancelled probe with no sign that the model works. So the probe's outcome is sorted first:
   * - success, or a failure the breaker counts: to cockatiel as is (closes; re-opens with a fresh probe time);
   * - a non-counted error the provider answered with (see `answered`, e.g. a 400): the model is reachable and
   *   answering, which is what the breaker is asking, so it closes as a success would (the runs of failures start
   *   over), and the caller still gets the error;
   * - anything else (a cancel, a request never sent): no evidence either way. It goes to cockatiel as an
   *   UnansweredProbe, so the breaker re-opens with its open period unchanged. The probe is then due at once: the
   *   next call is the new probe (assertAvailable promises it to one caller, routing sees an open breaker with a
   *   due probe as half-open). Not half-open: that state means a probe is running, and refuses every call.
   */
  async function throughBreaker<T>(attempt: () => Promise<T>): Promise<T> {
    // the breaker may have opened while this call waited for a bulkhead slot
    assertNotRefusing();
    try {
      const value = breaker.state === CircuitState.Open ? await probeThroughBreaker(attempt) : await breaker.execute(attempt);
      failures = 0;
      return value;
    } catch (error) {
      if (countsAgainstModel(error)) failures += 1;
      throw error;
    }
  }

  async function probeThroughBreaker<T>(attempt: () => Promise<T>): Promise<T> {
    let outcome: ProbeOutcome<T>;
    try {
      outcome = await breaker.execute(async (): Promise<ProbeOutcome<T>> => {
        try {
          return { value: await attempt() };
        } catch (error) {
          if (countsAgainstModel(error)) throw error;
          if (answered(error)) return { error };
          throw new UnansweredProbe(error);
        }
      });
    } catch (error) {
      throw error instanceof UnansweredProbe ? error.original : error;
    }
    if (!("error" in outcome)) return outcome.value;
    failures = 0; // the breaker closed on the answer (cockatiel reset its own counts as for a success)
    throw outcome.error;
  }

  return {
    modelId,
    assertAvailable,
    refusing: () => refusal() !== undefined,

    async execute<T>(attempt: () => Promise<T>, call: GuardCall = {}): Promise<T> {
      assertNotRefusing();
      let ran = false;
      try {
        return await untilAborted(
          slots.execute(() => {
            ran = true;
            return throughBreaker(attempt);
          }, call.signal),
          call.signal,
        );
      } catch (error) {
        throw guardError(error, modelId);
      } finally {
        if (ran && unclaimed.length > 0) {
          const mine = unclaimed;
          unclaimed = [];
          for (const transition of mine) call.onTransition?.(transition);
        }
      }
    },

    snapshot(): BreakerSnapshot {
      return {
        modelId,
        state,
        failures,
        openedAt: state === "closed" ? null : (probe?.openedAt ?? null),
        nextProbeAt: state === "open" ? (probe?.probeAt ?? null) : null,
      };
    },
  };
}
