import { ProviderError } from "../errors";
import type { Clock } from "../spec";
import { cancelledError } from "./errors";

/**
 * Run `fn` with a total time limit measured on the Clock port (not cockatiel's TimeoutPolicy, which reads real
 * timers and so cannot be driven by a manual clock in tests). The signal handed to `fn` aborts on timeout or
 * when the caller's signal aborts; the race does not wait for a client that ignores its signal.
 */
export function withTimeout<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  options: { clock: Clock; timeoutMs: number; signal?: AbortSignal; describe?: string },
): Promise<T> {
  const { clock, timeoutMs, signal } = options;
  if (signal?.aborted) return Promise.reject(cancelledError());
  const call = new AbortController();
  // Cancels our pending sleep once the call settles, so a manual clock is not pushed to the deadline.
  const timer = new AbortController();

  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      timer.abort();
      signal?.removeEventListener("abort", onCallerAbort);
      action();
    };
    const onCallerAbort = () => {
      const error = cancelledError();
      call.abort(error);
      finish(() => reject(error));
    };
    signal?.addEventListener("abort", onCallerAbort, { once: true });

    if (Number.isFinite(timeoutMs)) {
      clock.sleep(Math.max(0, timeoutMs), timer.signal).then(
        () => {
          const error = new ProviderError("timeout", `${options.describe ?? "call"} timed out after ${timeoutMs} ms`);
          call.abort(error);
          finish(() => reject(error));
        },
        () => undefined, // our own cancellation after the call settled
      );
    }

    fn(call.signal).then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
