import { DomainError, ProviderError } from "../errors";

/**
 * Everything that escapes a model call becomes a ProviderError, so retry and fallback decisions look at one
 * type. Unknown throwables from an adapter are "bad-response": a bug we should not hammer with retries.
 */
export function toProviderError(error: unknown, modelId: string, signal?: AbortSignal): ProviderError {
  if (signal?.aborted) return error instanceof ProviderError && error.kind === "aborted" ? error : cancelledError();
  if (error instanceof ProviderError) return error;
  if (error instanceof DomainError) return new ProviderError("bad-response", `${modelId}: ${error.message}`);
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError("bad-response", `${modelId}: ${message}`);
}

export function cancelledError(): ProviderError {
  return new ProviderError("aborted", "cancelled");
}

export function isCancellation(error: unknown): boolean {
  return error instanceof ProviderError && error.kind === "aborted";
}
