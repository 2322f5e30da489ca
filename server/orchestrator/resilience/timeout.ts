import { ProviderError } from "../errors";
import type { Clock } from "../spec";
import { cancelledError } from "./errors";

/** One reason for cancelling our own timers, so settling a call does not build a DOMException each time. */
const SETTLED = new Error("settled");

/** Handed to the timed function: a stream reports its first text through it, which lifts the first-token deadline. */
export interface AttemptProgress {
  firstToken(): void;
}

export interface TimeoutOptions {
  clock: Clock;
  /** start to finish */
  timeoutMs: number;
  /**
   * `timeoutMs` is the caller's deadline (what is left of the task's latency budget), not the model's own limit:
   * reaching it fails with kind "deadline" instead of "timeout"
   */
  deadline?: boolean;
  /** until `progress.firstToken()`; ignored when not finite or not tighter than `timeoutMs` */
  firstTokenMs?: number;
  signal?: AbortSignal;
  describe?: string;
}

/**
 * The task ran out of time, not the model. Worded for the metrics' message-based error kinds
 * (services/metrics/error-kinds.ts): "budget", and none of the words or bare 3-digit numbers of an earlier kind
 * (no "timed out", "deadline", "cut"; the milliseconds written "500ms", which no status-code pattern takes for a 500).
 */
export function deadlineError(name: string, ms: number): ProviderError {
  return new ProviderError("deadline", `${name}: stopped after ${ms}ms, when the task's latency budget (maxLatencyMs) ran out; not the model's own limit`);
}

/**
 * Run `fn` with a total time limit, and optionally a first-token limit, measured on the Clock port (not
 * cockatiel's TimeoutPolicy, which reads real timers and so cannot be driven by a manual clock in tests). The
 * signal handed to `fn` aborts, with the timeout's ProviderError as its reason, on either deadline or when the
 * caller's signal aborts; the race does not wait for a client that ignores its signal.
 */
export function withTimeout<T>(fn: (signal: AbortSignal, progress: AttemptProgress) => Promise<T>, options: TimeoutOptions): Promise<T> {
  const { clock, timeoutMs, signal } = options;
  if (signal?.aborted) return Promise.reject(cancelledError());
  const call = new AbortController();
  // Cancel our pending sleeps once the call settles (or the first token came), so a manual clock is not
  // pushed to a deadline nobody waits for any more.
  const timer = new AbortController();
  // only when there is a first-token deadline: a whole-reply call has none, and an AbortController is not free
  let firstTokenTimer: AbortController | undefined;
  const name = options.describe ?? "call";

  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      timer.abort(SETTLED);
      firstTokenTimer?.abort(SETTLED);
      signal?.removeEventListener("abort", onCallerAbort);
      action();
    };
    const expire = (error: ProviderError) => {
      call.abort(error);
      finish(() => reject(error));
    };
    const onCallerAbort = () => expire(cancelledError());
    signal?.addEventListener("abort", onCallerAbort, { once: true });

    if (Number.isFinite(timeoutMs)) {
      clock.sleep(Math.max(0, timeoutMs), timer.signal).then(
        () => expire(options.deadline ? deadlineError(name, timeoutMs) : new ProviderError("timeout", `${name} timed out after ${timeoutMs} ms`)),
        () => undefined, // our own cancellation after the call settled
      );
    }
    const firstTokenMs = options.firstTokenMs;
    if (firstTokenMs !== undefined && Number.isFinite(firstTokenMs) && firstTokenMs < timeoutMs) {
      firstTokenTimer = new AbortController();
      clock.sleep(Math.max(0, firstTokenMs), firstTokenTimer.signal).then(
        () => expire(new ProviderError("timeout", `${name} sent no first token within ${firstTokenMs} ms`)),
        () => undefined, // the first token came, or the call settled
      );
    }

    fn(call.signal, { firstToken: () => firstTokenTimer?.abort(SETTLED) }).then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
