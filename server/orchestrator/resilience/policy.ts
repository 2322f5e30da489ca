import { ConstantBackoff, handleWhen, retry } from "cockatiel";
import { ProviderError } from "../errors";
import { DEFAULT_RESILIENCE_SETTINGS, type Clock, type RandomSource, type ResilienceSettings } from "../spec";
import { cancelledError, toProviderError } from "./errors";
import type { BreakerTransition, ModelGuard } from "./guard";
import { withTimeout, type AttemptProgress } from "./timeout";

export interface ResilienceOptions {
  /** retries after the first attempt, for retryable ProviderErrors only */
  maxRetries: number;
  /** first backoff; doubles per retry */
  baseDelayMs: number;
  /** ceiling for a backoff or a provider's Retry-After */
  maxDelayMs: number;
  /** total time allowed for one attempt, start to finish */
  timeoutMs: number;
  /** time allowed until a stream's first text; the caller leaves it out for plain calls */
  firstTokenTimeoutMs?: number;
}

/** The engine's options from a model's stored settings. */
export function resilienceOptionsFrom(settings: ResilienceSettings): ResilienceOptions {
  return {
    maxRetries: settings.maxRetries,
    baseDelayMs: settings.baseBackoffMs,
    maxDelayMs: settings.maxBackoffMs,
    timeoutMs: settings.totalTimeoutMs,
    firstTokenTimeoutMs: settings.firstTokenTimeoutMs,
  };
}

export const DEFAULT_RESILIENCE: ResilienceOptions = resilienceOptionsFrom(DEFAULT_RESILIENCE_SETTINGS);

export interface CallOptions {
  modelId: string;
  clock: Clock;
  random?: RandomSource;
  signal?: AbortSignal;
  options: ResilienceOptions;
  /**
   * The caller's deadline, read before each attempt: what is left of the task's latency budget. When it is tighter
   * than the model's own `options.timeoutMs` and cuts the attempt off, the attempt fails with kind "deadline" — the
   * task ran out of time, the model did not fail: no retry, and the model's breaker does not count it.
   */
  deadlineMs?: number | (() => number);
  /** called before each retry's backoff; attempt counts from 1 */
  onRetry?: (attempt: number, error: ProviderError, delayMs: number) => void;
  /** veto a retry (e.g. the latency budget cannot absorb the delay) */
  canRetry?: (error: ProviderError, delayMs: number) => boolean;
  /** the model's circuit breaker and bulkhead; every attempt goes through them */
  guard?: ModelGuard;
  /** a breaker transition one of these attempts caused */
  onBreakerChange?: (transition: BreakerTransition) => void;
}

/**
 * Exponential backoff (base·2^(n-1), with ±25% jitter when a RandomSource is given); a 429's Retry-After wins
 * when the provider sent one, because retrying sooner only earns another 429.
 */
export function retryDelayMs(attempt: number, error: ProviderError, options: ResilienceOptions, random?: RandomSource): number {
  if (error.kind === "rate-limit" && error.retryAfterMs !== undefined) return Math.min(options.maxDelayMs, error.retryAfterMs);
  const base = options.baseDelayMs * 2 ** (attempt - 1);
  const jitter = random ? 0.75 + random.next() * 0.5 : 1;
  return Math.min(options.maxDelayMs, Math.round(base * jitter));
}

/**
 * One model call wrapped in a cockatiel retry policy; each attempt goes through the model's guard (bulkhead, then
 * circuit breaker) and Clock-measured first-token and total timeouts. Cockatiel owns the retry loop and decision;
 * the backoff itself sleeps on the Clock port (cockatiel's own delay is 0) so tests with a manual clock stay
 * instant and deterministic. Only retryable kinds are retried: an open breaker or a full bulkhead ("circuit-open",
 * "bulkhead-full") and a cut stream go straight back to the chain, which falls back to its next candidate, and so
 * does an attempt cut off by the caller's deadline ("deadline": the task is out of time, a retry could not finish).
 */
export async function callWithResilience<T>(fn: (signal: AbortSignal, progress: AttemptProgress) => Promise<T>, call: CallOptions): Promise<T> {
  const { clock, signal, options } = call;
  let lastError: ProviderError | undefined;
  let pendingDelay = 0;
  let retriesSoFar = 0;

  const policy = retry(
    handleWhen((error) => {
      if (signal?.aborted || !(error instanceof ProviderError) || !error.retryable) return false;
      const attempt = retriesSoFar + 1;
      if (attempt > options.maxRetries) return false;
      // the failure just opened the model's breaker: the next attempt would be refused, so fall back now
      if (call.guard?.refusing()) return false;
      pendingDelay = retryDelayMs(attempt, error, options, call.random);
      return call.canRetry?.(error, pendingDelay) ?? true;
    }),
    { maxAttempts: options.maxRetries, backoff: new ConstantBackoff(0) },
  );
  policy.onRetry(({ attempt }) => {
    retriesSoFar = attempt;
    if (lastError) call.onRetry?.(attempt, lastError, pendingDelay);
  });

  return policy.execute(async ({ attempt }) => {
    if (attempt > 0 && pendingDelay > 0) {
      try {
        await clock.sleep(pendingDelay, signal);
      } catch {
        throw cancelledError();
      }
    }
    const timed = () => {
      // read when the attempt starts (after any wait for a bulkhead slot); the model's own timeout wins a tie
      const deadlineMs = typeof call.deadlineMs === "function" ? call.deadlineMs() : (call.deadlineMs ?? Number.POSITIVE_INFINITY);
      const byDeadline = deadlineMs < options.timeoutMs;
      return withTimeout(fn, {
        clock,
        signal,
        timeoutMs: byDeadline ? Math.max(0, deadlineMs) : options.timeoutMs,
        deadline: byDeadline,
        firstTokenMs: options.firstTokenTimeoutMs,
        describe: call.modelId,
      }).catch((error: unknown) => {
        // the breaker decides on ProviderError kinds, so raw adapter errors are typed before it sees them
        throw toProviderError(error, call.modelId, signal);
      });
    };
    try {
      return await (call.guard ? call.guard.execute(timed, { signal, onTransition: call.onBreakerChange }) : timed());
    } catch (error) {
      lastError = toProviderError(error, call.modelId, signal);
      throw lastError;
    }
  }, signal);
}
