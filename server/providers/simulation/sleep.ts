import { setTimeout as delay } from "node:timers/promises";
import { ProviderError } from "@/server/orchestrator/errors";

/** Waits `ms`; rejects when `signal` aborts. The Clock port's `sleep` has exactly this shape. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal });
};

/** The caller's own reason when it aborted with a ProviderError (the engine's timeout), else "aborted". */
export function abortedError(modelId: string, signal?: AbortSignal): ProviderError {
  const reason: unknown = signal?.reason;
  if (reason instanceof ProviderError) return reason;
  const detail = reason instanceof Error ? reason.message : typeof reason === "string" ? reason : "request aborted";
  return new ProviderError("aborted", `${modelId}: ${detail}`);
}

/**
 * Sleeps through the injected `sleep`, but honours the signal even if that sleep ignores it, and always
 * fails with a ProviderError "aborted" so callers see one error type.
 */
export async function pause(sleep: Sleep, ms: number, signal: AbortSignal | undefined, modelId: string): Promise<void> {
  if (signal?.aborted) throw abortedError(modelId, signal);
  if (ms <= 0) return;
  if (!signal) return sleep(ms);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortedError(modelId, signal));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms, signal), aborted]);
  } catch (error) {
    throw signal.aborted ? abortedError(modelId, signal) : error;
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
