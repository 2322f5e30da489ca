import { ConstantBackoff, handleWhen, retry } from "cockatiel";
import { ProviderError } from "../errors";
import type { Clock, RandomSource } from "../spec";
import { cancelledError, toProviderError } from "./errors";
import { withTimeout } from "./timeout";

export interface ResilienceOptions {
  /** retries after the first attempt, for retryable ProviderErrors only */
  maxRetries: number;
  /** first backoff; doubles per retry */
  baseDelayMs: number;
  /** ceiling for a backoff or a provider's Retry-After */
  maxDelayMs: number;
  /** total time allowed for one attempt, first token to finish */
  timeoutMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 120_000,
};

export interface CallOptions {
  modelId: string;
  clock: Clock;
  random?: RandomSource;
  signal?: AbortSignal;
  options: ResilienceOptions;
  /** a tighter limit, read before each attempt: e.g. what is left of the task's latency budget */
  timeoutMs?: number | (() => number);
  /** called before each retry's backoff; attempt counts from 1 */
  onRetry?: (attempt: number, error: ProviderError, delayMs: number) => void;
  /** veto a retry (e.g. the latency budget cannot absorb the delay) */
  canRetry?: (error: ProviderError, delayMs: number) => boolean;
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
 * One model call wrapped in a cockatiel retry policy plus a Clock-measured timeout per attempt. Cockatiel owns
 * the retry loop and decision; the backoff itself sleeps on the Clock port (cockatiel's own delay is 0) so tests
 * with a manual clock stay instant and deterministic.
 */
export async function callWithResilience<T>(fn: (signal: AbortSignal) => Promise<T>, call: CallOptions): Promise<T> {
  const { clock, signal, options } = call;
  let lastError: ProviderError | undefined;
  let pendingDelay = 0;
  let retriesSoFar = 0;

  const policy = retry(
    handleWhen((error) => {
      if (signal?.aborted || !(error instanceof ProviderError) || !error.retryable) return false;
      const attempt = retriesSoFar + 1;
      if (attempt > options.maxRetries) return false;
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
    try {
      return await withTimeout(fn, {
        clock,
        signal,
        timeoutMs: Math.min(options.timeoutMs, typeof call.timeoutMs === "function" ? call.timeoutMs() : (call.timeoutMs ?? Number.POSITIVE_INFINITY)),
        describe: call.modelId,
      });
    } catch (error) {
      lastError = toProviderError(error, call.modelId, signal);
      throw lastError;
    }
  }, signal);
}
